import Foundation
import RollingStoneTestSupport
import SessionGenerator
import Testing

@testable import RollingStoneCore
@testable import RollingStoneReport

/// Escaping worked out on bytes (`MarkdownText.escapeInPlace`, and the
/// report's lines written in place by `MarkdownWriter`) gives what the
/// character-by-character pass gives, on random strings built from the
/// characters the rules treat specially, and for every character the byte
/// rules step over.
@Suite struct MarkdownTextFastPathTests {
    /// Markup, addresses, digits, and the characters besides ASCII that the
    /// byte rules step over.
    private static let markup = [
        "a", "x", "X", "w", "W", "www", "Tip", "1", "2012", "#x41;", "#65;", "amp;", "R&D", " ", "  ",
        "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "!", "#", ":", "/", "//", ".", ")", "-", "+", "=", ";",
        "é", "ë", "ı", "İ", "—", "“", "”", "‘", "’", "€", "→", "✓", "🎉", "👍",
    ]
    /// White space, line breaks and controls, and characters that join their
    /// neighbours or pass for ASCII: combining marks, a joiner, a prefix, a
    /// variation selector, a skin tone, a flag, the Greek question mark (";")
    /// and varia ("`"), the Kelvin sign ("K").
    private static let exotic = [
        "\t", "\n", "\r\n", "\u{85}", "\u{2028}", "\u{A0}", "\u{3000}", "\u{1}", "\u{7F}",
        "e\u{301}", "\u{301}", "\u{200D}", "\u{FE0F}", "\u{600}", "\u{AD}", "\u{200B}", "👍🏽", "🇳🇱",
        "\u{1FEF}", "\u{37E}", "\u{212A}", "中", "\u{E33}",
    ]

    /// Random strings of up to 10 pieces, the same every run: words, with
    /// markup mixed in, and now and then something exotic.
    private func strings(count: Int = 6_000, seed: UInt64) -> [String] {
        var random = SplitMix64(seed: seed)
        func pick(_ pieces: [String]) -> String { pieces[Int(random.next() % UInt64(pieces.count))] }
        let words = ["Een", "plan", "voor", "de", "buurt", "met", "Stef"]
        return (0..<count).map { _ in
            (0..<Int(random.next() % 11)).map { _ in
                switch random.next() % 12 {
                case 0..<4: pick(Self.markup)
                case 4: pick(Self.exotic)
                default: pick(words) + " "
                }
            }.joined()
        }
    }

    private static let placements: [MarkdownText.Placement] = [.inline, .blockStart, .heading]

    @Test func bytesGiveWhatCharactersGive() {
        var decided = 0
        var escapedOnBytes = 0
        var longWay = 0
        for (index, text) in strings(seed: 1).enumerated() {
            let placement = Self.placements[index % Self.placements.count]
            let expected = MarkdownText.escapedCharacterByCharacter(text, at: placement)
            var markdown = text
            if MarkdownText.escapeInPlace(&markdown, from: 0, at: placement) {
                #expect(markdown == expected, "\(Array(text.unicodeScalars)) at \(placement)")
                decided += 1
                if markdown != text { escapedOnBytes += 1 }
            } else {
                longWay += 1
            }
            #expect(MarkdownText.escaped(text, at: placement) == expected, "\(Array(text.unicodeScalars)) at \(placement)")
        }
        // Every kind was tried.

        #expect(decided > 1_000 && escapedOnBytes > 400 && longWay > 500, "\(decided) \(escapedOnBytes) \(longWay)")
    }

    @Test func escapingInPlaceLeavesWhatIsBeforeAlone() {
        for (index, text) in strings(count: 1_000, seed: 2).enumerated() {
            let placement = Self.placements[index % Self.placements.count]
            let before = "## Kop *met* opmaak\n\n- "
            var markdown = before + text
            if MarkdownText.escapeInPlace(&markdown, from: before.utf8.count, at: placement) {
                #expect(markdown == before + MarkdownText.escaped(text, at: placement))
            } else {
                #expect(markdown == before + text)
            }
        }
    }

    /// The edges of the rules, which random strings seldom reach.
    @Test(arguments: [
        "&" + String(repeating: "a", count: 32) + ";", "&" + String(repeating: "a", count: 33) + ";", "&a1;", "&1a;",
        "&#1234567;", "&#12345678;", "&#;", "&#x123456;", "&#x1234567;", "&#X1f;", "&#xg;", "&#x;", "&amp", "&;", "&",
        "www.", "wWw.x", "ww.", "xww.", "a ww.b", "a www.b", "www", ".www.", "w.w.w.", "x://", "x:/", "://", ":", "![", "!", "!x[",
        "1.", "1)", "12. x", "1.x", "1", "a1. x", "# x", "#", "##", "-", "+1", "=", ">", "> x", "1", ")", "12)jes",
    ])
    func edgesOfTheRules(text: String) {
        for placement in Self.placements {
            var markdown = text
            #expect(MarkdownText.escapeInPlace(&markdown, from: 0, at: placement))
            #expect(markdown == MarkdownText.escapedCharacterByCharacter(text, at: placement), "at \(placement)")
        }
    }

    /// A report line is typed text between fixed words, escaped as one line.
    @Test func writtenLinesAreWhatEscapingTheWholeLineGives() {
        var random = SplitMix64(seed: 3)
        let openings = ["", "“", "‘", "# ", " ", "1"]
        let closings = ["", "”", "’", "\u{301}", "."]
        let bylines = ["", " — Stef Steyaert, België", " — Çağla Yılmaz", " — *Ster*, Nederland", " — a\u{301}", ", ", " — 🎉"]
        for (index, text) in strings(count: 4_000, seed: 4).enumerated() {
            let placement = Self.placements[index % Self.placements.count]
            let opening = openings[Int(random.next() % UInt64(openings.count))]
            let closing = closings[Int(random.next() % UInt64(closings.count))]
            let byline = bylines[Int(random.next() % UInt64(bylines.count))]
            var report = MarkdownWriter(capacity: 0)
            report.block("## Kop")
            report.startBlock()
            report.appendEscaped(typed: text, between: opening, and: closing, then: byline, at: placement)
            let line = MarkdownText.escaped(opening + MarkdownText.oneLine(text) + closing + byline, at: placement)
            #expect(report.finish() == "## Kop\n\n" + line + "\n", "\(Array(text.unicodeScalars))")
        }
    }

    /// What `isSimple` promises, for every character it lets the byte rules
    /// step over: a character of its own next to anything ASCII, never equal
    /// to an ASCII character, never lowercased to "w", never part of an
    /// entity reference, and escaped on bytes as it is character by character.
    @Test func simpleCharactersStandAlone() throws {
        let ascii = Set((0x20...0x7E).map { Character(Unicode.Scalar(UInt8($0))) })
        let entityBody = MarkdownText.entityBody
        var checked = 0
        for value in UInt32(0x80)...0x1FFFF where MarkdownText.isSimple(value) {
            let scalar = try #require(Unicode.Scalar(value))
            let character = String(scalar)
            for neighbour in ["a", "w", "1", " ", "*", "&", "#", ".", ";", "[", "/"] {
                #expect((neighbour + character + neighbour).count == 3, "U+\(String(value, radix: 16))")
            }
            #expect(!ascii.contains(Character(scalar)), "U+\(String(value, radix: 16))")
            #expect(character.lowercased() != "w", "U+\(String(value, radix: 16))")
            for rest in [
                character + ";", character + "1;", "a" + character + ";", "a" + character, "#" + character + ";",
                "#" + character + "1;", "#x" + character + ";", "#1" + character,
            ] {
                #expect(rest.prefixMatch(of: entityBody) == nil, "U+\(String(value, radix: 16))")
            }
            for text in ["ww\(character).", "\(character)www.x", "x:\(character)//", "![\(character)", "1\(character). a", "*\(character)_"] {
                var markdown = text
                if MarkdownText.escapeInPlace(&markdown, from: 0, at: .blockStart) {
                    #expect(markdown == MarkdownText.escapedCharacterByCharacter(text, at: .blockStart), "U+\(String(value, radix: 16))")
                } else {
                    // Only a no-break space at either end leaves it to the long way.
                    #expect(value == 0xA0)
                }
            }
            checked += 1
        }
        #expect(checked > 2_000)
    }

    /// `endsAreTrimmed` may say no when it cannot tell, but never yes wrongly.
    /// (Checked against `Character` itself: the long way uses it too.)
    @Test func trimmedEndsAreNotWhiteSpace() {
        var accepted = 0
        for text in strings(seed: 5) where MarkdownText.endsAreTrimmed(text) {
            #expect(text.first?.isWhitespace != true && text.last?.isWhitespace != true, "\(Array(text.unicodeScalars))")
            accepted += 1
        }
        #expect(accepted > 1_000)
    }

    /// A last scalar `endsAreTrimmed` accepts never joins white space before it.
    @Test func acceptedLastScalarsNeverJoinWhiteSpace() {
        var accepted = 0
        for value in UInt32(0)...0x1FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let character = String(scalar)
            guard MarkdownText.endsAreTrimmed("a" + character) else { continue }
            for before in ["a ", "a\u{3000}", "a \u{301}", "a \u{200D}", "a\u{A0}\u{FE0F}"] {
                #expect((before + character).last?.isWhitespace == false, "U+\(String(value, radix: 16))")
            }
            accepted += 1
        }
        #expect(accepted > 10_000)
    }
}
