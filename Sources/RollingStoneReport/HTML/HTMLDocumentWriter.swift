/// Writes a report's blocks as one self-contained HTML page: inline CSS,
/// inline SVG charts, no script, no external asset, so it can be mailed,
/// opened offline and printed (or turned into a PDF by WeasyPrint).
///
/// All text passes through `HTMLText`; the only markup is the writer's own.
package struct HTMLDocumentWriter: ReportBlockWriter {
    private var html = ""
    /// Charts so far, to give each its own ids.
    private var charts = 0
    /// The style of the list open, if any.
    private var list: ReportListStyle?

    /// A page for `document`, its head written; `capacity` is a guess at its
    /// size in bytes.
    package init(_ document: ReportDocument, capacity: Int = 32_768) {
        html.reserveCapacity(capacity)
        html.append("<!DOCTYPE html>\n<html lang=\"\(document.language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n")
        html.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        HTMLText.append(document.title, to: &html)
        html.append("</title>\n<style>\n")
        html.append(HTMLStyleSheet.css(pageNumber: ReportLabels(document.language).pageNumberCSS))
        html.append("</style>\n</head>\n<body>\n")
        // The running header of a printed page (a CSS running element);
        // never shown on screen.
        html.append("<div class=\"running\" aria-hidden=\"true\"><span class=\"running-title\">")
        HTMLText.append(document.title, to: &html)
        html.append("</span>")
        if let date = document.date {
            Self.append(date, between: "<span class=\"running-date\">", and: "</span>", to: &html)
        }
        html.append("</div>\n<main>\n")
    }

    package mutating func write(_ block: ReportBlock) {
        if case .item(let inlines, let style) = block {
            if list != style {
                closeList()
                html.append(style == .tasks ? "<ul class=\"tasks\">\n" : "<ul>\n")
                list = style
            }
            html.append("<li>")
            Self.write(inlines, to: &html)
            html.append("</li>\n")
            return
        }
        closeList()
        Self.write(block, charts: &charts, to: &html)
    }

    private mutating func closeList() {
        guard list != nil else { return }
        html.append("</ul>\n")
        list = nil
    }

    /// The page, ending in a newline. Called once, at the end.
    package mutating func finish() -> String {
        closeList()
        html.append("</main>\n</body>\n</html>\n")
        return html
    }

    private static func write(_ block: ReportBlock, charts: inout Int, to html: inout String) {
        switch block {
        case .heading(let level, let inlines):
            html.append("<h\(level)>")
            write(inlines, to: &html)
            html.append("</h\(level)>\n")
        case .paragraph(let inlines):
            html.append("<p>")
            write(inlines, to: &html)
            html.append("</p>\n")
        case .notice(let words):
            append(words, between: "<p class=\"notice\"><strong>", and: "</strong></p>\n", to: &html)
        case .quote(let inlines):
            html.append("<blockquote><p>")
            write(inlines, to: &html)
            html.append("</p></blockquote>\n")
        case .item:
            // Written by `write(_:)`, which knows the list around it.
            break
        case .table(let table):
            writeTable(table, to: &html)
        case .chart(let chart):
            charts += 1
            SVGBarChart(chart, id: "chart-\(charts)").write(to: &html)
        }
    }

    private static func writeTable(_ table: ReportTable, to html: inout String) {
        html.append("<div class=\"table\"><table>\n<thead><tr>")
        for column in table.columns {
            html.append(column.alignment == .right ? "<th class=\"number\">" : "<th>")
            HTMLText.append(column.title, to: &html)
            html.append("</th>")
        }
        html.append("</tr></thead>\n<tbody>\n")
        for (index, row) in table.rows.enumerated() {
            let isTotal = table.hasTotalRow && index == table.rows.count - 1
            html.append(isTotal ? "<tr class=\"total\">" : "<tr>")
            for (column, alignment) in table.columns.map(\.alignment).enumerated() {
                html.append(alignment == .right ? "<td class=\"number\">" : "<td>")
                if row.indices.contains(column) { write([row[column]], to: &html) }
                html.append("</td>")
            }
            html.append("</tr>\n")
        }
        html.append("</tbody>\n</table></div>\n")
    }

    /// Inlines as phrasing content.
    private static func write(_ inlines: [ReportInline], to html: inout String) {
        for inline in inlines {
            switch inline {
            case .words(let text), .text(let text):
                HTMLText.append(text, to: &html)
            case .typed(let text):
                HTMLText.append(MarkdownText.oneLine(text), to: &html)
            case .byline(let text):
                guard !text.isEmpty else { continue }
                append(text, between: "<span class=\"by\">", and: "</span>", to: &html)
            case .strong(let text):
                append(text, between: "<strong>", and: "</strong>", to: &html)
            case .emphasis(let text):
                append(text, between: "<em>", and: "</em>", to: &html)
            case .address(let text):
                let shown = MarkdownText.oneLine(text)
                if let link = ReportAddress.link(for: shown) {
                    html.append("<a href=\"")
                    HTMLText.append(link, to: &html)
                    html.append("\">")
                    HTMLText.append(shown, to: &html)
                    html.append("</a>")
                } else {
                    HTMLText.append(shown, to: &html)
                }
            }
        }
    }

    /// `text`, escaped, between two pieces of our own markup.
    private static func append(_ text: String, between opening: String, and closing: String, to html: inout String) {
        html.append(opening)
        HTMLText.append(text, to: &html)
        html.append(closing)
    }
}
