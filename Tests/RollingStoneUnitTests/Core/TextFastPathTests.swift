import Foundation
import RollingStoneTestSupport
import SessionGenerator
import Testing

@testable import RollingStoneCore

/// The shortcuts taken on the capture path (folding ASCII, trimming without
/// `NSString`, leaving clean text as it is) give what the long way gives, on
/// random strings built from the characters each one treats specially.
@Suite struct TextFastPathTests {
    /// Random strings over `alphabet`, of up to 12 characters, the same every run.
    private func strings(over alphabet: [String], count: Int = 4_000, seed: UInt64) -> [String] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            (0..<Int(random.next() % 13)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined()
        }
    }

    @Test func foldingASCIIIsLowercasing() {
        let ascii = (0x20...0x7E).map { String(UnicodeScalar(UInt8($0))) } + ["\t"]
        for text in strings(over: ascii, seed: 1) {
            #expect(text.folded == text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil))
        }
        // And text that is not ASCII still goes the long way.
        #expect("Schröder ＳＴＥＦ".folded == "schroder stef")
    }

    private static let spaces = [
        " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2002}", "\u{200A}", "\u{200B}",
        "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}", "a", "é", "e\u{301}", "\u{301}", "😀", "#",
    ]

    @Test func trimmingMatchesFoundation() {
        for text in strings(over: Self.spaces, seed: 2) {
            #expect(text.trimmingWhitespace == text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
            #expect(
                text.trimmingWhitespaceAndNewlines == text.trimmingCharacters(in: .whitespacesAndNewlines),
                "\(Array(text.unicodeScalars))")
        }
    }

    @Test func cleanTextIsLeftAsItIs() {
        let alphabet = Self.spaces + ["\u{1B}", "[", "2", "J", "\u{9B}", "\u{7F}", "\u{07}", "\u{202E}", "\u{2066}", "x"]
        var unchanged = 0
        for text in strings(over: alphabet, seed: 3) {
            let cleaned = TextSanitizer.clean(text)
            #expect(cleaned == TextSanitizer.cleanedScalarByScalar(text), "\(Array(text.unicodeScalars))")
            if cleaned == text { unchanged += 1 }
        }
        // Both kinds were tried.
        #expect(unchanged > 100 && unchanged < 3_900)
    }
}
