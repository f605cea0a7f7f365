import RollingStoneCore

/// What `search` looks for: words, and what narrows them down.
///
/// Every word must start a word of the text, case and accents aside:
/// `belgie` finds "België", `medefin` finds "medefinancier". `person` and
/// `theme` work the same way on the speaker's name and the agenda item's
/// title.
package struct SearchQuery: Equatable, Sendable {
    package var words: String
    /// Only entries of this kind.
    package var kind: SearchKind?
    /// Only what these words of a name were said by (never a person kept
    /// out of the write-ups by name).
    package var person: String?
    /// Only under agenda items whose title has these words.
    package var theme: String?
    /// Only meetings of this series.
    package var series: String?
    /// At most this many results, the best first.
    package var limit: Int

    package init(
        words: String, kind: SearchKind? = nil, person: String? = nil, theme: String? = nil, series: String? = nil, limit: Int = 20
    ) {
        self.words = words
        self.kind = kind
        self.person = person
        self.theme = theme
        self.series = series
        self.limit = limit
    }

    /// Whether there is anything to look for: words, a person or a theme.
    package var isEmpty: Bool {
        [words, person ?? "", theme ?? ""].allSatisfy { String.foldedWords($0).isEmpty }
    }
}

/// What a search result can be: a lesson, or an entry of a kind.
package enum SearchKind: String, CaseIterable, Sendable {
    case lesson, tip, note, quote, idea, action, question
}
