import Foundation

extension String {
    /// The string lowercased and without accents, for matching what people
    /// type fast ("schroder") against what was stored ("Schröder").
    package var folded: String {
        // ASCII has no accents and no wide forms, so folding it is
        // lowercasing it; Foundation's folding costs a few microseconds a
        // word, and a capture folds the words after its `@`.
        if utf8.allSatisfy({ $0 < 0x80 }) { return lowercased() }
        return folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}

/// Edit distance counting insertions, deletions, substitutions and swaps of
/// neighbours (optimal string alignment): the typos of fast typing each count one.
package func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            table[i][j] = Swift.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                table[i][j] = Swift.min(table[i][j], table[i - 2][j - 2] + 1)
            }
        }
    }
    return table[a.count][b.count]
}

/// The candidates closest to `input`, best first, for "did you mean" hints.
package func suggestions(for input: String, among candidates: [String], limit: Int = 3) -> [String] {
    // Longer input is no typo of a name: comparing it with every candidate
    // would only cost time (a pasted megabyte took minutes).
    guard input.count <= 64 else { return [] }
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
