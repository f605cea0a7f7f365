import Foundation

/// A real HTML5 parser, Python's html5lib, run as a subprocess: what a
/// browser would build from a page is checked against the specification's
/// parsing algorithm rather than against our own idea of HTML.
package enum HTML5Parser {
    /// One element as the parser built it.
    package struct Element: Codable, Equatable, Sendable {
        /// The tag name, without namespace (`p`, `svg`, `rect`).
        package var tag: String
        /// The names of its attributes, sorted.
        package var attributes: [String]
        /// Each attribute's value, by name.
        package var values: [String: String]
        /// Its text content, white space collapsed.
        package var text: String
        /// The tags of its ancestors, outermost first.
        package var path: [String]
    }

    /// Every element of `html`, in document order.
    ///
    /// - Throws: `HTML5ParserError.notInstalled` when python3 or html5lib is
    ///   missing: the tests that need it must fail then, never pass without checking.
    package static func elements(of html: String) throws -> [Element] {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("page-\(UUID().uuidString).html")
        try Data(html.utf8).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let run = try ExternalProgram.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script, input.path])
        guard run.status == 0 else {
            if run.errors.contains("No module named") { throw HTML5ParserError.notInstalled }
            throw HTML5ParserError.failed(status: run.status, message: run.errors)
        }
        return try JSONDecoder().decode([Element].self, from: run.output)
    }

    /// Parses the file named by argv[1] and prints its elements as JSON.
    private static let script = #"""
        import html5lib, json, sys
        with open(sys.argv[1], 'rb') as f:
            document = html5lib.parse(f.read(), namespaceHTMLElements=False)
        def name(tag):
            return tag.split('}')[-1]
        out = []
        def walk(element, path):
            tag = name(element.tag)
            attributes = {name(k): v for k, v in element.attrib.items()}
            text = ' '.join(''.join(element.itertext()).split())
            out.append({'tag': tag, 'attributes': sorted(attributes), 'values': attributes, 'text': text, 'path': path})
            for child in element:
                if isinstance(child.tag, str):
                    walk(child, path + [tag])
        walk(document, [])
        json.dump(out, sys.stdout)
        """#
}

package enum HTML5ParserError: Error, CustomStringConvertible {
    case notInstalled
    case failed(status: Int32, message: String)

    package var description: String {
        switch self {
        case .notInstalled: "html5lib for python3 is not installed (scripts/test installs it: pip install html5lib)"
        case .failed(let status, let message): "html5lib failed (status \(status)): \(message)"
        }
    }
}
