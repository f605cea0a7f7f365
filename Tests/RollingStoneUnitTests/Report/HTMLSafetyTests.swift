import Foundation
import RollingStoneTestSupport
import Testing

@testable import RollingStoneCore
@testable import RollingStoneMeeting
@testable import RollingStoneReport

/// Hostile text typed live must come out of a real HTML5 parser (html5lib)
/// as the same visible text: never as an element, an attribute or a script.
@Suite struct HTMLSafetyTests {
    /// Text aimed at HTML and SVG in particular, beside the Markdown ones.
    static let htmlTexts: [String] = [
        "</style><script>alert(1)</script>", "</title><script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
        "' onmouseover='alert(1)", "<svg onload=alert(1)>", "<svg><script>alert(1)</script></svg>", "]]><!--",
        "<![CDATA[x]]>", "&#x3C;script&#x3E;", "<template><p>x</p></template>", "<plaintext>", "<textarea>",
        "<iframe src=javascript:alert(1)>", "<math><mi>x</mi></math>", "</figure></main><h1>nep</h1>",
    ]

    static let allTexts = MarkdownSafetyTests.hostileTexts + htmlTexts

    static func html(_ text: String) throws -> String {
        ReportRenderer.render(try MarkdownSafetyTests.hostileMeeting(text), as: .html, options: ReportOptions(language: .nl, withContacts: true))
    }

    /// The elements and attributes that make up a page, leaving out what
    /// legitimately depends on the text: links (a field that is one plain
    /// address becomes one) and the lines of a chart's wrapped labels.
    static func outline(_ elements: [HTML5Parser.Element]) -> [String] {
        elements.filter { $0.tag != "a" && !($0.tag == "text" && $0.path.contains("svg")) }
            .map { ($0.path + [$0.tag]).joined(separator: ">") + " " + $0.attributes.joined(separator: ",") }
    }

    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
    }

    @Test(arguments: allTexts)
    func hostileTextStaysVisibleTextInHTML(_ text: String) throws {
        let page = try HTML5Parser.elements(of: try Self.html(text))
        let plain = try HTML5Parser.elements(of: try Self.html("gewone tekst"))
        let v = Self.collapsed(MarkdownSafetyTests.visible(text))

        // Exactly the structure the writer made for ordinary text.
        #expect(Self.outline(page) == Self.outline(plain))
        #expect(!page.contains { $0.tag == "script" || $0.tag == "iframe" || $0.tag == "img" })
        #expect(!page.contains { $0.attributes.contains { $0.lowercased().hasPrefix("on") } })
        for link in page.filter({ $0.tag == "a" }) {
            let href = link.values["href"] ?? ""
            #expect(href.hasPrefix("https://") || href.hasPrefix("http://") || href.hasPrefix("mailto:"), "\(href)")
            #expect(link.attributes == ["href"])
        }

        // And the text itself, where it was put.
        func texts(_ tag: String) -> [String] { page.filter { $0.tag == tag }.map(\.text) }
        #expect(texts("title").first == "RollingStone 3: \(v)", "the page's title, before the charts' titles")
        #expect(texts("h1") == ["RollingStone 3: \(v)"])
        #expect(texts("h2").filter { $0 == v }.count == 2, "the two agenda items")
        #expect(texts("h3") == [v])
        #expect(texts("p").contains(v), "the introduction")
        #expect(texts("li").contains("\(v) — Anna de Wit, België"), "a tip")
        #expect(texts("blockquote").contains("“\(v)” — \(v), Nederland"))
        #expect(texts("desc").contains { $0.contains(v) }, "the minutes chart in words")
    }

    /// The page needs nothing from elsewhere: no script, no external style,
    /// font or picture, so it reads the same offline and in a mail client.
    @Test func thePageIsSelfContained() throws {
        let page = try HTML5Parser.elements(of: try Self.html("gewone tekst"))
        #expect(page.filter { $0.tag == "style" }.count == 1)
        #expect(!page.contains { ["script", "link", "img", "iframe", "object", "embed"].contains($0.tag) })
        #expect(!page.contains { $0.values["src"] != nil })
        let css = page.first { $0.tag == "style" }?.text ?? ""
        #expect(!css.contains("url("), "no external asset in the style sheet")
        #expect(page.first { $0.tag == "html" }?.values["lang"] == "nl")
        #expect(page.contains { $0.tag == "meta" && $0.values["name"] == "viewport" })
    }
}
