import Foundation
import RollingStoneCore
import RollingStoneJournal
import RollingStoneMeeting
import RollingStoneReport

/// Turns a typed line into a `Command`.
///
/// A line whose first word is not a command is a note, so people can type
/// what they hear without a keyword. A first word that looks like a mistyped
/// command ("notte", "lesosn") is an error instead: capturing it as a note
/// would hide the typo.
package enum CommandParser {
    /// The command `line` names, `nil` for an empty line.
    ///
    /// English command words and their aliases work whatever `language`
    /// is, so a script means the same in every meeting; the words of
    /// `language` work beside them (`volgende`, `notitie`), and only then.
    package static func parse(_ line: String, in language: InterfaceLanguage = .en) throws(CommandError) -> Command? {
        let trimmed = line.trimmingWhitespace
        guard !trimmed.isEmpty else { return nil }
        let (word, rest) = splitFirstWord(trimmed)
        let key = word.lowercased()
        guard let name = CommandName.named(key, in: language) else {
            if let guess = likelyTypo(of: key) {
                throw .unknownCommand(word, suggestion: guess.rawValue)
            }
            return .plainNote(text: trimmed)
        }
        let isLocalWord = CommandName(rawValue: key) == nil && CommandName.aliases[key] == nil
        if name.isOnlyInItsOwnForm {
            switch name {
            case .actions where rest.isEmpty: return .actions
            case .done where rest.wholeMatch(of: /[Aa][0-9]{1,6}\.[0-9]{1,9}/) != nil: return .done(label: rest.uppercased())
            case .keepPrivate where rest.hasPrefix("@"): return .makePrivate(text: rest)
            default: return .plainNote(text: trimmed)
            }
        }
        return try command(name, arguments: isLocalWord ? localArguments(name, rest, in: language) : rest, in: language)
    }

    /// What follows a Dutch command word, as the English command takes it:
    /// "ga naar 3" is "goto 3", "verplaats #4 naar geld" is "move #4 geld".
    /// An English command is never changed, so that a script's meaning is.
    private static func localArguments(_ name: CommandName, _ rest: String, in language: InterfaceLanguage) throws(CommandError) -> String {
        guard language == .nl else { return rest }
        switch name {
        case .goto:
            let (first, after) = splitFirstWord(rest)
            return first.lowercased() == "naar" && !after.isEmpty ? after : rest
        case .move:
            let (number, target) = splitFirstWord(rest)
            let (first, after) = splitFirstWord(target)
            return first.lowercased() == "naar" && !after.isEmpty ? number + " " + after : rest
        case .report:
            // "Verslag volgt na de zomer" is not a file name: the Dutch word
            // takes only a name that says its format (.md, .html, .pdf).
            guard rest.isEmpty || ReportFormat(fileName: rest) != nil else { throw .unexpectedArguments(.report, rest) }
            return rest
        default:
            return rest
        }
    }

    private static func command(_ name: CommandName, arguments rest: String, in language: InterfaceLanguage) throws(CommandError) -> Command {
        func noArguments(_ command: Command) throws(CommandError) -> Command {
            guard rest.isEmpty else { throw .unexpectedArguments(name, rest) }
            return command
        }
        func required(_ what: CommandArgument) throws(CommandError) -> String {
            guard !rest.isEmpty else { throw .missingArgument(name, what) }
            return rest
        }
        /// The command for the word after the command, in English or in `language`.
        func subcommand(_ words: [String: Command], local: [String: Command]) throws(CommandError) -> Command {
            let key = rest.lowercased()
            guard let command = words[key] ?? (language == .en ? nil : local[key]) else { throw .unexpectedArguments(name, rest) }
            return command
        }
        switch name {
        case .help: return .help(topic: rest.isEmpty ? nil : rest.lowercased())
        case .agenda: return try noArguments(.agenda)
        case .next: return try noArguments(.next)
        case .back: return try noArguments(.back)
        case .goto: return .goto(target: try required(.itemTarget))
        case .time: return try noArguments(.time)
        case .join: return .join(arguments: try required(.nameAndCountry))
        case .who: return try noArguments(.who)
        case .lesson: return .lesson(title: try required(.lessonTitle))
        case .tip: return .capture(.tip, text: try required(.text(.tip)))
        case .note: return .capture(.note, text: try required(.text(.note)))
        case .quote: return .capture(.quote, text: try required(.speakerAndWords))
        case .idea: return .capture(.idea, text: try required(.text(.idea)))
        case .action: return .capture(.action, text: try required(.text(.action)))
        case .list: return try subcommand(["": .list(all: false), "all": .list(all: true)], local: ["alles": .list(all: true)])
        case .edit:
            let (number, text) = try entryNumber(name, rest)
            guard !text.isEmpty else { throw .missingArgument(name, .newText) }
            return .edit(entry: number, text: text)
        case .delete:
            let (number, extra) = try entryNumber(name, rest)
            guard extra.isEmpty else { throw .unexpectedArguments(name, extra) }
            return .delete(entry: number)
        case .move:
            let (number, target) = try entryNumber(name, rest)
            guard !target.isEmpty else { throw .missingArgument(name, .moveTarget) }
            return .move(entry: number, target: target)
        case .undo: return try noArguments(.undo)
        case .report: return .report(path: rest.isEmpty ? nil : rest)
        case .end: return try noArguments(.end)
        case .inbox: return try noArguments(.inbox)
        case .accept:
            let (number, mention) = try submissionNumber(name, rest)
            return .accept(submission: number, mention: mention.isEmpty ? nil : mention)
        case .reject:
            let (number, extra) = try submissionNumber(name, rest)
            guard extra.isEmpty else { throw .unexpectedArguments(name, extra) }
            return .reject(submission: number)
        case .room:
            return try subcommand(
                ["": .room(direct: nil), "direct": .room(direct: true), "moderated": .room(direct: false)],
                local: ["gemodereerd": .room(direct: false)])
        case .queue: return try queueCommand(rest, in: language)
        case .queueUp: return .queueUp(text: try required(.speakerAndPriority))
        case .unqueue: return .unqueue(text: try required(.speaker))
        case .ack: return try noArguments(.nextSpeaker)
        // Taken by `parse` in their own form; any other line is a note.
        case .search: return .search(words: try required(.searchWords))
        case .actions, .done, .keepPrivate: return .plainNote(text: ([name.rawValue] + (rest.isEmpty ? [] : [rest])).joined(separator: " "))
        }
    }

    /// `q`, `q next`, `q done`, `q stats`, `q time MIN`, `q time off`; in
    /// Dutch also `q volgende`, `q klaar`, `q tijd MIN`, `q tijd uit`.
    private static func queueCommand(_ rest: String, in language: InterfaceLanguage) throws(CommandError) -> Command {
        let (typed, remainder) = splitFirstWord(rest)
        let word = language == .nl ? (dutchQueueWords[typed.lowercased()] ?? typed.lowercased()) : typed.lowercased()
        let simple: [String: Command] = ["": .queue, "next": .nextSpeaker, "done": .endTurn, "stats": .speakerStats]
        if let command = simple[word] {
            guard remainder.isEmpty else { throw .unexpectedArguments(.queue, remainder) }
            return command
        }
        guard word == "time" else { throw .unexpectedArguments(.queue, rest) }
        guard !remainder.isEmpty else { throw .missingArgument(.queue, .speakerMinutes) }
        if remainder.lowercased() == "off" || (language == .nl && remainder.lowercased() == "uit") { return .speakerTime(seconds: 0) }
        // Minutes as people say them: "3", "1.5", or "1,5" as Dutch writes it.
        guard let minutes = Double(remainder.replacingOccurrences(of: ",", with: ".")), minutes.isFinite else {
            throw .badMinutes(remainder)
        }
        // Far beyond any limit, yet still an `Int`: the meeting says what the limit is.
        return .speakerTime(seconds: Int((Swift.min(Swift.max(minutes, -1), 1_000_000) * 60).rounded()))
    }

    /// `#12 rest` or `12 rest` into (12, "rest").
    private static func entryNumber(_ name: CommandName, _ rest: String) throws(CommandError) -> (Int, String) {
        let (word, remainder) = splitFirstWord(rest)
        let digits = word.hasPrefix("#") ? String(word.dropFirst()) : word
        guard !word.isEmpty else { throw .missingArgument(name, .entryNumber) }
        guard let number = Int(digits), number > 0 else { throw .badEntryNumber(name, word) }
        return (number, remainder)
    }

    /// `3 rest` into (3, "rest"), as the inbox numbers submissions.
    private static func submissionNumber(_ name: CommandName, _ rest: String) throws(CommandError) -> (Int, String) {
        let (word, remainder) = splitFirstWord(rest)
        guard !word.isEmpty else { throw .missingArgument(name, .submissionNumber) }
        let digits = word.hasPrefix("#") ? String(word.dropFirst()) : word
        guard let number = Int(digits), number > 0 else { throw .badSubmissionNumber(name, word) }
        return (number, remainder)
    }

    /// The Dutch words after `q`, as the English ones they stand for.
    private static let dutchQueueWords = ["volgende": "next", "klaar": "done", "tijd": "time"]

    static func splitFirstWord(_ text: String) -> (String, String) {
        guard let space = text.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return (text, "") }
        return (String(text[..<space]), text[space...].trimmingWhitespace)
    }

    /// The longest command word: a typo of one is at most a letter longer.
    private static let longestName = CommandName.allCases.map(\.rawValue.count).max() ?? 0

    private static func likelyTypo(of word: String) -> CommandName? {
        // A word far longer than any command is no typo of one (a pasted
        // megabyte must not be compared letter by letter with every command);
        // UTF-8 first, which is cheap and never shorter than the letters.
        guard word.utf8.count <= 4 * (longestName + 1), word.count <= longestName + 1 else { return nil }
        guard word.count >= 3, word.allSatisfy(\.isLetter) else { return nil }
        return CommandName.allCases.first { name in
            guard name.isGuessedFromTypos else { return false }
            let candidate = name.rawValue
            // The typos of fast typing: a letter doubled, swapped or hit
            // wrong, rarely the first. Shorter words ("not", "dit") and plurals
            // ("tips") are more likely the start of a sentence.
            guard word.first == candidate.first, word.count >= candidate.count, word != candidate + "s" else { return false }
            return editDistance(word, candidate) <= 1
        }
    }
}
