/// The formats a write-up is written in.
package enum ReportFormat: String, CaseIterable, Sendable {
    /// GitHub Flavored Markdown: for a wiki or a repository.
    case md
    /// One self-contained HTML page: for mail, a phone, a browser's print.
    case html
    /// A4 pages, printed from the HTML by WeasyPrint.
    case pdf

    /// The format a file name asks for by its extension, if any: `x.html`
    /// (or `.htm`), `x.pdf`, `x.md` (or `.markdown`).
    package init?(fileName: String) {
        let name = fileName.lowercased()
        if name.hasSuffix(".html") || name.hasSuffix(".htm") {
            self = .html
        } else if name.hasSuffix(".pdf") {
            self = .pdf
        } else if name.hasSuffix(".md") || name.hasSuffix(".markdown") {
            self = .md
        } else {
            return nil
        }
    }

    /// The text the report is rendered as: a PDF is printed from the HTML.
    package var text: ReportTextFormat {
        switch self {
        case .md: .markdown
        case .html, .pdf: .html
        }
    }
}
