import Foundation
import RollingStoneCore
import Yams

extension AgendaLoader {
    /// One pass over the raw text, before Yams sees it, for the two constructs that make
    /// composing expensive. It over-approximates on purpose: a '*' inside a quoted text is
    /// defused too (harmlessly, since that copy is only checked, never read), and a stray
    /// " ?" in a prompt counts as a possible complex key (harmlessly, within the budget).
    struct Prescan {
        /// The text with every possible alias defused, or nil when there is no possible alias.
        var defusedText: (text: String, marker: Unicode.Scalar)?
        /// How many places could start a key that is a list or mapping.
        var complexKeyCount = 0
        /// The Unicode-scalar offset of the first such place.
        var firstComplexKey: Int?

        init(_ text: String) {
            let scalars = Array(text.unicodeScalars)
            var aliasStarts: [Int] = []
            // After '&name' or '*name' libyaml starts a new token at once, e.g. the '?' in '*a?'.
            var inName = false
            for (index, scalar) in scalars.enumerated() {
                var atTokenStart = index == 0 || Self.endsToken(scalars[index - 1])
                if inName {
                    if isAnchorCharacter(scalar) { continue }
                    inName = false
                    atTokenStart = true
                }
                let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
                switch scalar {
                case "*", "&":
                    if let next, isAnchorCharacter(next) {
                        // Every '*name', wherever it is: sound without knowing quoting or context.
                        if scalar == "*" { aliasStarts.append(index) }
                        inName = atTokenStart
                    }
                case "?" where atTokenStart:
                    countComplexKey(at: index)
                case "]", "}":
                    // A flow collection used as an implicit key: '[a, b]: value'.
                    var lookahead = index + 1
                    while lookahead < scalars.count, scalars[lookahead] == " " || scalars[lookahead] == "\t" {
                        lookahead += 1
                    }
                    if lookahead < scalars.count, scalars[lookahead] == ":" {
                        countComplexKey(at: index)
                    }
                default:
                    break
                }
            }
            if !aliasStarts.isEmpty {
                let marker = Self.unusedScalar(in: scalars)
                var defused = scalars
                for start in aliasStarts { defused[start] = marker }
                var view = String.UnicodeScalarView()
                view.append(contentsOf: defused)
                defusedText = (String(view), marker)
            }
        }

        private mutating func countComplexKey(at index: Int) {
            complexKeyCount += 1
            if firstComplexKey == nil { firstComplexKey = index }
        }

        /// Whether a token may begin right after `scalar`: whitespace, line breaks,
        /// flow indicators, the key and value indicators, and closing quotes.
        static func endsToken(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case " ", "\t", "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}",
                "[", "]", "{", "}", ",", ":", "?", "\"", "'":
                true
            default:
                false
            }
        }

        /// A printable scalar that can start a plain YAML scalar and does not occur in the text,
        /// so a plain scalar starting with it can only be a defused alias. Private-use
        /// characters come first; a 1 MiB text cannot hold every candidate.
        static func unusedScalar(in scalars: [Unicode.Scalar]) -> Unicode.Scalar {
            let used = Set(scalars.lazy.filter { $0.value >= 0x100 }.map(\.value))
            let ranges: [ClosedRange<UInt32>] = [
                0xE000...0xF8FF, 0xF0000...0x10FFFD, 0x4E00...0x9FFF, 0x100...0x1FFF, 0x10000...0xEFFFF,
            ]
            for range in ranges {
                for value in range where !used.contains(value) {
                    if let scalar = Unicode.Scalar(value) { return scalar }
                }
            }
            return "\u{E000}"  // Unreachable for texts within the size limit.
        }
    }
}
