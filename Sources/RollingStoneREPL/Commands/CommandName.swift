import RollingStoneCore
import RollingStoneJournal
import RollingStoneMeeting
import RollingStoneReport

/// The words the REPL understands, with their usage and help.
package enum CommandName: String, CaseIterable, Sendable {
    case help, agenda, next, back, goto, time, join, who, lesson
    case tip, note, quote, idea, action
    case list, edit, delete, move, undo, report, end
    case inbox, accept, reject, room
    case queue = "q"
    case queueUp = "q+"
    case unqueue = "q-"
    case ack
    case actions, done
    case keepPrivate = "private"
    case search

    /// Other words for the same command.
    static let aliases: [String: CommandName] = [
        "?": .help, "h": .help, "n": .next, "b": .back, "go": .goto, "ls": .list,
        "rm": .delete, "del": .delete, "quit": .end, "exit": .end,
    ]

    /// The words that name a command only when the REPL speaks Dutch, each
    /// beside its English one (which keeps working): `notitie`, `volgende`…
    ///
    /// Only then, because a line that is not a command is a note: an English
    /// meeting's "les is more" must stay a note. Each command's own Dutch
    /// word is in `word(in:)`; these are the extra ones.
    static let dutchAliases: [String: CommandName] = ["vorige": .back, "prive": .keepPrivate]

    /// The command named by `word` (lowercased) when the REPL speaks
    /// `language`: an English word or alias always, a word of `language` too.
    static func named(_ word: String, in language: InterfaceLanguage) -> CommandName? {
        if let name = CommandName(rawValue: word) ?? aliases[word] { return name }
        return localName(word, in: language)
    }

    /// The command named by `word` in `language` only, not in English.
    static func localName(_ word: String, in language: InterfaceLanguage) -> CommandName? {
        switch language {
        case .en: return nil
        case .nl: return dutchWords[word] ?? dutchAliases[word]
        }
    }

    private static let dutchWords = Dictionary(uniqueKeysWithValues: allCases.map { ($0.word(in: .nl), $0) })

    /// How the command is typed, in English: what error messages quote
    /// when nothing says which language.
    package var usage: String { usage(in: .en) }

    /// Whether a word one letter off this command is taken for a typo of it.
    /// Not `ack`: "ach" starts many a Dutch or German sentence; nor the
    /// queue's signs.
    var isGuessedFromTypos: Bool {
        ![.ack, .actions, .done, .keepPrivate].contains(self) && rawValue.allSatisfy(\.isLetter)
    }

    /// Whether the command takes its line only in its own form (`actions`
    /// alone, `done A2.6`, `private @NAME`), any other line starting with
    /// its word being a note: they came after scripts were written, and
    /// "done with the intro" or "private matters first" were notes then.
    var isOnlyInItsOwnForm: Bool {
        self == .actions || self == .done || self == .keepPrivate
    }
}
