import CQREncode

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A text that libqrencode could not turn into a QR code.
package enum QRCodeError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The text is empty; libqrencode refuses it and a phone could do nothing with it.
    case empty
    /// The text contains U+0000, where the C string handed to libqrencode would end, so the code would say less than the text.
    case containsNUL
    /// The text needs more than the largest symbol (version 40) holds at error correction level M.
    case tooLong(utf8Count: Int)
    /// libqrencode failed for another reason, such as running out of memory; `errno` is what it set.
    case encodingFailed(errno: Int32)

    package var description: String {
        switch self {
        case .empty:
            "error: cannot make a QR code of an empty text"
        case .containsNUL:
            "error: cannot make a QR code of a text containing a NUL character"
        case .tooLong(let count):
            "error: the text is too long for a QR code (\(count) bytes of UTF-8; a code holds at most 2331 bytes of arbitrary text at level M)"
        case .encodingFailed(let code):
            "error: libqrencode could not make the QR code (errno \(code))"
        }
    }
}

/// A QR code of a text, such as the phone address of the room, at error correction level M.
///
/// The modules are copied out of libqrencode's symbol, which is freed at once, so a
/// `QRCode` is a plain value that any thread can read and draw.
package struct QRCode: Sendable, Equatable {
    /// The text the code says.
    package let text: String
    /// The QR version (1...40): a larger version has more modules and holds more text.
    package let version: Int
    /// The number of modules per side, `17 + 4 * version`, without the quiet zone.
    package let size: Int
    /// Row-major, `size * size`; `true` is a dark module.
    private let modules: [Bool]

    /// Encodes `text` as UTF-8 with the smallest version that holds it at level M.
    ///
    /// Level M (about 15 % of the code may be damaged) is what `qrencode -l M` uses: a projected or
    /// printed code survives glare and a bad angle, and a URL still fits a version a phone reads
    /// from across a room.
    /// - Throws: `QRCodeError` when the text is empty, contains NUL, is too long, or libqrencode fails.
    package init(_ text: String) throws(QRCodeError) {
        if text.isEmpty { throw .empty }
        if text.utf8.contains(0) { throw .containsNUL }
        // Mode hint 8-bit with case sensitivity, as the `qrencode` command does: the library still
        // switches to the denser numeric and alphanumeric modes for runs that allow them, and the
        // result is the same symbol the command prints, which the tests compare against.
        // libqrencode is built with pthread on Debian, so concurrent calls are safe.
        errno = 0
        guard let symbol = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else {
            let code = errno
            throw code == ERANGE ? .tooLong(utf8Count: text.utf8.count) : .encodingFailed(errno: code)
        }
        defer { QRcode_free(symbol) }
        let width = Int(symbol.pointee.width)
        guard width > 0, let data = symbol.pointee.data else { throw .encodingFailed(errno: errno) }
        // The other bits of each byte say what kind of module it is (finder, timing, data, ...),
        // which only matters to the encoder; bit 0 is dark or light.
        let modules = (0..<width * width).map { data[$0] & 1 != 0 }
        self.text = text
        self.version = Int(symbol.pointee.version)
        self.size = width
        self.modules = modules
    }

    /// Whether the module in column `x`, row `y` (from the top-left, 0-based) is dark.
    ///
    /// Outside `0..<size` the answer is `false`, because the quiet zone around a code is light;
    /// drawing code can then ask about the margin without bounds checks of its own.
    package func isDark(x: Int, y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return false }
        return modules[y * size + x]
    }

    /// The code drawn with Unicode half blocks for a terminal with light text on a dark background.
    ///
    /// Each line of text holds two rows of modules. The *light* modules are drawn (`█`, `▀`, `▄`)
    /// and the dark ones are left blank, so the terminal's dark background makes the dark modules
    /// and a scanner sees dark on light, as it needs. This is the convention of `qrencode -t UTF8`,
    /// and for an even `quietZone` the text is exactly what `qrencode -t UTF8 -m quietZone` prints.
    /// (For an odd one `qrencode` puts only `quietZone - 1` light rows above the code; here every
    /// side gets `quietZone`.) When the rows add up to an odd number, the last line's lower half is
    /// light as well, as in `qrencode`. Every line, the last included, ends with a newline.
    /// On a terminal with a light background the code comes out inverted, which many phones do
    /// not read: show the SVG there instead.
    /// - Parameter quietZone: Light modules around the code on each side; scanners want at least 2
    ///   on a screen (the standard asks 4). Negative values count as 0.
    package func terminalText(quietZone: Int = 2) -> String {
        let margin = max(0, quietZone)
        let side = size + 2 * margin
        var text = ""
        text.reserveCapacity((side * 3 + 1) * (side + 1) / 2)
        for row in stride(from: 0, to: side, by: 2) {
            for column in 0..<side {
                let upper = isDark(x: column - margin, y: row - margin)
                let lower = isDark(x: column - margin, y: row + 1 - margin)
                switch (upper, lower) {
                case (false, false): text += "█"
                case (false, true): text += "▀"
                case (true, false): text += "▄"
                case (true, true): text += " "
                }
            }
            text += "\n"
        }
        return text
    }

    /// The code as a standalone SVG image: dark squares on a white background, with the text as its title.
    ///
    /// The image has no external reference (no stylesheet, font or link), so it can be served as
    /// `image/svg+xml` or put inline in a page as it is; it has no XML declaration for the same reason
    /// (inline in HTML one would be out of place, and UTF-8 is XML's default anyway). The white
    /// rectangle makes the code readable on a dark page, and `crispEdges` keeps a scaled code free
    /// of the anti-aliased seams between modules that confuse scanners.
    /// - Parameters:
    ///   - moduleSize: The `width` and `height` of one module in pixels; the `viewBox` counts modules,
    ///     so the image scales without blur whatever this is. Values below 1 count as 1.
    ///   - quietZone: Light modules around the code on each side; 4 is what the standard asks.
    ///     Negative values count as 0.
    package func svg(moduleSize: Int = 8, quietZone: Int = 4) -> String {
        let margin = max(0, quietZone)
        let side = size + 2 * margin
        let pixels = side * max(1, moduleSize)
        // One subpath per horizontal run of dark modules keeps the path a fraction of the size of
        // one square per module.
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else {
                    x += 1
                    continue
                }
                let start = x
                while x < size, isDark(x: x, y: y) { x += 1 }
                let run = x - start
                path += "M\(start + margin) \(y + margin)h\(run)v1h-\(run)z"
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(pixels)" height="\(pixels)" viewBox="0 0 \(side) \(side)" \
            shape-rendering="crispEdges">\
            <title>\(Self.xmlEscaped(text))</title>\
            <rect width="\(side)" height="\(side)" fill="#fff"/>\
            <path fill="#000" d="\(path)"/>\
            </svg>

            """
    }

    /// `text` as XML character data that reads back as `text`, whatever it contains.
    private static func xmlEscaped(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            // A parser turns a raw CR (and CR LF) into LF; a reference keeps it.
            case "\r": escaped += "&#13;"
            case "\t", "\n", "\u{20}"..."\u{D7FF}", "\u{E000}"..."\u{FFFD}", "\u{10000}"..."\u{10FFFF}":
                escaped.unicodeScalars.append(scalar)
            // XML 1.0 forbids the other control characters and U+FFFE/U+FFFF even as references,
            // and one of them would make the whole image unreadable.
            default: escaped += "\u{FFFD}"
            }
        }
        return escaped
    }
}
