import Foundation
import RollingStoneCore
import RollingStoneJournal
import RollingStoneMeeting
import RollingStoneReport

/// Tab completion for the meeting REPL: command names, `@` participant
/// names (also after `accept N`, `q+` and `q-`), agenda item titles after
/// `goto` and `move #N`, countries in `join`, and the words after `q`.
///
/// In a language other than English its command words come first: where
/// one of them fits what is typed, the English ones are not offered too
/// (they mean the same, and a shorter list is quicker to read).
package final class MeetingCompleter: CompletionSource {
    private let meeting: Meeting
    private let language: InterfaceLanguage

    /// - Parameter language: the REPL's; the agenda's language when left out.
    package init(meeting: Meeting, language: InterfaceLanguage? = nil) {
        self.meeting = meeting
        self.language = language ?? InterfaceLanguage(meeting.state.agenda.language)
    }

    package func completions(line: String, wordStart: Int, wordEnd: Int) -> [String] {
        let bytes = Array(line.utf8)
        guard wordStart >= 0, wordStart <= wordEnd, wordEnd <= bytes.count else { return [] }
        let typed = String(decoding: bytes[..<wordEnd], as: UTF8.self)
        let word = String(decoding: bytes[wordStart..<wordEnd], as: UTF8.self)
        let (command, argument) = Self.splitCommand(typed)
        guard let argument else { return commandWords(startingWith: word) }
        let state = meeting.state
        let typedWord = command.lowercased()
        guard let name = CommandName.named(typedWord, in: language) else { return [] }
        let isLocalWord = CommandName.localName(typedWord, in: language) != nil && CommandName(rawValue: typedWord) == nil
        switch name {
        case .tip, .quote, .idea, .action, .note:
            // A name may span several words: the phrase since the `@` is
            // matched, only the word under the cursor is replaced.
            guard argument.hasPrefix("@") else { return [] }
            return Self.complete(phrase: String(argument.dropFirst()), word: word, among: state.participants.map(\.name))
        case .goto:
            let target = isLocalWord ? Self.droppingNaar(argument) : argument
            return Self.complete(phrase: target, word: word, among: state.agenda.items.map(\.title))
        case .accept:
            let (_, mention) = Self.splitCommand(argument)
            guard let mention, mention.hasPrefix("@") else { return [] }
            return Self.complete(phrase: String(mention.dropFirst()), word: word, among: state.participants.map(\.name))
        case .move:
            let (number, target) = Self.splitCommand(argument)
            guard number.hasPrefix("#"), let target else { return [] }
            let title = isLocalWord ? Self.droppingNaar(target) : target
            return Self.complete(phrase: title, word: word, among: state.agenda.items.map(\.title))
        case .join:
            let fields = argument.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 2 else { return [] }
            let country = String(fields[1].drop { $0 == " " })
            return Self.complete(phrase: country, word: word, among: meeting.countries.names(startingWith: country, preferring: state.agenda.language))
        case .queueUp, .keepPrivate:
            guard argument.hasPrefix("@") else { return [] }
            return Self.complete(phrase: String(argument.dropFirst()), word: word, among: state.participants.map(\.name))
        case .unqueue:
            // Only those waiting can be taken out.
            guard argument.hasPrefix("@") else { return [] }
            let waiting = state.speakers.waiting.compactMap { state.participant($0.participant)?.name }
            return Self.complete(phrase: String(argument.dropFirst()), word: word, among: waiting)
        case .queue:
            guard !argument.contains(" ") else { return [] }
            return Self.preferringLocal(Self.queueWords(in: language), ["next", "done", "stats", "time"], startingWith: word)
        case .help:
            return commandWords(startingWith: word)
        default:
            return []
        }
    }

    /// The command words that start with `word`: the language's own, or
    /// failing those the English ones.
    private func commandWords(startingWith word: String) -> [String] {
        let local = language == .en ? [] : CommandName.allCases.map { $0.word(in: language) }
        return Self.preferringLocal(local, CommandName.allCases.map(\.rawValue), startingWith: word)
    }

    /// The words of `local` that start with `word`, or those of `english` when none does.
    private static func preferringLocal(_ local: [String], _ english: [String], startingWith word: String) -> [String] {
        let key = word.lowercased()
        let fitting = local.filter { $0.hasPrefix(key) }
        return fitting.isEmpty ? english.filter { $0.hasPrefix(key) } : fitting
    }

    /// The words after `q` in `language`, as the parser takes them.
    private static func queueWords(in language: InterfaceLanguage) -> [String] {
        switch language {
        case .en: []
        case .nl: ["volgende", "klaar", "stats", "tijd"]
        }
    }

    /// "naar veerkracht" as "veerkracht": the Dutch `ga naar` and `verplaats #N naar`.
    private static func droppingNaar(_ text: String) -> String {
        let (first, rest) = splitCommand(text)
        guard first.lowercased() == "naar", let rest else { return text }
        return rest
    }

    /// The first word and, once a space follows it, the rest (possibly empty).
    private static func splitCommand(_ text: String) -> (String, String?) {
        let trimmed = text.drop { $0 == " " }
        guard let space = trimmed.firstIndex(of: " ") else { return (String(trimmed), nil) }
        return (String(trimmed[..<space]), String(trimmed[space...].drop { $0 == " " }))
    }

    /// Candidates that start with `phrase` (ignoring case and accents), each
    /// cut to the part that replaces `word`, the end of `phrase`. When none
    /// does and `phrase` is one word, the candidates with a later word that
    /// starts with it, whole: `@schr` becomes `@Hannah Schröder`.
    private static func complete(phrase: String, word: String, among candidates: [String]) -> [String] {
        let key = phrase.folded
        let marker = word.hasPrefix("@") ? "@" : ""
        // Folding maps one character to one here (accents, case), so the
        // characters typed before the word line up with the candidate's.
        let typedBeforeWord = Swift.max(0, phrase.count - (word.count - marker.count))
        let starting = candidates.filter { $0.folded.hasPrefix(key) }
        guard starting.isEmpty, !key.isEmpty, !key.contains(" "), typedBeforeWord == 0 else {
            return starting.map { marker + String($0.dropFirst(typedBeforeWord)) }.sorted()
        }
        return candidates.filter { $0.folded.split(separator: " ").dropFirst().contains { $0.hasPrefix(key) } }.map { marker + $0 }.sorted()
    }
}
