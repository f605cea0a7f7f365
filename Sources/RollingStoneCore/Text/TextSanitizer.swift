/// Cleans text typed at the prompt before it is stored.
///
/// Captured text is shown again in listings and reports; an escape sequence
/// kept in it could repaint the facilitator's terminal, and a stray control
/// character could break the session file or the Markdown.
package enum TextSanitizer {
    /// The text with terminal escape sequences and control characters
    /// removed, runs of white space folded into one space, and trimmed.
    package static func clean(_ text: String) -> String {
        isClean(text) ? text : cleanedScalarByScalar(text)
    }

    /// What `clean` does to text that holds something to remove.
    static func cleanedScalarByScalar(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pendingSpace = false
        while let scalar = scalars.next() {
            switch kind(of: scalar) {
            case .escape:
                skipEscapeSequence(&scalars)
            case .controlSequence:
                skipControlSequence(&scalars)
            case .space:
                pendingSpace = !output.isEmpty
            case .invisible:
                continue
            case .visible:
                if pendingSpace {
                    output.append(" ")
                    pendingSpace = false
                }
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// Whether `clean` would return `text` as it is: most typed text holds
    /// nothing to remove, and rebuilding it scalar by scalar was a tenth of
    /// the work of a capture.
    private static func isClean(_ text: String) -> Bool {
        var previousWasSpace = true  // so a leading space counts as a run
        for scalar in text.unicodeScalars {
            switch kind(of: scalar) {
            case .visible:
                previousWasSpace = false
            case .space where scalar == " " && !previousWasSpace:
                previousWasSpace = true
            default:
                return false
            }
        }
        return !previousWasSpace || text.isEmpty
    }

    /// What cleaning does with a scalar.
    private enum ScalarKind {
        /// ESC: starts a sequence, removed with it.
        case escape
        /// CSI (U+009B): starts a control sequence, removed with it.
        case controlSequence
        /// White space and line breaks: runs become one space, none at the ends.
        case space
        /// Controls, zero-width and bidirectional overrides: invisible or
        /// misleading when the text is shown again, so removed.
        case invisible
        case visible
    }

    private static func kind(of scalar: Unicode.Scalar) -> ScalarKind {
        switch scalar.value {
        case 0x1B: .escape
        case 0x9B: .controlSequence
        case 0x09, 0x0A, 0x0D, 0x20, 0xA0, 0x2028, 0x2029: .space
        case 0x00...0x1F, 0x7F...0x9F, 0x200B, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: .invisible
        default: .visible
        }
    }

    private static func skipEscapeSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let introducer = scalars.next() else { return }
        switch introducer {
        case "[":
            skipControlSequence(&scalars)
        case "]", "P", "X", "^", "_":
            // OSC, DCS and friends run until BEL or ST (ESC \).
            while let scalar = scalars.next() {
                if scalar == "\u{07}" || scalar == "\u{9C}" { return }
                if scalar == "\u{1B}" {
                    _ = scalars.next()
                    return
                }
            }
        default:
            // Two-character escapes (ESC c, ESC 7 …): the introducer is the whole sequence.
            return
        }
    }

    private static func skipControlSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
        // Parameters and intermediates until a final byte in 0x40...0x7E.
        while let scalar = scalars.next() {
            if (0x40...0x7E).contains(scalar.value) { return }
        }
    }
}
