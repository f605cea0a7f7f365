import Foundation
import RollingStoneCore

/// The rarer words of generated text: compounds of a stem and an ending
/// ("buurtfonds", "taalcafé", "repair café"), drawn so that a word's
/// frequency falls with its rank, as in real text (Zipf's law).
///
/// Without a tail every word of a 40-word list is in a fifth of all
/// entries, and each search finds tens of thousands of them; with it, an
/// archive has common words, rare words and words found once, as typed
/// notes do.
struct LongTailWords: Sendable {
    let words: [String]

    /// The tail of `language`'s text (English for French and German).
    static func of(_ language: MeetingLanguage) -> LongTailWords {
        language == .nl ? dutch : english
    }

    private static let dutch = LongTailWords(language: .nl)
    private static let english = LongTailWords(language: .en)

    private init(language: MeetingLanguage) {
        let (stems, endings, joiner) = Self.parts(language)
        // Interleaved, so the most frequent ranks mix stems and endings.
        var words: [String] = []
        for index in 0..<(stems.count * endings.count) {
            let stem = stems[index % stems.count]
            let ending = endings[(index / stems.count + index) % endings.count]
            words.append(stem + joiner + ending)
        }
        self.words = words
    }

    /// A word of rank 1…n with probability about 1/rank: `draw` is a
    /// uniform random number.
    func word(_ draw: UInt64) -> String {
        let uniform = Double(draw % 1_000_000) / 1_000_000
        let rank = Int(exp(uniform * log(Double(words.count))))
        return words[min(words.count - 1, max(0, rank - 1))]
    }

    private static func parts(_ language: MeetingLanguage) -> ([String], [String], String) {
        switch language {
        case .nl:
            (
                [
                    "buurt", "wijk", "stads", "dorps", "school", "speel", "moes", "energie", "zorg", "huis", "straat", "park",
                    "markt", "koffie", "fiets", "kunst", "sport", "taal", "voedsel", "repair", "jongeren", "senioren", "water",
                    "groen", "klimaat",
                ],
                [
                    "fonds", "tuin", "huis", "raad", "plan", "kast", "feest", "café", "team", "groep", "winkel", "netwerk",
                    "budget", "avond", "atelier", "coöperatie", "kring", "bank", "krant", "app", "coach", "loket", "pand",
                    "festival",
                ], ""
            )
        case .en, .fr, .de:
            (
                [
                    "community", "street", "school", "food", "energy", "repair", "tool", "garden", "youth", "elderly", "climate",
                    "housing", "arts", "sports", "language", "health", "water", "bike", "market", "library",
                ],
                [
                    "fund", "garden", "council", "plan", "library", "hub", "café", "group", "market", "bank", "festival", "network",
                    "budget", "night", "workshop", "co-op", "circle", "newsletter", "app", "coach", "desk", "trust",
                ], " "
            )
        }
    }
}
