/// Writes a report's blocks as GitHub Flavored Markdown: each block
/// separated from the next by a blank line, typed text escaped by
/// `MarkdownText` where it lies.
package struct MarkdownDocumentWriter: ReportBlockWriter {
    private var writer: MarkdownWriter
    /// The style of the list the last block was an item of, if it was one.
    private var list: ReportListStyle?

    /// A writer with room for about `capacity` bytes.
    package init(capacity: Int = 16_384) {
        writer = MarkdownWriter(capacity: capacity)
    }

    package mutating func write(_ block: ReportBlock) {
        if case .item(let inlines, let style) = block {
            // A list is one block, its items one line each.
            if list != style { writer.startBlock() }
            list = style
            writer.startLine()
            writer.append(style == .tasks ? "- [ ] " : "- ")
            Self.writeLine(inlines, at: .blockStart, to: &writer)
            return
        }
        list = nil
        Self.write(block, to: &writer)
    }

    /// The Markdown, ending in a newline. Called once, at the end.
    ///
    /// Mutating rather than consuming: consuming this wrapper copied the
    /// writer and with it the whole report (8 MB more at 100,000 entries).
    package mutating func finish() -> String {
        writer.finish()
    }

    private static func write(_ block: ReportBlock, to writer: inout MarkdownWriter) {
        switch block {
        case .heading(let level, let inlines):
            writer.startBlock()
            writer.append(String(repeating: "#", count: level) + " ")
            writeLine(inlines, at: .heading, to: &writer)
        case .paragraph(let inlines):
            writer.startBlock()
            writeLine(inlines, at: .blockStart, to: &writer)
        case .notice(let words):
            writer.block("**\(words)**")
        case .quote(let inlines):
            writer.startBlock()
            writer.append("> ")
            writeLine(inlines, at: .blockStart, to: &writer)
        case .item:
            // Written by `write(_:)`, which knows the list around it.
            break
        case .table(let table):
            let rows = table.rows.map { $0.map(cell) }
            writer.block(MarkdownTable(columns: table.columns, rows: rows).markdown)
        case .chart:
            // The figures stand in the table or sentence beside the chart.
            break
        }
    }

    /// One line of inlines. Neighbouring text is escaped as one run, as a
    /// reader sees it joined: whether a `#` or `1.` needs a backslash
    /// depends on where it stands in the line, not in its piece. Only what
    /// starts the line is at `placement`; text after other words is inline.
    static func writeLine(_ inlines: [ReportInline], at placement: MarkdownText.Placement, to writer: inout MarkdownWriter) {
        var run = TextRun()
        var atStart = true
        func write(_ markdown: String) {
            if !run.isEmpty {
                run.write(to: &writer, at: atStart || placement == .heading ? placement : .inline)
                run = TextRun()
            }
            writer.append(markdown)
            atStart = false
        }
        for inline in inlines {
            switch inline {
            case .text(let text), .byline(let text): run.pieces.append((text, typed: false))
            case .typed(let text): run.pieces.append((text, typed: true))
            case .words(let words): write(words)
            case .strong(let words): write("**\(words)**")
            case .emphasis(let words): write("*\(words)*")
            case .address(let address): write(MarkdownText.linkableAddress(address))
            }
        }
        write("")
    }

    /// A table cell as Markdown.
    private static func cell(_ inline: ReportInline) -> String {
        switch inline {
        case .text(let text), .typed(let text), .byline(let text): MarkdownText.escaped(text)
        case .words(let words): words
        case .strong(let words): "**\(words)**"
        case .emphasis(let words): "*\(words)*"
        case .address(let address): MarkdownText.linkableAddress(address)
        }
    }
}

/// Text pieces that stand next to each other in a line, escaped together.
///
/// Most runs are one typed text between fixed words (an entry and its
/// byline), which `MarkdownWriter.appendEscaped` escapes in place; any other
/// mix is joined first, each typed piece made one line.
private struct TextRun {
    var pieces: [(text: String, typed: Bool)] = []

    var isEmpty: Bool { pieces.isEmpty }

    func write(to writer: inout MarkdownWriter, at placement: MarkdownText.Placement) {
        var typedIndex: Int?
        var typedCount = 0
        for (index, piece) in pieces.enumerated() where piece.typed {
            typedIndex = index
            typedCount += 1
        }
        if typedCount == 1, let index = typedIndex {
            writer.appendEscaped(
                typed: pieces[index].text, between: Self.joined(pieces[..<index]), and: Self.joined(pieces[(index + 1)...]),
                at: placement)
        } else {
            let joined = pieces.map { $0.typed ? MarkdownText.oneLine($0.text) : $0.text }.joined()
            writer.appendEscaped(typed: joined, at: placement)
        }
    }

    /// The pieces' text as one string; a single piece as it is, uncopied
    /// (most are one byline, for every entry of a long meeting).
    private static func joined(_ pieces: ArraySlice<(text: String, typed: Bool)>) -> String {
        switch pieces.count {
        case 0: ""
        case 1: pieces[pieces.startIndex].text
        default: pieces.map(\.text).joined()
        }
    }
}
