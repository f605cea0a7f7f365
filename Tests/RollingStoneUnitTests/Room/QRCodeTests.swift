import Foundation
import Testing

@testable import RollingStoneRoom

#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct QRCodeTests {
    static let phoneURL = "http://192.168.1.20:8080/j/K7Q2"

    /// What `qrencode -t UTF8 -m 2 -l M 'http://192.168.1.20:8080/j/K7Q2'` (qrencode 4.1.1, Debian 12)
    /// printed, generated once with the command and pasted here; the lines end in "\n", the last
    /// included, as the command's output does. The symbol depends only on the text and the level.
    static let qrencodeUTF8 = """
        █████████████████████████████████
        ██ ▄▄▄▄▄ █▀ ▀▀ ▄▀▀ ▀█▀▀█ ▄▄▄▄▄ ██
        ██ █   █ ██▄█ █  ▀▄█▀  █ █   █ ██
        ██ █▄▄▄█ █▄ ▄█▀▀▄██▄█ ▄█ █▄▄▄█ ██
        ██▄▄▄▄▄▄▄█▄▀ ▀▄▀ █ ▀▄▀▄█▄▄▄▄▄▄▄██
        ██▄█ ▀▄▀▄██▀█ ▀█  ██▀█▄▀▀█▄▀█▄▀██
        ██▄█▀▄▄ ▄▀ █▀ █▄█▀██  ▀ ▀ ▄▀▄ ▄██
        ███ ▄██▀▄▄▀██▀▀▀█▀ ▄ ▀█ █  ▀█▄ ██
        ████▀ ▄▀▄▄ ▀▀██▀ ▄ ▄▄▀▀▄  ▄▀  ▄██
        ██▄▄█▄ ▄▄ █ ▀ ██  ██▄▄▄▄█ ▀█▀▄ ██
        ██▄▀ ▀█▄▄▄▀██▄▄▄█▀██ ▀▄██▄▀▄▀ ▄██
        ██▄██▄▄█▄█ ▄█▀▄▀█▀ ▀   ▄▄▄ ██▀▀██
        ██ ▄▄▄▄▄ ██ ▀█▀▀ ▄ ▀▄▄ █▄█ ▄▀ ▄██
        ██ █   █ █▄█▄  █  ██▄█▄ ▄▄▄ █ ▄██
        ██ █▄▄▄█ █▄ █ ▀█ ▀█▄█▀ ▀▄  ▀█▀▄██
        ██▄▄▄▄▄▄▄█▄▄██▄███▄██▄▄▄▄▄▄█▄▄▄██
        █████████████████████████████████

        """

    @Test func aShortURLIsVersion3AtLevelM() throws {
        // `qrencode -t ASCII -m 0 -l M` prints 29 rows for this URL and 21 for the join code alone.
        let code = try QRCode(Self.phoneURL)
        #expect(code.version == 3)
        #expect(code.size == 29)
        #expect(code.text == Self.phoneURL)
        let joinCode = try QRCode("K7Q2")
        #expect(joinCode.version == 1)
        #expect(joinCode.size == 21)
    }

    @Test(arguments: ["K7Q2", phoneURL, String(repeating: "é", count: 120)])
    func finderPatternsSitInThreeCorners(text: String) throws {
        let code = try QRCode(text)
        #expect(code.size == 17 + 4 * code.version)
        let last = code.size - 7
        for (originX, originY) in [(0, 0), (last, 0), (0, last)] {
            for dy in 0..<7 {
                for dx in 0..<7 {
                    // A finder is a dark 7×7 ring, a light 5×5 ring and a dark 3×3 centre.
                    let ring = max(abs(dx - 3), abs(dy - 3))
                    #expect(code.isDark(x: originX + dx, y: originY + dy) == (ring != 2), "finder at (\(originX), \(originY)), module (\(dx), \(dy))")
                }
            }
        }
        // Each finder is set apart by a light separator on its inner sides.
        for i in 0..<8 {
            #expect(!code.isDark(x: 7, y: i) && !code.isDark(x: i, y: 7))
            #expect(!code.isDark(x: last - 1, y: i) && !code.isDark(x: code.size - 1 - i, y: 7))
            #expect(!code.isDark(x: 7, y: code.size - 1 - i) && !code.isDark(x: i, y: last - 1))
        }
        // The bottom-right corner has no finder: its 7×7 block is not that ring.
        let bottomRight = (0..<49).allSatisfy { i in
            code.isDark(x: last + i % 7, y: last + i / 7) == (max(abs(i % 7 - 3), abs(i / 7 - 3)) != 2)
        }
        #expect(!bottomRight)
        // Timing patterns alternate between the finders, dark on even positions.
        for i in 8..<(code.size - 8) {
            #expect(code.isDark(x: i, y: 6) == i.isMultiple(of: 2))
            #expect(code.isDark(x: 6, y: i) == i.isMultiple(of: 2))
        }
        // The one module that is dark in every code.
        #expect(code.isDark(x: 8, y: code.size - 8))
    }

    @Test func outsideTheSymbolIsLight() throws {
        let code = try QRCode(Self.phoneURL)
        #expect(code.isDark(x: 0, y: 0))
        #expect(!code.isDark(x: -1, y: 0))
        #expect(!code.isDark(x: 0, y: -1))
        #expect(!code.isDark(x: code.size, y: 0))
        #expect(!code.isDark(x: 0, y: code.size))
    }

    @Test func terminalTextIsWhatQrencodePrints() throws {
        let code = try QRCode(Self.phoneURL)
        #expect(code.terminalText() == Self.qrencodeUTF8)
        #expect(code.terminalText(quietZone: 2) == Self.qrencodeUTF8)
    }

    @Test func terminalTextDrawsTheLightModules() throws {
        let code = try QRCode(Self.phoneURL)
        // Without a quiet zone the first line pairs rows 0 and 1 of the top-left finder: its dark top
        // edge over its light inner ring, then the light separator in column 7.
        let lines = code.terminalText(quietZone: 0).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 15 + 1)  // 29 rows in 15 lines, and the empty text after the last newline
        #expect(lines.last == "")
        #expect(lines.dropLast().allSatisfy { $0.count == 29 })
        #expect(lines[0].hasPrefix(" ▄▄▄▄▄ █"))
        // Row 28 is alone on the last line: the missing row below it counts as light.
        let lastLine = Array(lines[14])
        for x in 0..<29 {
            #expect(lastLine[x] == (code.isDark(x: x, y: 28) ? "▄" : "█"))
        }
    }

    @Test(arguments: [0, 1, 2, 3, 4])
    func terminalQuietZoneIsLightOnEverySide(quietZone: Int) throws {
        let code = try QRCode(Self.phoneURL)
        let side = code.size + 2 * quietZone
        let lines = code.terminalText(quietZone: quietZone).split(separator: "\n").map(Array.init)
        #expect(lines.count == (side + 1) / 2)
        #expect(lines.allSatisfy { $0.count == side })
        for line in lines {
            #expect(line.prefix(quietZone).allSatisfy { $0 == "█" })
            #expect(line.suffix(quietZone).allSatisfy { $0 == "█" })
        }
        #expect(lines.prefix(quietZone / 2).allSatisfy { $0.allSatisfy { $0 == "█" } })
        #expect(lines.suffix(quietZone / 2).allSatisfy { $0.allSatisfy { $0 == "█" } })
        #expect(code.terminalText(quietZone: -3) == code.terminalText(quietZone: 0))
    }

    @Test func svgIsWellFormedAndDrawsExactlyTheDarkModules() throws {
        let code = try QRCode(Self.phoneURL)
        let svg = code.svg(moduleSize: 8, quietZone: 4)
        let document = try #require(SVGDocument(svg))
        #expect(document.elements == ["svg", "title", "rect", "path"])
        let root = try #require(document.attributes["svg"])
        #expect(root["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(root["viewBox"] == "0 0 37 37")
        #expect(root["width"] == "296" && root["height"] == "296")
        #expect(root["shape-rendering"] == "crispEdges")
        #expect(document.attributes["rect"]?["fill"] == "#fff")
        #expect(document.attributes["rect"]?["width"] == "37")
        #expect(document.attributes["path"]?["fill"] == "#000")
        #expect(document.title == Self.phoneURL)
        #expect(!svg.contains("href") && !svg.contains("url(") && !svg.contains("<style"))

        // Paint the path's runs onto a grid and compare with the modules, quiet zone included.
        let d = try #require(document.attributes["path"]?["d"])
        var painted = Set<[Int]>()
        for run in d.split(separator: "z") {
            // Each run is "M<x> <y>h<n>v1h-<n>": a rectangle n modules wide, one high.
            let numbers = run.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            try #require(numbers.count == 5, "\(run)")
            let (x0, y, n) = (numbers[0], numbers[1], numbers[2])
            #expect(run == "M\(x0) \(y)h\(n)v1h-\(n)")
            for x in x0..<(x0 + n) {
                #expect(painted.insert([x, y]).inserted, "module (\(x), \(y)) painted twice")
            }
        }
        for y in 0..<37 {
            for x in 0..<37 {
                #expect(painted.contains([x, y]) == code.isDark(x: x - 4, y: y - 4), "module (\(x - 4), \(y - 4))")
            }
        }
    }

    @Test func svgSizesFollowTheParameters() throws {
        let code = try QRCode("K7Q2")
        let root = try #require(SVGDocument(code.svg(moduleSize: 3, quietZone: 0))?.attributes["svg"])
        #expect(root["viewBox"] == "0 0 21 21")
        #expect(root["width"] == "63")
        let clamped = try #require(SVGDocument(code.svg(moduleSize: 0, quietZone: -1))?.attributes["svg"])
        #expect(clamped["viewBox"] == "0 0 21 21")
        #expect(clamped["width"] == "21")
    }

    @Test func svgTitleEscapesAHostileText() throws {
        let hostile = "http://x/?a=1&b=2\"></title><script>alert('<&>')</script><title a=\"\r\n\tend"
        let code = try QRCode(hostile)
        let svg = code.svg()
        #expect(!svg.contains("<script"))
        let document = try #require(SVGDocument(svg))
        #expect(document.elements == ["svg", "title", "rect", "path"])
        #expect(document.title == hostile)
    }

    @Test func svgTitleReplacesCharactersXMLCannotHold() throws {
        // U+0001 is allowed in a QR code but in no XML 1.0 document, not even as &#1;.
        let code = try QRCode("bell\u{7} and \u{1}start")
        let document = try #require(SVGDocument(code.svg()))
        #expect(document.title == "bell\u{FFFD} and \u{FFFD}start")
    }

    @Test func unencodableTextsAreRefused() throws {
        // 2331 bytes is the most a version 40 code holds at level M in 8-bit mode.
        let longest = try QRCode(String(repeating: "a", count: 2331))
        #expect(longest.version == 40)
        #expect(longest.size == 177)
        #expect(throws: QRCodeError.tooLong(utf8Count: 2332)) { try QRCode(String(repeating: "a", count: 2332)) }
        #expect(throws: QRCodeError.tooLong(utf8Count: 6000)) { try QRCode(String(repeating: "€", count: 2000)) }
        #expect(throws: QRCodeError.empty) { try QRCode("") }
        #expect(throws: QRCodeError.containsNUL) { try QRCode("http://x/\u{0}evil") }
        #expect(QRCodeError.tooLong(utf8Count: 2332).description.contains("2332"))
    }

    @Test func equalTextsMakeEqualCodes() throws {
        #expect(try QRCode(Self.phoneURL) == QRCode(Self.phoneURL))
        #expect(try QRCode(Self.phoneURL) != QRCode(Self.phoneURL + "X"))
    }
}

/// What the tests look at in an SVG: element names in order, their attributes, the title text.
/// `nil` when the text is not well-formed XML.
private struct SVGDocument {
    var elements: [String] = []
    var attributes: [String: [String: String]] = [:]
    var title = ""

    init?(_ svg: String) {
        let collector = Collector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        guard parser.parse(), collector.error == nil else { return nil }
        self = collector.document
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var document = SVGDocument()
        var error: Error?
        private var inTitle = false

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            document.elements.append(elementName)
            document.attributes[elementName] = attributes
            inTitle = elementName == "title"
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            inTitle = false
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inTitle { document.title += string }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            error = parseError
        }
    }

    fileprivate init() {}
}
