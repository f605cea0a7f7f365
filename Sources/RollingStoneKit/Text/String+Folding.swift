import Foundation

extension String {
    /// The string lowercased and without accents, for matching what people
    /// type fast ("schroder") against what was stored ("Schröder").
    public var folded: String {
        folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}

/// The Levenshtein distance, on characters, for "did you mean" suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// The candidates closest to `input`, best first, for "did you mean" hints.
func suggestions(for input: String, among candidates: [String], limit: Int = 3) -> [String] {
    let key = input.folded
    let scored = candidates.compactMap { candidate -> (String, Int)? in
        let folded = candidate.folded
        if folded.hasPrefix(key) && !key.isEmpty { return (candidate, 0) }
        let distance = editDistance(key, folded)
        let allowed = Swift.max(1, key.count / 3)
        return distance <= allowed ? (candidate, distance) : nil
    }
    return scored.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.prefix(limit).map(\.0)
}
