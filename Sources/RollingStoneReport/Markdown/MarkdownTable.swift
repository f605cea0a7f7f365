/// A GFM table, padded so it also reads as a table in plain text.
struct MarkdownTable {
    var columns: [ReportTable.Column]
    /// Cells as Markdown, already escaped; a short row is filled with empty cells.
    var rows: [[String]]

    /// The table's lines, header and delimiter row first.
    var markdown: String {
        let cells = rows.map { row in columns.indices.map { row.indices.contains($0) ? row[$0] : "" } }
        // Padding is for readers of the plain text only; GFM ignores it.
        // A delimiter row needs at least three characters per column.
        let widths = columns.indices.map { column in
            max(3, columns[column].title.count, cells.map { $0[column].count }.max() ?? 0)
        }
        func line(_ values: [String]) -> String {
            let padded = values.indices.map { column in
                pad(values[column], to: widths[column], alignment: columns[column].alignment)
            }
            return "| " + padded.joined(separator: " | ") + " |"
        }
        let delimiter =
            "|"
            + columns.indices.map { column in
                let dashes = String(repeating: "-", count: widths[column] + 1)
                return dashes + (columns[column].alignment == .right ? ":" : "-")
            }.joined(separator: "|") + "|"
        return ([line(columns.map(\.title)), delimiter] + cells.map(line)).joined(separator: "\n")
    }

    private func pad(_ text: String, to width: Int, alignment: ReportTable.Alignment) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return alignment == .right ? fill + text : text + fill
    }
}
