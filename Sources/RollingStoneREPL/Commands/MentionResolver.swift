import Foundation
import RollingStoneCore
import RollingStoneJournal
import RollingStoneMeeting
import RollingStoneReport

/// Finds the participant named by `@NAME` at the start of a captured text.
///
/// The longest full name that matches wins (`@Hannah Schröder`, typed in any
/// case and with or without accents); otherwise the word after `@` must be
/// the start of exactly one participant's first name (`@stef`), or failing
/// that of one participant's other names (`@steyaert`).
package struct MentionResolver: Sendable {
    package let participants: [Participant]
    /// Each participant's name in words, folded once: a capture is typed
    /// while people talk, and folding every name on every `@` was most of
    /// its cost.
    private let foldedNames: [[String]]
    private let longestName: Int

    package init(participants: [Participant]) {
        self.participants = participants
        foldedNames = participants.map { $0.name.split(whereSeparator: \.isWhitespace).map { String($0).folded } }
        longestName = foldedNames.map(\.count).max() ?? 0
    }

    /// The participant named at the start of `text` and the text after the
    /// name; `nil` participant when `text` does not start with `@`.
    package func resolve(_ text: String) throws(MentionError) -> (participant: Participant?, text: String) {
        guard text.hasPrefix("@") else { return (nil, text) }
        let afterAt = text.dropFirst()
        // Only as many words as the longest name can be part of it.
        let words = Array(afterAt.split(maxSplits: longestName, whereSeparator: \.isWhitespace).prefix(Swift.max(1, longestName)))
        guard let first = words.first else { throw .missingName }
        let typed = words.map { (String($0).folded, Self.trimPunctuation($0).folded) }

        // Longest full name first, so "@Jan Jansen" is not read as "@Jan".
        var best: (index: Int, wordCount: Int)?
        for (index, nameWords) in foldedNames.enumerated() {
            guard nameWords.count <= typed.count, nameWords.count > (best?.wordCount ?? 0) else { continue }
            let matches = nameWords.indices.allSatisfy { position in
                nameWords[position] == (position == nameWords.count - 1 ? typed[position].1 : typed[position].0)
            }
            if matches { best = (index, nameWords.count) }
        }
        if let best {
            return (participants[best.index], remainder(afterAt, after: words[best.wordCount - 1]))
        }

        let key = typed[0].1
        guard !key.isEmpty else { throw .missingName }
        let byFirstName = participants.indices.filter { foldedNames[$0].first?.hasPrefix(key) == true }
        let exactFirstName = byFirstName.filter { foldedNames[$0].first == key }
        let candidates =
            exactFirstName.count == 1
            ? exactFirstName
            : byFirstName.isEmpty
                ? participants.indices.filter { foldedNames[$0].dropFirst().contains { $0.hasPrefix(key) } }
                : byFirstName
        switch candidates.count {
        case 1:
            return (participants[candidates[0]], remainder(afterAt, after: first))
        case 0:
            let hint = suggestions(for: String(first), among: participants.map(\.name))
            throw .unknown(String(first), suggestions: hint.isEmpty ? participants.map(\.name) : hint)
        default:
            throw .ambiguous(String(first), candidates: candidates.map { participants[$0].name })
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

    /// The word without the ":", "," or ";" typed before or after a name.
    private static func trimPunctuation(_ word: Substring) -> String {
        var word = word
        while let first = word.first, ":,;".contains(first) { word = word.dropFirst() }
        while let last = word.last, ":,;".contains(last) { word = word.dropLast() }
        return String(word)
    }
}

/// An `@NAME` that does not name exactly one participant.
package enum MentionError: Error, Equatable, CustomStringConvertible, Sendable {
    case missingName
    case unknown(String, suggestions: [String])
    case ambiguous(String, candidates: [String])

    /// In English, as when no language is given.
    package var description: String { description(in: .en) }

    /// What the REPL says, in `language`.
    package func description(in language: InterfaceLanguage) -> String {
        switch (self, language) {
        case (.missingName, .en):
            return "'@' needs a participant's name, e.g. @Stef"
        case (.missingName, .nl):
            return "Na '@' hoort de naam van een deelnemer, bijv. @Stef"
        case (.unknown(let name, let suggestions), .en):
            let list =
                suggestions.isEmpty ? "no one has joined yet; add people with 'join NAME, COUNTRY'" : "participants: " + suggestions.joined(separator: ", ")
            return "No participant matches '@\(name.abbreviated())' (\(list)). Nothing was captured."
        case (.unknown(let name, let suggestions), .nl):
            let list =
                suggestions.isEmpty
                ? "nog niemand doet mee; voeg mensen toe met 'deelnemer NAAM, LAND'" : "deelnemers: " + suggestions.joined(separator: ", ")
            return "Geen deelnemer past bij '@\(name.abbreviated())' (\(list)). Er is niets vastgelegd."
        case (.ambiguous(let name, let candidates), .en):
            return
                "'@\(name.abbreviated())' matches more than one participant: \(candidates.joined(separator: ", ")). Type more of the name. Nothing was captured."
        case (.ambiguous(let name, let candidates), .nl):
            return
                "'@\(name.abbreviated())' past bij meer dan één deelnemer: \(candidates.joined(separator: ", ")). Typ meer van de naam. Er is niets vastgelegd."
        }
    }
}
