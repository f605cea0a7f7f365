import Foundation

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
        let flat = oneLine(text)
        // Most captured text is plain words and sentence punctuation: nothing
        // to escape, and no need to look at it character by character.
        if !mayNeedEscaping(flat, atBlockStart: placement == .blockStart) { return flat }
        let characters = Array(flat)
        var output = ""
        output.reserveCapacity(characters.count + characters.count / 8)
        let atBlockStart = placement == .blockStart
        let orderedListMarker = atBlockStart ? orderedListMarkerIndex(in: characters) : nil

        for (index, character) in characters.enumerated() {
            if needsEscape(character, at: index, in: characters, placement: placement)
                || (atBlockStart && index == 0 && blockStartCharacters.contains(character))
                || index == orderedListMarker {
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
        if trimmed.wholeMatch(of: plainWebAddress) != nil { return trimmed }
        return escaped(trimmed)
    }

    /// `text` with line breaks and tabs turned into spaces, and trimmed.
    static func oneLine(_ text: String) -> String {
        if isOneTrimmedLine(text) { return text }
        let flattened = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        return flattened.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `text` split into paragraphs at blank lines, each flattened to one line.
    static func paragraphs(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .components(separatedBy: "\n\n")
            .map(oneLine)
            .filter { !$0.isEmpty }
    }

    // MARK: Rules

    /// Bytes of characters that may need a backslash somewhere in a line.
    private static let markupBytes: Set<UInt8> = Set("\\`*_[]<|~&!:#".utf8)
    /// Bytes of characters that may need one at the start of a block.
    private static let blockStartBytes: Set<UInt8> = Set("#-+=>0123456789".utf8)

    /// False only when `escaped` would return `text` unchanged; true may be
    /// a false alarm, which the character-by-character pass settles.
    private static func mayNeedEscaping(_ text: String, atBlockStart: Bool) -> Bool {
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
    private static func isOneTrimmedLine(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last else { return true }
        if first.isWhitespace || last.isWhitespace { return false }
        let bytes = text.utf8
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in bytes {
            // Controls, U+0085 (C2 85) and U+2028/U+2029 (E2 80 A8/A9), which
            // Swift also counts as line breaks: left to the slow way.
            if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && byte == 0x85)
                || (beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9)) {
                return false
            }
            beforePrevious = previous
            previous = byte
        }
        return true
    }

    private static let alwaysEscaped: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", "|", "~"]
    private static let blockStartCharacters: Set<Character> = ["#", "-", "+", "=", ">"]

    // Regexes are built on use: `Regex` is not `Sendable`, so it cannot be a
    // stored static in Swift 6, and building one costs little next to a report.

    /// An entity or numeric character reference, as CommonMark reads them after `&`.
    private static var entityBody: Regex<Substring> { /#[xX][0-9A-Fa-f]{1,6};|#[0-9]{1,7};|[A-Za-z][A-Za-z0-9]{0,31};/ }

    /// A web address that needs no escaping and that GFM's autolink takes whole.
    private static var plainWebAddress: Regex<Substring> {
        /(?:https?:\/\/|www\.)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::[0-9]{1,5})?(?:\/[A-Za-z0-9\/.%=?#+-]*[A-Za-z0-9\/=#+-])?\/?/
    }

    private static func needsEscape(_ character: Character, at index: Int, in characters: [Character], placement: Placement) -> Bool {
        if alwaysEscaped.contains(character) { return true }
        switch character {
        case "&":
            let rest = String(characters[(index + 1)...].prefix(40))
            return rest.prefixMatch(of: entityBody) != nil
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
    private static func orderedListMarkerIndex(in characters: [Character]) -> Int? {
        guard let firstNonDigit = characters.firstIndex(where: { !$0.isASCII || !$0.isNumber }),
              firstNonDigit > 0,
              characters[firstNonDigit] == "." || characters[firstNonDigit] == ")"
        else { return nil }
        let next = firstNonDigit + 1
        return next == characters.count || characters[next] == " " ? firstNonDigit : nil
    }
}
