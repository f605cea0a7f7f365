import Foundation

/// Pieces of cmark-gfm's HTML, read back as the text a reader sees.
package struct RenderedHTML {
    package let html: String

    package init(html: String) {
        self.html = html
    }

    /// How often `<name` opens an element, e.g. `count("h2")`, `count("td")`.
    package func count(_ name: String) throws -> Int {
        html.matches(of: try Regex("<\(name)[ >/]")).count
    }

    /// The visible text of each `<name …>…</name>` element, in document order:
    /// tags inside removed, entities decoded, white space trimmed.
    package func texts(of name: String) throws -> [String] {
        let pattern = try Regex("<\(name)(?: [^>]*)?>(.*?)</\(name)>").dotMatchesNewlines()
        return html.matches(of: pattern).compactMap { match in
            match.output[1].substring.map { Self.visibleText(String($0)) }
        }
    }

    /// The whole document's visible text.
    package var visibleText: String { Self.visibleText(html) }

    /// Every link target in the document.
    package var hrefs: [String] {
        html.matches(of: /href="([^"]*)"/).map { String($0.output.1) }
    }

    package static func visibleText(_ fragment: String) -> String {
        fragment
            .replacing(/<[^>]*>/, with: "")
            .replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"")
            // Last, so "&amp;lt;" (a typed "&lt;") becomes "&lt;", not "<".
            .replacingOccurrences(of: "&amp;", with: "&")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
