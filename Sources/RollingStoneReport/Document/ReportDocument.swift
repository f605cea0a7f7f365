import RollingStoneCore

/// A write-up: what a writer needs before the first block. `ReportComposer`
/// then hands the blocks to a `ReportBlockWriter` (`MarkdownDocumentWriter`,
/// `HTMLDocumentWriter`) one by one, so a long meeting's blocks are never all
/// held at once.
///
/// Typed text is held as text, never as markup: each writer escapes it for
/// its own format, so no writer can be handed something already half-escaped.
package struct ReportDocument: Sendable {
    /// The title as a reader sees it, for the HTML page's title and the
    /// running header of a printed page.
    package var title: String
    /// The date written out, for the running header; `nil` without one.
    package var date: String?
    package var language: MeetingLanguage

    package init(title: String, date: String?, language: MeetingLanguage) {
        self.title = title
        self.date = date
        self.language = language
    }
}

/// Writes a report's blocks in its format, as they come.
package protocol ReportBlockWriter {
    mutating func write(_ block: ReportBlock)
}

/// One block of a write-up.
package enum ReportBlock: Sendable {
    /// A heading of level 1 to 3.
    case heading(level: Int, [ReportInline])
    case paragraph([ReportInline])
    /// Something a reader must see before the rest: the report is a draft,
    /// or part of the session file was unreadable. Our own words.
    case notice(String)
    /// An item of a list. Items that follow each other in the same style
    /// are one list: they are handed over one by one, so a list of thousands
    /// of tips is never built as a whole.
    case item([ReportInline], ReportListStyle)
    /// A quotation.
    case quote([ReportInline])
    case table(ReportTable)
    /// A chart for readers who see pictures; the Markdown writer leaves it
    /// out, as each chart stands beside a table or sentence with its figures.
    case chart(ReportChart)
}

/// How a list's items are marked.
package enum ReportListStyle: Equatable, Sendable {
    case bullets
    /// Follow-up actions, to tick off.
    case tasks
}

/// A run of text within a block.
package enum ReportInline: Sendable {
    /// Our own fixed words (labels, numbers). They hold nothing that Markdown
    /// acts on, so the Markdown writer writes them as they are.
    case words(String)
    /// Text that may hold anything, typed or composed with typed text: shown
    /// exactly, escaped by each writer.
    case text(String)
    /// Typed text, shown as one trimmed line before it joins its neighbours.
    case typed(String)
    /// Who an entry is by (" — Stef Steyaert, België"): text, which HTML sets
    /// apart.
    case byline(String)
    /// Our own words in bold.
    case strong(String)
    /// Our own words in italics.
    case emphasis(String)
    /// A web or e-mail address: a link when it is one plain address, else text.
    case address(String)
}

/// A table: a header of labels, then rows of one inline per cell.
package struct ReportTable: Sendable {
    package enum Alignment: Sendable {
        case left
        case right
    }

    package struct Column: Sendable {
        /// The header: our own words.
        package var title: String
        package var alignment: Alignment = .left

        package init(title: String, alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    package var columns: [Column]
    /// Cells; a short row is filled with empty cells.
    package var rows: [[ReportInline]] = []
    /// Whether the last row sums up the others (a total), to set it apart.
    package var hasTotalRow = false

    package init(columns: [Column], rows: [[ReportInline]] = [], hasTotalRow: Bool = false) {
        self.columns = columns
        self.rows = rows
        self.hasTotalRow = hasTotalRow
    }
}
