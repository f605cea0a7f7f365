import Foundation
import RollingStoneCore
import RollingStoneJournal
import RollingStoneMeeting
import RollingStoneReport

/// Tab completion for the meeting REPL: command names, `@` participant
/// names (also after `accept N`, `q+` and `q-`), agenda item titles after
/// `goto` and `move #N`, countries in `join`, and the words after `q`.
package final class MeetingCompleter: CompletionSource {
    private let meeting: Meeting

    package init(meeting: Meeting) {
        self.meeting = meeting
    }

    package func completions(line: String, wordStart: Int, wordEnd: Int) -> [String] {
        let bytes = Array(line.utf8)
        guard wordStart >= 0, wordStart <= wordEnd, wordEnd <= bytes.count else { return [] }
        let typed = String(decoding: bytes[..<wordEnd], as: UTF8.self)
        let word = String(decoding: bytes[wordStart..<wordEnd], as: UTF8.self)
        let commandNames = CommandName.allCases.map(\.rawValue)

        let (command, argument) = Self.splitCommand(typed)
        guard let argument else {
            return commandNames.filter { $0.hasPrefix(word.lowercased()) }
        }
        let state = meeting.state
        switch command.lowercased() {
        case "tip", "quote", "idea", "action", "note":
            // A name may span several words: the phrase since the `@` is
            // matched, only the word under the cursor is replaced.
            guard argument.hasPrefix("@") else { return [] }
            return Self.complete(phrase: String(argument.dropFirst()), word: word, among: state.participants.map(\.name))
        case "goto", "go":
            return Self.complete(phrase: argument, word: word, among: state.agenda.items.map(\.title))
        case "accept":
            let (_, mention) = Self.splitCommand(argument)
            guard let mention, mention.hasPrefix("@") else { return [] }
            return Self.complete(phrase: String(mention.dropFirst()), word: word, among: state.participants.map(\.name))
        case "move":
            let (number, target) = Self.splitCommand(argument)
            guard number.hasPrefix("#"), let target else { return [] }
            return Self.complete(phrase: target, word: word, among: state.agenda.items.map(\.title))
        case "join":
            let fields = argument.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 2 else { return [] }
            let country = String(fields[1].drop { $0 == " " })
            return Self.complete(phrase: country, word: word, among: meeting.countries.names(startingWith: country, preferring: state.agenda.language))
        case "q+":
            guard argument.hasPrefix("@") else { return [] }
            return Self.complete(phrase: String(argument.dropFirst()), word: word, among: state.participants.map(\.name))
        case "q-":
            // Only those waiting can be taken out.
            guard argument.hasPrefix("@") else { return [] }
            let waiting = state.speakers.waiting.compactMap { state.participant($0.participant)?.name }
            return Self.complete(phrase: String(argument.dropFirst()), word: word, among: waiting)
        case "q":
            guard !argument.contains(" ") else { return [] }
            return ["next", "done", "stats", "time"].filter { $0.hasPrefix(word.lowercased()) }
        case "help":
            return commandNames.filter { $0.hasPrefix(word.lowercased()) }
        default:
            return []
        }
    }

    /// The first word and, once a space follows it, the rest (possibly empty).
    private static func splitCommand(_ text: String) -> (String, String?) {
        let trimmed = text.drop { $0 == " " }
        guard let space = trimmed.firstIndex(of: " ") else { return (String(trimmed), nil) }
        return (String(trimmed[..<space]), String(trimmed[space...].drop { $0 == " " }))
    }

    /// Candidates that start with `phrase` (ignoring case and accents), each
    /// cut to the part that replaces `word`, the end of `phrase`.
    private static func complete(phrase: String, word: String, among candidates: [String]) -> [String] {
        let key = phrase.folded
        let marker = word.hasPrefix("@") ? "@" : ""
        // Folding maps one character to one here (accents, case), so the
        // characters typed before the word line up with the candidate's.
        let typedBeforeWord = Swift.max(0, phrase.count - (word.count - marker.count))
        return
            candidates
            .filter { $0.folded.hasPrefix(key) }
            .map { marker + String($0.dropFirst(typedBeforeWord)) }
            .sorted()
    }
}
