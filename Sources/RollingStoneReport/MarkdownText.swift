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
        if trimmed.wholeMatch(of: plainWebAddress) != nil { return trimmed }
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
    private static let alwaysEscapedMarks = "\\`*_[]<|~"
    /// Escaped at the start of a block.
    private static let blockStartMarks = "#-+=>"

    /// Bytes of characters that may need a backslash somewhere in a line.
    private static let markupBytes: Set<UInt8> = Set((alwaysEscapedMarks + "&!:#").utf8)
    /// Bytes of `blockStartMarks`.
    private static let blockStartMarkBytes: Set<UInt8> = Set(blockStartMarks.utf8)
    /// Bytes of characters that may need one at the start of a block: the
    /// marks, and the digits of an ordered list's number.
    private static let blockStartBytes: Set<UInt8> = blockStartMarkBytes.union("0123456789".utf8)

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
        withUTF8(of: text) { bytes in
            guard !containsLineBreakOrControl(bytes) else { return false }
            // The bytes tell for nearly all text; the characters settle the rest.
            return endsAreTrimmed(bytes) || !(text.first?.isWhitespace ?? false) && !(text.last?.isWhitespace ?? false)
        }
    }

    /// Controls, U+0085 (C2 85) and U+2028/U+2029 (E2 80 A8/A9), which Swift
    /// also counts as line breaks: left to the slow way.
    private static func containsLineBreakOrControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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

    private static let alwaysEscaped: Set<Character> = Set(alwaysEscapedMarks)
    private static let blockStartCharacters: Set<Character> = Set(blockStartMarks)

    // Regexes are built on use: `Regex` is not `Sendable`, so it cannot be a
    // stored static in Swift 6, and building one costs little next to a report.

    /// An entity or numeric character reference, as CommonMark reads them after `&`.
    static var entityBody: Regex<Substring> { /#[xX][0-9A-Fa-f]{1,6};|#[0-9]{1,7};|[A-Za-z][A-Za-z0-9]{0,31};/ }

    /// A web address that needs no escaping and that GFM's autolink takes whole.
    private static var plainWebAddress: Regex<Substring> {
        /(?:https?:\/\/|www\.)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::[0-9]{1,5})?(?:\/[A-Za-z0-9\/.%=?#+-]*[A-Za-z0-9\/=#+-])?\/?/
    }

    private static func needsEscape(
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
    private static func orderedListMarkerIndex(in characters: [Character]) -> Int? {
        guard let firstNonDigit = characters.firstIndex(where: { !$0.isASCII || !$0.isNumber }),
            firstNonDigit > 0,
            characters[firstNonDigit] == "." || characters[firstNonDigit] == ")"
        else { return nil }
        let next = firstNonDigit + 1
        return next == characters.count || characters[next] == " " ? firstNonDigit : nil
    }

    // MARK: The same rules on bytes

    // Escaping is worked out on UTF-8 bytes where that gives what the
    // character-by-character pass gives: a report holds one escaped line per
    // entry, and splitting each into `Character`s took most of rendering.

    /// `escaped` worked out on UTF-8 bytes: puts the offsets of the bytes that
    /// get a backslash in `offsets`, in order, and returns true; or returns
    /// false when `text` has to go the long way.
    ///
    /// The long way is for text that is not one trimmed line, and for text
    /// that needs escaping and holds a character outside `isSimple`. Anywhere
    /// else each ASCII byte is a character of its own, so the rules can be
    /// read off the bytes.
    private static func backslashOffsets(in text: UnsafeBufferPointer<UInt8>, at placement: Placement, into offsets: inout [Int]) -> Bool {
        guard let first = text.first else { return true }
        guard endsAreTrimmed(text) else { return false }
        // What `mayNeedEscaping` would say. When it says no, the long way
        // leaves the text as it is, whatever its characters.
        var mayNeedEscaping = false
        if placement == .blockStart {
            mayNeedEscaping = blockStartBytes.contains(first)
            if blockStartMarkBytes.contains(first) { offsets.append(0) }
            // After digits, which the loop below leaves alone.
            if let marker = orderedListMarkerOffset(in: text) { offsets.append(marker) }
        }
        var allSimple = true
        let looked = bytesToLookAt.withUnsafeBufferPointer { bytesToLookAt in
            var index = 0
            while index < text.count {
                let byte = text[index]
                // Letters, digits, spaces and most punctuation: nothing to do.
                guard bytesToLookAt[Int(byte)] else {
                    index &+= 1
                    continue
                }
                if byte >= 0x80 {
                    guard let (scalar, length) = decodeScalar(in: text, at: index),
                        scalar != 0x85, scalar != 0x2028, scalar != 0x2029
                    else { return false }
                    if allSimple && !isSimple(scalar) { allSimple = false }
                    index &+= length
                    continue
                }
                var escape = false
                switch byte {
                case 0..<0x20, 0x7F:
                    return false
                case ascii("&"):
                    escape = entityFollows(in: text, from: index + 1)
                case ascii("!"):
                    escape = peek(text, index + 1) == ascii("[")
                case ascii(":"):
                    escape = peek(text, index + 1) == ascii("/") && peek(text, index + 2) == ascii("/")
                case ascii("#"):
                    escape = placement == .heading
                case ascii("."):
                    // "www." is the autolinker's trigger, in any case.
                    escape = index >= 3 && (1...3).allSatisfy { text[index - $0] | 0x20 == ascii("w") }
                default:
                    escape = true
                }
                mayNeedEscaping = mayNeedEscaping || byte != ascii(".") || escape
                if escape { offsets.append(index) }
                index &+= 1
            }
            return true
        }
        // Every backslash above comes with `mayNeedEscaping`.
        return looked && (!mayNeedEscaping || allSimple)
    }

    /// For each byte value, whether the loop above looks at it: controls,
    /// the bytes of `markupBytes`, `.`, and the bytes beyond ASCII.
    private static let bytesToLookAt: [Bool] = (0...255).map { byte in
        byte < 0x20 || byte >= 0x7F || UInt8(byte) == ascii(".") || markupBytes.contains(UInt8(byte))
    }

    /// True when neither the first nor the last character of `text` is white
    /// space; false also when the last scalar alone cannot tell.
    ///
    /// A character is white space when its first scalar is. The first scalar
    /// of the text is that of its first character; the last character starts
    /// with the last scalar, or with a scalar that is never white space, when
    /// the last scalar is simple (`isSimple`) or of a category that does not
    /// join what is before it (not a mark, joiner or format character, nor a
    /// letter of a script whose letters combine).
    static func endsAreTrimmed(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = text.first, let last = text.last else { return true }
        if first < 0x80 {
            guard first > 0x20 && first < 0x7F else { return false }
        } else {
            guard let (value, _) = decodeScalar(in: text, at: 0), let scalar = Unicode.Scalar(value),
                !scalar.properties.isWhitespace
            else { return false }
        }
        if last < 0x80 { return last > 0x20 && last < 0x7F }
        var start = text.count - 1
        while start > 0 && text[start] & 0xC0 == 0x80 { start -= 1 }
        guard let (value, _) = decodeScalar(in: text, at: start), let scalar = Unicode.Scalar(value) else { return false }
        if isSimple(value) { return value != 0xA0 }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// Characters besides ASCII that need no escaping and that the byte rules
    /// can step over: Latin letters with their accents, dashes, quotation
    /// marks, currency signs, arrows and emoji, what Dutch and English text
    /// mostly holds.
    ///
    /// Each is a character of its own wherever it stands (no combining mark,
    /// joiner, variation selector or prefix that joins its neighbours), and
    /// none is canonically equivalent to, or lowercases to, an ASCII
    /// character, so none can pass for one the rules look for.
    /// `MarkdownTextFastPathTests` checks this for every one of them.
    static func isSimple(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0xA0...0x24F: scalar != 0xAD
        case 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20BF, 0x2190...0x21FF, 0x2600...0x27BF: true
        // Emoji, without the skin tone modifiers (U+1F3FB to U+1F3FF).
        case 0x1F300...0x1F3FA, 0x1F400...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF: true
        default: false
        }
    }

    /// Whether `text[start...]` starts like an entity or numeric character
    /// reference: `entityBody` on bytes.
    private static func entityFollows(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        /// How many bytes from `from` on pass `test`.
        func run(from: Int, _ test: (UInt8) -> Bool) -> Int {
            var end = from
            while end < text.count && test(text[end]) { end += 1 }
            return end - from
        }
        func isSemicolon(_ index: Int) -> Bool { peek(text, index) == ascii(";") }
        func isDigit(_ byte: UInt8) -> Bool { byte >= ascii("0") && byte <= ascii("9") }
        func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= ascii("a") && byte | 0x20 <= ascii("z") }
        func isHexDigit(_ byte: UInt8) -> Bool { isDigit(byte) || (byte | 0x20 >= ascii("a") && byte | 0x20 <= ascii("f")) }

        guard let first = peek(text, start) else { return false }
        if first == ascii("#") {
            if let x = peek(text, start + 1), x | 0x20 == ascii("x") {
                let hexDigits = run(from: start + 2, isHexDigit)
                if (1...6).contains(hexDigits) && isSemicolon(start + 2 + hexDigits) { return true }
            }
            let digits = run(from: start + 1, isDigit)
            return (1...7).contains(digits) && isSemicolon(start + 1 + digits)
        }
        guard isLetter(first) else { return false }
        let more = run(from: start + 1) { isLetter($0) || isDigit($0) }
        return more <= 31 && isSemicolon(start + 1 + more)
    }

    /// `orderedListMarkerIndex` on bytes.
    private static func orderedListMarkerOffset(in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var digits = 0
        while digits < text.count && text[digits] >= ascii("0") && text[digits] <= ascii("9") { digits += 1 }
        guard digits > 0, let marker = peek(text, digits), marker == ascii(".") || marker == ascii(")") else { return nil }
        let next = peek(text, digits + 1)
        return next == nil || next == ascii(" ") ? digits : nil
    }

    /// The scalar starting at `index` and how many bytes it takes; nil past
    /// the end or on a byte that does not start one.
    private static func decodeScalar(in text: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int)? {
        guard index < text.count else { return nil }
        let lead = text[index]
        let length =
            switch lead {
            case 0..<0x80: 1
            case 0xC0..<0xE0: 2
            case 0xE0..<0xF0: 3
            case 0xF0..<0xF8: 4
            default: 0
            }
        guard length > 0, index + length <= text.count else { return nil }
        var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0x7F >> length)
        for offset in 1..<length {
            value = value << 6 | UInt32(text[index + offset] & 0x3F)
        }
        return (value, length)
    }

    private static func peek(_ text: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt8? {
        index < text.count ? text[index] : nil
    }

    private static func ascii(_ character: Unicode.Scalar) -> UInt8 {
        UInt8(ascii: character)
    }

    /// `body` over the UTF-8 bytes of `text`, copied only when the string
    /// does not hold them as they are.
    private static func withUTF8<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }
}
