import Foundation
import RollingStoneCore
import Yams

extension AgendaLoader {
    /// 1-based line and column of a Unicode-scalar offset, counted as libyaml counts:
    /// a column per scalar, and CR LF, CR, LF, NEL, LS and PS each end a line.
    static func lineAndColumn(ofScalarOffset offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var previous: Unicode.Scalar?
        for (index, scalar) in text.unicodeScalars.enumerated() {
            guard index < offset else { break }
            switch scalar {
            case "\n" where previous == "\r":
                break
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}":
                line += 1
                column = 1
            default:
                column += 1
            }
            previous = scalar
        }
        return (line, column)
    }

    /// Yams reports reader errors as a `Character` offset.
    static func lineAndColumn(ofCharacterOffset offset: Int, in text: String) -> (line: Int, column: Int) {
        let index = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) ?? text.endIndex
        let scalarOffset = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: index)
        return lineAndColumn(ofScalarOffset: scalarOffset, in: text)
    }

    static func splitLines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }

    static func character(at mark: Mark, in text: String) -> Unicode.Scalar? {
        let lines = splitLines(text)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let scalars = Array(lines[mark.line - 1].unicodeScalars)
        return mark.column >= 1 && mark.column <= scalars.count ? scalars[mark.column - 1] : nil
    }
}
