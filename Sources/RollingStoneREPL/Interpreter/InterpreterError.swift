/// A command whose item or action cannot be found as typed; nothing was recorded.
package enum InterpreterError: Error, Equatable, CustomStringConvertible, Sendable {
    case noSuchItem(String, count: Int)
    case ambiguousItem(String, candidates: [String])
    /// No open action has the label; `known` are those that do.
    case noSuchAction(String, known: [String])
    /// `search` without an archive to look in.
    case noArchive

    /// In English, as when no language is given.
    package var description: String { description(in: .en) }

    /// What the REPL says, in `language`.
    package func description(in language: InterfaceLanguage) -> String {
        switch (self, language) {
        case (.noSuchItem(let target, let count), .en):
            "No agenda item matches '\(target.abbreviated())'; give a number from 1 to \(count) or part of a title ('agenda' lists them)."
        case (.noSuchItem(let target, let count), .nl):
            "Geen agendapunt past bij '\(target.abbreviated())'; geef een nummer van 1 tot en met \(count) of een deel van een titel ('agenda' toont ze)."
        case (.ambiguousItem(let target, let candidates), .en):
            "'\(target.abbreviated())' matches more than one item: \(candidates.joined(separator: ", ")). Type more of the title or its number."
        case (.ambiguousItem(let target, let candidates), .nl):
            "'\(target.abbreviated())' past bij meer dan één punt: \(candidates.joined(separator: ", ")). Typ meer van de titel, of het nummer."
        case (.noSuchAction(let label, let known), .en):
            known.isEmpty
                ? "No open action is called \(label); there are none ('actions' lists them)."
                : "No open action is called \(label); open are \(known.prefix(12).joined(separator: ", ")) ('actions' lists them)."
        case (.noSuchAction(let label, let known), .nl):
            known.isEmpty
                ? "Er is geen open actie \(label); er zijn er geen ('acties' toont ze)."
                : "Er is geen open actie \(label); open zijn \(known.prefix(12).joined(separator: ", ")) ('acties' toont ze)."
        case (.noArchive, .en): "Search looks through the folder of this meeting's session file, and none is known here."
        case (.noArchive, .nl): "Zoeken kijkt in de map van het sessiebestand van deze bijeenkomst, en die is hier niet bekend."
        }
    }
}
