import RollingStoneCore

/// What makes themes of different meetings one theme of the series.
///
/// A theme's key is the first word of its title that says something: the
/// title's part before a colon, if it has one ("Trekkracht: samenwerken met
/// gemeente en instanties" → "trekkracht"), folded (no case, no accents),
/// with the small words of Dutch, English, French and German passed over
/// ("Over veerkracht" → "veerkracht"). Themes with the same key come
/// together: "Trekkracht aan instanties" of one meeting meets "Trekkracht:
/// samenwerken met gemeente" of another. Hosts name a meeting's themes by
/// the series' themes, so the first word is what they share; a rule a
/// facilitator can predict beats a clever one they cannot.
package struct ThemeKey: Hashable, Sendable, CustomStringConvertible {
    /// The folded word.
    package let word: String

    /// The key of a theme titled `title`.
    package init(title: String) {
        let lead = title.split(separator: ":", maxSplits: 1).first.map(String.init) ?? title
        let word = Self.firstSignificantWord(lead) ?? Self.firstSignificantWord(title)
        self.word = word ?? title.trimmingWhitespaceAndNewlines.folded
    }

    package var description: String { word }

    /// Whether every word of `query` starts a word of `title`, case and
    /// accents aside: `--theme trek` finds "Trekkracht aan instanties".
    package static func title(_ title: String, matches query: String) -> Bool {
        title.hasWordsStarting(with: query)
    }

    private static func firstSignificantWord(_ text: String) -> String? {
        String.foldedWords(text).first { !smallWords.contains($0) }
    }

    /// Articles, prepositions and conjunctions of the four languages, folded.
    private static let smallWords: Set<String> = [
        "de", "het", "een", "en", "van", "op", "met", "in", "aan", "voor", "over", "om", "te", "bij", "als", "of", "naar",
        "uit", "the", "a", "an", "and", "on", "at", "for", "to", "with", "about", "le", "la", "les", "l", "un", "une",
        "des", "et", "du", "au", "aux", "pour", "sur", "avec", "der", "die", "das", "ein", "eine", "und", "von", "mit",
        "zu", "im", "am", "fur", "uber",
    ]
}
