import RollingStoneTestSupport
import Testing

@testable import RollingStoneCore

@Suite struct TextSanitizerTests {
    @Test func escapeSequencesAndControlsAreRemoved() {
        #expect(TextSanitizer.clean("\u{1B}[2J\u{1B}[31mrood\u{1B}[0m") == "rood")
        #expect(TextSanitizer.clean("titel\u{1B}]0;gekaapt\u{07} hier") == "titel hier")
        #expect(TextSanitizer.clean("a\u{07}b\u{08}c\u{7F}d\u{9B}31me") == "abcde")
        #expect(TextSanitizer.clean("links\u{202E}rechts") == "linksrechts")
    }

    @Test func whiteSpaceIsFoldedAndTrimmed() {
        #expect(TextSanitizer.clean("  twee\t\tregels\nhier  ") == "twee regels hier")
    }

    @Test func textIsOtherwiseKept() {
        let text = "Çağla’s “idee”: 12% → #1 <b>|</b> `code` \\"
        #expect(TextSanitizer.clean(text) == text)
    }
}
