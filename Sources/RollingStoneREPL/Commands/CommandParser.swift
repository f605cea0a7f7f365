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
    package static func parse(_ line: String) throws(CommandError) -> Command? {
        let trimmed = line.trimmingWhitespace
        guard !trimmed.isEmpty else { return nil }
        let (word, rest) = splitFirstWord(trimmed)
        let key = word.lowercased()
        guard let name = CommandName(rawValue: key) ?? CommandName.aliases[key] else {
            if let guess = likelyTypo(of: key) {
                throw .unknownCommand(word, suggestion: guess.rawValue)
            }
            return .plainNote(text: trimmed)
        }
        return try command(name, arguments: rest)
    }

    private static func command(_ name: CommandName, arguments rest: String) throws(CommandError) -> Command {
        func noArguments(_ command: Command) throws(CommandError) -> Command {
            guard rest.isEmpty else { throw .unexpectedArguments(name, rest) }
            return command
        }
        func required(_ what: String) throws(CommandError) -> String {
            guard !rest.isEmpty else { throw .missingArgument(name, what) }
            return rest
        }
        switch name {
        case .help: return .help(topic: rest.isEmpty ? nil : rest.lowercased())
        case .agenda: return try noArguments(.agenda)
        case .next: return try noArguments(.next)
        case .back: return try noArguments(.back)
        case .goto: return .goto(target: try required("an item number or part of its title"))
        case .time: return try noArguments(.time)
        case .join: return .join(arguments: try required("a name and a country"))
        case .who: return try noArguments(.who)
        case .lesson: return .lesson(title: try required("the lesson's title"))
        case .tip: return .capture(.tip, text: try required("the tip"))
        case .note: return .capture(.note, text: try required("the note"))
        case .quote: return .capture(.quote, text: try required("@NAME and what they said"))
        case .idea: return .capture(.idea, text: try required("the idea"))
        case .action: return .capture(.action, text: try required("the action"))
        case .list:
            switch rest.lowercased() {
            case "": return .list(all: false)
            case "all": return .list(all: true)
            default: throw .unexpectedArguments(name, rest)
            }
        case .edit:
            let (number, text) = try entryNumber(name, rest)
            guard !text.isEmpty else { throw .missingArgument(name, "the new text") }
            return .edit(entry: number, text: text)
        case .delete:
            let (number, extra) = try entryNumber(name, rest)
            guard extra.isEmpty else { throw .unexpectedArguments(name, extra) }
            return .delete(entry: number)
        case .move:
            let (number, target) = try entryNumber(name, rest)
            guard !target.isEmpty else { throw .missingArgument(name, "the agenda item to move it to") }
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
            switch rest.lowercased() {
            case "": return .room(direct: nil)
            case "direct": return .room(direct: true)
            case "moderated": return .room(direct: false)
            default: throw .unexpectedArguments(name, rest)
            }
        case .queue: return try queueCommand(rest)
        case .queueUp: return .queueUp(text: try required("@NAME, and '!' for a point of order or direct reply"))
        case .unqueue: return .unqueue(text: try required("@NAME"))
        case .ack: return try noArguments(.nextSpeaker)
        }
    }

    /// `q`, `q next`, `q done`, `q stats`, `q time MIN`, `q time off`.
    private static func queueCommand(_ rest: String) throws(CommandError) -> Command {
        let (word, remainder) = splitFirstWord(rest)
        let simple: [String: Command] = ["": .queue, "next": .nextSpeaker, "done": .endTurn, "stats": .speakerStats]
        if let command = simple[word.lowercased()] {
            guard remainder.isEmpty else { throw .unexpectedArguments(.queue, remainder) }
            return command
        }
        guard word.lowercased() == "time" else { throw .unexpectedArguments(.queue, rest) }
        guard !remainder.isEmpty else { throw .missingArgument(.queue, "the minutes per speaker, or 'off'") }
        if remainder.lowercased() == "off" { return .speakerTime(seconds: 0) }
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
        guard !word.isEmpty else { throw .missingArgument(name, "an entry number such as #12") }
        guard let number = Int(digits), number > 0 else { throw .badEntryNumber(name, word) }
        return (number, remainder)
    }

    /// `3 rest` into (3, "rest"), as the inbox numbers submissions.
    private static func submissionNumber(_ name: CommandName, _ rest: String) throws(CommandError) -> (Int, String) {
        let (word, remainder) = splitFirstWord(rest)
        guard !word.isEmpty else { throw .missingArgument(name, "a submission number as 'inbox' shows it") }
        let digits = word.hasPrefix("#") ? String(word.dropFirst()) : word
        guard let number = Int(digits), number > 0 else { throw .badSubmissionNumber(name, word) }
        return (number, remainder)
    }

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

/// A line that looks like a command but cannot be carried out as typed.
package enum CommandError: Error, Equatable, CustomStringConvertible, Sendable {
    case unknownCommand(String, suggestion: String?)
    case unexpectedArguments(CommandName, String)
    case missingArgument(CommandName, String)
    case badEntryNumber(CommandName, String)
    case badSubmissionNumber(CommandName, String)
    /// `q time` with something that is not a number of minutes.
    case badMinutes(String)

    package var description: String {
        switch self {
        case .unknownCommand(let word, let suggestion):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "Unknown command '\(word.abbreviated())'.\(hint) (To capture the line as a note, start it with 'note'.)"
        case .unexpectedArguments(let name, let extra):
            return "'\(name.rawValue)' takes no '\(extra.abbreviated())'. Usage: \(name.usage). (To capture the line as a note, start it with 'note'.)"
        case .missingArgument(let name, let what):
            return "'\(name.rawValue)' needs \(what). Usage: \(name.usage)"
        case .badSubmissionNumber(let name, let word):
            return "'\(word.abbreviated())' is not a submission number; 'inbox' shows them. Usage: \(name.usage)"
        case .badMinutes(let word):
            return "'\(word.abbreviated())' is not a number of minutes. Usage: q time MIN (e.g. 3 or 1.5), or q time off"
        case .badEntryNumber(let name, let word):
            return "'\(word.abbreviated())' is not an entry number; use #N as shown by 'list'. Usage: \(name.usage)"
        }
    }
}
