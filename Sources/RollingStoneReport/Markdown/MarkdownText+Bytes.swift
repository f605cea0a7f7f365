import Foundation
import RollingStoneCore

extension MarkdownText {
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
    static func backslashOffsets(in text: UnsafeBufferPointer<UInt8>, at placement: Placement, into offsets: inout [Int]) -> Bool {
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
    static let bytesToLookAt: [Bool] = (0...255).map { byte in
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
    static func entityFollows(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
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
    static func orderedListMarkerOffset(in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var digits = 0
        while digits < text.count && text[digits] >= ascii("0") && text[digits] <= ascii("9") { digits += 1 }
        guard digits > 0, let marker = peek(text, digits), marker == ascii(".") || marker == ascii(")") else { return nil }
        let next = peek(text, digits + 1)
        return next == nil || next == ascii(" ") ? digits : nil
    }

    /// The scalar starting at `index` and how many bytes it takes; nil past
    /// the end or on a byte that does not start one.
    static func decodeScalar(in text: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int)? {
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

    static func peek(_ text: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt8? {
        index < text.count ? text[index] : nil
    }

    static func ascii(_ character: Unicode.Scalar) -> UInt8 {
        UInt8(ascii: character)
    }

    /// `body` over the UTF-8 bytes of `text`, copied only when the string
    /// does not hold them as they are.
    static func withUTF8<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = text
        return copy.withUTF8(body)
    }
}
