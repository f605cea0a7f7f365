import RollingStoneCore

/// A report being written by `MarkdownDocumentWriter`: Markdown blocks
/// separated by blank lines, in one growing string.
///
/// A long meeting's report is megabytes of short lines. Built as a `String`
/// each and joined at the end, they cost more than the rest of rendering;
/// here every piece is copied once, into place, and typed text is escaped
/// where it lies.
struct MarkdownWriter {
    private var markdown = ""
    private var hasBlocks = false
    private var blockHasLines = false

    /// A writer with room for about `capacity` bytes.
    init(capacity: Int) {
        markdown.reserveCapacity(capacity)
    }

    /// Starts a block. Blocks are separated by a blank line, so no block can
    /// run into the next (a lazy continuation line, a list swallowing a
    /// paragraph).
    mutating func startBlock() {
        if hasBlocks { append("\n\n") }
        hasBlocks = true
        blockHasLines = false
    }

    /// Starts a line of the current block, such as a list item.
    mutating func startLine() {
        if blockHasLines { append("\n") }
        blockHasLines = true
    }

    /// A whole block of Markdown.
    mutating func block(_ markdown: String) {
        startBlock()
        append(markdown)
    }

    /// Markdown as it is: fixed words, or text escaped already.
    mutating func append(_ markdown: String) {
        self.markdown.append(markdown)
    }

    /// Typed text between fixed words, escaped as one line: what
    /// `MarkdownText.escaped(opening + typed(text) + closing + byline, at:)`
    /// gives, without building that string when the bytes can tell.
    mutating func appendEscaped(
        typed text: String, between opening: String = "", and closing: String = "", then byline: String = "",
        at placement: MarkdownText.Placement
    ) {
        // `typed` leaves text that is one trimmed line as it is. Line breaks
        // and controls in it are looked for below, with the whole line.
        let isTyped = MarkdownText.endsAreTrimmed(text)
        let start = markdown.utf8.count
        append(opening)
        append(text)
        append(closing)
        append(byline)
        if isTyped && MarkdownText.escapeInPlace(&markdown, from: start, at: placement) { return }
        // The long way, for text with line breaks, controls or characters
        // the byte rules leave alone: exactly as the line was always made.
        let cut = markdown.utf8.index(markdown.startIndex, offsetBy: start)
        markdown.removeSubrange(cut...)
        append(MarkdownText.escaped(opening + MarkdownText.oneLine(text) + closing + byline, at: placement))
    }

    /// The report, ending in a newline. Called once, at the end.
    mutating func finish() -> String {
        append("\n")
        return markdown
    }
}
