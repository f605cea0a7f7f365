import Foundation

/// Finds the participant named by `@NAME` at the start of a captured text.
///
/// The longest full name that matches wins (`@Hannah Schröder`, typed in any
/// case and with or without accents); otherwise the word after `@` must be
/// the start of exactly one participant's first name (`@stef`), or failing
/// that of one participant's other names (`@steyaert`).
public struct MentionResolver: Sendable {
    public var participants: [Participant]

    public init(participants: [Participant]) {
        self.participants = participants
    }

    /// The participant named at the start of `text` and the text after the
    /// name; `nil` participant when `text` does not start with `@`.
    public func resolve(_ text: String) throws(MentionError) -> (participant: Participant?, text: String) {
        guard text.hasPrefix("@") else { return (nil, text) }
        let afterAt = text.dropFirst()
        let words = afterAt.split(whereSeparator: \.isWhitespace)
        guard let first = words.first else { throw .missingName }

        // Longest full name first, so "@Jan Jansen" is not read as "@Jan".
        var best: (participant: Participant, wordCount: Int)?
        for participant in participants {
            let nameWords = participant.name.split(whereSeparator: \.isWhitespace).map { String($0).folded }
            guard nameWords.count <= words.count, nameWords.count > (best?.wordCount ?? 0) else { continue }
            let typed = words.prefix(nameWords.count).enumerated().map { index, word in
                index == nameWords.count - 1 ? Self.trimPunctuation(word).folded : String(word).folded
            }
            if typed == nameWords { best = (participant, nameWords.count) }
        }
        if let best {
            return (best.participant, remainder(afterAt, after: words[best.wordCount - 1]))
        }

        let key = Self.trimPunctuation(first).folded
        guard !key.isEmpty else { throw .missingName }
        let byFirstName = participants.filter { $0.firstName.folded.hasPrefix(key) }
        let exactFirstName = byFirstName.filter { $0.firstName.folded == key }
        let candidates = exactFirstName.count == 1 ? exactFirstName : byFirstName.isEmpty
            ? participants.filter { $0.otherNames.contains { $0.folded.hasPrefix(key) } }
            : byFirstName
        switch candidates.count {
        case 1:
            return (candidates[0], remainder(afterAt, after: first))
        case 0:
            let hint = suggestions(for: String(first), among: participants.map(\.name))
            throw .unknown(String(first), suggestions: hint.isEmpty ? participants.map(\.name) : hint)
        default:
            throw .ambiguous(String(first), candidates: candidates.map(\.name))
        }
    }

    private func remainder(_ text: Substring, after word: Substring) -> String {
        var rest = text[word.endIndex...].drop { $0.isWhitespace }
        // "@Stef: …" and "@Stef — …" are common ways to type who said it.
        while let first = rest.first, ":,;—–-".contains(first) {
            rest = rest.dropFirst().drop { $0.isWhitespace }
        }
        return String(rest)
    }

    private static func trimPunctuation(_ word: Substring) -> String {
        String(word).trimmingCharacters(in: CharacterSet(charactersIn: ":,;"))
    }
}

extension Participant {
    var firstName: String { name.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? name }
    var otherNames: [String] { name.split(whereSeparator: \.isWhitespace).dropFirst().map(String.init) }
}

/// An `@NAME` that does not name exactly one participant.
public enum MentionError: Error, Equatable, CustomStringConvertible, Sendable {
    case missingName
    case unknown(String, suggestions: [String])
    case ambiguous(String, candidates: [String])

    public var description: String {
        switch self {
        case .missingName:
            return "'@' needs a participant's name, e.g. @Stef"
        case .unknown(let name, let suggestions):
            let list = suggestions.isEmpty ? "no one has joined yet; add people with 'join NAME, COUNTRY'" : "participants: " + suggestions.joined(separator: ", ")
            return "No participant matches '@\(name.abbreviated())' (\(list)). Nothing was captured."
        case .ambiguous(let name, let candidates):
            return "'@\(name.abbreviated())' matches more than one participant: \(candidates.joined(separator: ", ")). Type more of the name. Nothing was captured."
        }
    }
}
