import RollingStoneCore

extension String {
    /// Whether every word of `query` starts a word of this text, case and
    /// accents aside: "trek" is in "Trekkracht aan instanties", "schro" in
    /// "Hannah Schröder"; an empty query is in nothing.
    func hasWordsStarting(with query: String) -> Bool {
        let wanted = Self.foldedWords(query)
        let present = Self.foldedWords(self)
        return !wanted.isEmpty && wanted.allSatisfy { word in present.contains { $0.hasPrefix(word) } }
    }

    /// The folded words of `text`: runs of letters and digits.
    static func foldedWords(_ text: String) -> [String] {
        text.folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }
}
