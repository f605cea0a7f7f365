import Foundation
import RollingStoneCore
import Yams

extension AgendaLoader {
    /// The allowed key a mistyped one most likely meant: same letters in another case,
    /// or within one edit for short keys and two for longer ones (`minuts`, `titel`, `datum`).
    static func closestKey(to name: String, among allowed: [String]) -> String? {
        guard name.count <= 64 else { return nil }
        if let sameLetters = allowed.first(where: { $0.lowercased() == name.lowercased() }) {
            return sameLetters
        }
        let candidate = name.lowercased()
        let scored = allowed.map { (key: $0, distance: editDistance(candidate, $0)) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        let threshold = candidate.count <= 4 ? 1 : 2
        return best.distance <= threshold ? best.key : nil
    }
}

extension AgendaLoader {
    /// 0 to 9 only: `Character.isWholeNumber` also accepts other scripts' digits and fractions.
    static func isDigit(_ character: Character) -> Bool {
        character.isASCII && character.isWholeNumber
    }
}
