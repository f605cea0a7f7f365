/// Makes text safe to place in HTML or SVG, as element content or as a
/// quoted attribute value.
///
/// Every `&`, `<`, `>`, `"` and `'` becomes a character reference, so typed
/// text can never open an element, end an attribute or start a comment.
/// Controls (other than the line breaks and tabs made into spaces) are
/// dropped: HTML has no way to show them, and a parser turns some into
/// errors.
enum HTMLText {
    /// Appends `text` to `html`, escaped.
    static func append(_ text: String, to html: inout String) {
        // Most text holds none of the characters: copied as it is, in one go.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || specialBytes.contains($0) }) {
            html.append(text)
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": html.append("&amp;")
            case "<": html.append("&lt;")
            case ">": html.append("&gt;")
            case "\"": html.append("&quot;")
            case "'": html.append("&#39;")
            case "\n", "\r", "\t": html.append(" ")
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { continue }
                html.unicodeScalars.append(scalar)
            }
        }
    }

    /// `text`, escaped.
    static func escaped(_ text: String) -> String {
        var html = ""
        append(text, to: &html)
        return html
    }

    private static let specialBytes: Set<UInt8> = Set("&<>\"'".utf8)
}
