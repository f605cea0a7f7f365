import Foundation
import RollingStoneCore

/// Makes captured text safe to place in a Markdown report.
///
/// Everything in a report that was typed (entries, lesson titles, names,
/// networks, roles, agenda text) may hold anything, and must come out as the
/// same visible text: never as a heading, list, table cell boundary, link,
/// image or raw HTML. CommonMark lets a backslash precede any ASCII
/// punctuation to make it literal, so escaping is done with backslashes only.
///
/// To keep the Markdown readable as plain text (it may be pasted into an
/// e-mail), characters are escaped only where Markdown would act on them:
///
/// - Everywhere: `\` `` ` `` `*` `_` `[` `]` `<` `|` `~`. These start code,
///   emphasis, links, raw HTML, autolinks, table cells and strikethrough
///   wherever they stand. `|` only matters in tables, but a paragraph holding
///   one could become a table header, so it is escaped everywhere too.
/// - `&` only when it starts something shaped like an entity (`&amp;`,
///   `&#65;`, `&#x41;`): "R&D" stays as it is.
/// - `!` only before `[` (an image); with `[` escaped it is inert anyway.
/// - At the start of a block only: `#` (heading), `-` `+` (list, rule,
///   setext underline), `=` (setext underline), `>` (block quote), and the
///   `.` or `)` after leading digits (ordered list: "2012. Toen" stays text).
///   Elsewhere `>` is inert: inline HTML needs a `<`, which is always escaped.
/// - In headings, every `#`, so a title ending in " #" keeps it (a trailing
///   run of `#` would otherwise be read as the heading's closing sequence).
///   A heading's text is inline only, so "1. Welkom" needs nothing more.
///
/// Web addresses in running text are deliberately kept from becoming links.
/// GFM's autolink extension turns `www.…` and `http(s)://…` into links, but
/// it takes the raw source text up to the next space, backslash escapes
/// included: an address holding an escaped `_` or `&` would show a stray
/// backslash and point somewhere else than it says. So the `:` of `://` and
/// the `.` of `www.` are escaped, and the address stays plain text (a mail
/// client links it again when the report is pasted). E-mail addresses are
/// left alone: GFM links them as `mailto:` with exactly the text shown, even
/// with escapes inside. A field that is nothing but a plain web address, such
/// as the host's website, can be written as a real link with `linkableAddress`.
///
/// White space: line breaks (and tabs) become spaces, since a report line
/// must stay one line, and leading and trailing white space is dropped, since
/// leading spaces would turn a line into a code block and HTML would not show
/// them anyway.
enum MarkdownText {
    /// Where escaped text is placed; block starts need more escaping.
    enum Placement {
        /// After other text on the same line: a table cell, or after a label.
        case inline
        /// At the start of a paragraph, list item or block quote.
        case blockStart
        /// The text of an ATX heading, after `## `: inline, but `#` counts.
        case heading
    }

    /// `text` as Markdown that shows exactly `text` (on one line, trimmed).
    static func escaped(_ text: String, at placement: Placement = .inline) -> String {
        var markdown = text
        return escapeInPlace(&markdown, from: 0, at: placement) ? markdown : escapedCharacterByCharacter(text, at: placement)
    }

    /// Escapes the text from UTF-8 offset `start` of `markdown` on where it
    /// lies, as `escaped` would; false, with `markdown` left as it was, when
    /// the text has to go the long way (`escapedCharacterByCharacter`).
    static func escapeInPlace(_ markdown: inout String, from start: Int, at placement: Placement) -> Bool {
        var backslashes: [Int] = []
        let decided = withUTF8(of: markdown) { all in
            backslashOffsets(in: UnsafeBufferPointer(rebasing: all[start...]), at: placement, into: &backslashes)
        }
        guard decided else { return false }
        // Most captured text is plain words and sentence punctuation: nothing to escape.
        guard let firstEscaped = backslashes.first else { return true }
        // No view of `markdown` may outlive this line: one would make the
        // removal below copy the whole report.
        let cut = markdown.utf8.index(markdown.startIndex, offsetBy: start + firstEscaped)
        let tail = Array(markdown.utf8[cut...])
        markdown.removeSubrange(cut...)
        var escapedTail: [UInt8] = []
        escapedTail.reserveCapacity(tail.count + backslashes.count)
        var next = 0
        for (offset, byte) in zip(firstEscaped..., tail) {
            if next < backslashes.count && backslashes[next] == offset {
                escapedTail.append(ascii("\\"))
                next += 1
            }
            escapedTail.append(byte)
        }
        markdown.append(String(decoding: escapedTail, as: UTF8.self))
        return true
    }

    /// True when neither the first nor the last character of `text` is white
    /// space; false also when the bytes alone cannot tell (`endsAreTrimmed`).
    static func endsAreTrimmed(_ text: String) -> Bool {
        withUTF8(of: text) { endsAreTrimmed($0) }
    }

    /// `escaped` the long way, character by character, as it was first
    /// written: for text that is not one trimmed line, or that needs escaping
    /// and holds characters the byte rules leave to it (see `isSimple`).
    static func escapedCharacterByCharacter(_ text: String, at placement: Placement) -> String {
        let flat = oneLine(text)
        if !mayNeedEscaping(flat, atBlockStart: placement == .blockStart) { return flat }
        let characters = Array(flat)
        var output = ""
        output.reserveCapacity(characters.count + characters.count / 8)
        let atBlockStart = placement == .blockStart
        let orderedListMarker = atBlockStart ? orderedListMarkerIndex(in: characters) : nil
        // Built once per line, not once per "&": building a regex costs more
        // than matching it.
        let entity = flat.contains("&") ? entityBody : nil

        for (index, character) in characters.enumerated() {
            if needsEscape(character, at: index, in: characters, placement: placement, entity: entity)
                || (atBlockStart && index == 0 && blockStartCharacters.contains(character))
                || index == orderedListMarker
            {
                output.append("\\")
            }
            output.append(character)
        }
        return output
    }

    /// A web address or e-mail address written so GFM links it, when `text`
    /// is exactly one plain address whose link would show exactly `text`;
    /// otherwise `text` escaped like any other.
    ///
    /// Only `http`, `https` and `www.` addresses made of characters that need
    /// no escaping qualify, ending in a character GFM keeps in the link; an
    /// address with anything else is shown escaped, as plain text.
    static func linkableAddress(_ text: String) -> String {
        let trimmed = oneLine(text)
        if ReportAddress.isPlainWebAddress(trimmed) { return trimmed }
        return escaped(trimmed)
    }

    /// `text` with line breaks and tabs turned into spaces, and trimmed.
    static func oneLine(_ text: String) -> String {
        if isOneTrimmedLine(text) { return text }
        let flattened = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        return flattened.trimmingWhitespaceAndNewlines
    }

    /// `text` split into paragraphs at blank lines, each flattened to one line.
    static func paragraphs(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n")
            .map(oneLine)
            .filter { !$0.isEmpty }
    }

    // MARK: Rules

    // The rules' characters, each written once; the sets and byte tests
    // below are made from them.

    /// Escaped wherever they stand.
    static let alwaysEscapedMarks = "\\`*_[]<|~"
    /// Escaped at the start of a block.
    static let blockStartMarks = "#-+=>"

    /// Bytes of characters that may need a backslash somewhere in a line.
    static let markupBytes: Set<UInt8> = Set((alwaysEscapedMarks + "&!:#").utf8)
    /// Bytes of `blockStartMarks`.
    static let blockStartMarkBytes: Set<UInt8> = Set(blockStartMarks.utf8)
    /// Bytes of characters that may need one at the start of a block: the
    /// marks, and the digits of an ordered list's number.
    static let blockStartBytes: Set<UInt8> = blockStartMarkBytes.union("0123456789".utf8)

    /// False only when `escaped` would return `text` unchanged; true may be
    /// a false alarm, which the character-by-character pass settles.
    static func mayNeedEscaping(_ text: String, atBlockStart: Bool) -> Bool {
        let bytes = text.utf8
        if atBlockStart, let first = bytes.first, blockStartBytes.contains(first) { return true }
        // How many of the bytes just before were a "w" or "W".
        var ws = 0
        for byte in bytes {
            if markupBytes.contains(byte) { return true }
            // "www." is the autolinker's trigger, in any case.
            if byte == UInt8(ascii: ".") && ws >= 3 { return true }
            ws = byte | 0x20 == UInt8(ascii: "w") ? ws + 1 : 0
        }
        return false
    }

    /// No line breaks, tabs or other control characters, and no white space
    /// at either end: the shape the REPL stores text in.
    static func isOneTrimmedLine(_ text: String) -> Bool {
        withUTF8(of: text) { bytes in
            guard !containsLineBreakOrControl(bytes) else { return false }
            // The bytes tell for nearly all text; the characters settle the rest.
            return endsAreTrimmed(bytes) || !(text.first?.isWhitespace ?? false) && !(text.last?.isWhitespace ?? false)
        }
    }

    /// Controls, U+0085 (C2 85) and U+2028/U+2029 (E2 80 A8/A9), which Swift
    /// also counts as line breaks: left to the slow way.
    static func containsLineBreakOrControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in bytes {
            if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && byte == 0x85)
                || (beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9))
            {
                return true
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    static let alwaysEscaped: Set<Character> = Set(alwaysEscapedMarks)
    static let blockStartCharacters: Set<Character> = Set(blockStartMarks)

    // Regexes are built on use: `Regex` is not `Sendable`, so it cannot be a
    // stored static in Swift 6, and building one costs little next to a report.

    /// An entity or numeric character reference, as CommonMark reads them after `&`.
    static var entityBody: Regex<Substring> { /#[xX][0-9A-Fa-f]{1,6};|#[0-9]{1,7};|[A-Za-z][A-Za-z0-9]{0,31};/ }

    /// A web address that needs no escaping and that GFM's autolink takes whole.

    static func needsEscape(
        _ character: Character, at index: Int, in characters: [Character], placement: Placement,
        entity: Regex<Substring>?
    ) -> Bool {
        if alwaysEscaped.contains(character) { return true }
        switch character {
        case "&":
            guard let entity else { return false }
            let rest = String(characters[(index + 1)...].prefix(40))
            return rest.prefixMatch(of: entity) != nil
        case "!":
            return characters.indices.contains(index + 1) && characters[index + 1] == "["
        case ":":
            // `://` is what GFM's autolink extension looks for after a scheme.
            return characters[(index + 1)...].starts(with: ["/", "/"])
        case ".":
            // `www.` is the autolink extension's other trigger; case is ignored
            // here so a future, laxer autolinker finds nothing either.
            return index >= 3 && String(characters[(index - 3)..<index]).lowercased() == "www"
        case "#":
            return placement == .heading
        default:
            return false
        }
    }

    /// The index of the `.` or `)` that would make `characters` an ordered
    /// list item: leading digits, then `.` or `)`, then a space or the end.
    static func orderedListMarkerIndex(in characters: [Character]) -> Int? {
        guard let firstNonDigit = characters.firstIndex(where: { !$0.isASCII || !$0.isNumber }),
            firstNonDigit > 0,
            characters[firstNonDigit] == "." || characters[firstNonDigit] == ")"
        else { return nil }
        let next = firstNonDigit + 1
        return next == characters.count || characters[next] == " " ? firstNonDigit : nil
    }

}
