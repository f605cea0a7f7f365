extension String {
    /// The string without white space at either end: what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` gives (tabs, the Unicode space
    /// separators and, as Foundation counts it, U+200B), without the trip through `NSString` that made
    /// trimming a large part of reading a typed command.
    package var trimmingWhitespace: String {
        trimming { $0 == "\t" || $0 == "\u{200B}" || $0.properties.generalCategory == .spaceSeparator }
    }

    /// The string without white space or line breaks at either end, as
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives it.
    package var trimmingWhitespaceAndNewlines: String {
        trimming { scalar in
            switch scalar.value {
            case 0x09...0x0D, 0x85, 0x200B: true
            default: [.spaceSeparator, .lineSeparator, .paragraphSeparator].contains(scalar.properties.generalCategory)
            }
        }
    }

    private func trimming(_ isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isTrimmed($0) })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}

extension Substring {
    /// The text without white space at either end, as a `String`.
    package var trimmingWhitespace: String { String(self).trimmingWhitespace }
}
