import Foundation
import RollingStoneTestSupport
import Testing

@testable import RollingStoneCore
@testable import RollingStoneMeeting
@testable import RollingStoneReport

/// Hostile text typed live must come out of the real GFM renderer as the same
/// visible text: never as structure, a link, an image or raw HTML.
@Suite struct MarkdownSafetyTests {
    /// Text that would be Markdown structure or HTML if it were not escaped.
    static let hostileTexts: [String] = [
        // Block starts
        "# kop", "###### kleine kop", "#geen kop maar toch", "- lijst", "+ lijst", "* lijst", "1. genummerd", "1) genummerd",
        "2012. Het jaar van de tweede RollingStone", "> citaat", ">> dubbel citaat", "=", "===", "---", "- - -", "***", "___",
        "```swift", "~~~", "    ingesprongen code", "\t tab vooraan", "[ ] geen taak", "[x] ook geen taak",
        "[ref]: https://evil.example \"titel\"", "| a | b |", "|---|---|", ":---:", "<div>blok</div>", "<!-- commentaar -->",
        // Inline
        "a | b | c", "`code`", "``dubbel``", "*nadruk* en _nadruk_", "**vet** en __vet__", "~~doorgehaald~~ en ~ook~",
        "<script>alert(1)</script>", "<b>vet</b>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">klik</a>",
        "&amp; &lt; &#65; &#x41; &copy; &ThisIsNoEntity;", "Q&A en R&D blijven leesbaar",
        "[x](javascript:alert(1))", "![img](x)", "![img](https://evil.example/x.png)", "[tekst][ref]", "[^voetnoot]",
        "eindigt op een backslash \\", "\\*geen nadruk\\*", "C #", "C ##", "ruimte aan het eind  ",
        // Addresses
        "https://example.com/pad_met_streep?a=1&b=2", "www.example.com/pad_met_streep", "WWW.EXAMPLE.COM", "ftp://example.com",
        "<https://example.com>", "javascript:alert(1)", "mail a_b@example.com", "mailto:iemand@example.com",
        // Line breaks and the rest
        "regel één\nregel twee", "regel\r\nnog een", "# kop\n- lijst", "a\u{2028}b", "\"aanhalingstekens\" en 'enkele'",
        "Ünïcödé 🎉 — prima", "@stef #1 $5 %20 ^ + =",
    ]

    /// What a reader must see for `text`: one line, trimmed. (That is the
    /// specification; the renderer's own helper is deliberately not used.)
    static func visible(_ text: String) -> String {
        let oneLine = text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars.map { "\n\r\t\u{2028}".unicodeScalars.contains($0) ? " " : String($0) }
            .joined()
        return oneLine.trimmingCharacters(in: .whitespaces)
    }

    /// A meeting with `text` in every place typed text can reach a report.
    static func hostileMeeting(_ text: String) throws -> MeetingState {
        let agenda = Agenda(
            title: text, series: "RollingStone", number: 3, date: "2024-05-04", language: .nl, venue: text,
            host: .init(name: text, website: "https://www.example.org", profile: text),
            items: [AgendaItem(title: text, minutes: 10), AgendaItem(title: text, minutes: 20, theme: true)],
            next: .init(date: text, time: text, place: text, theme: text, contact: text, description: text),
            intro: text, organiser: .init(name: text, role: text, contact: text))
        var meeting = try MeetingBuilder(agenda: agenda)
        let hostile = try meeting.join(text, "NL", network: text, role: text, contact: text)
        let anna = try meeting.join("Anna de Wit", "BE", network: text, role: text)
        try meeting.capture(.note, text, by: hostile)
        try meeting.capture(.note, text)
        meeting.wait(minutes: 10)
        try meeting.next()
        try meeting.lesson(text)
        try meeting.capture(.note, text)
        try meeting.capture(.tip, text, by: anna)
        try meeting.capture(.tip, text)
        try meeting.capture(.quote, text, by: hostile)
        try meeting.capture(.idea, text, by: anna)
        try meeting.capture(.action, text, by: hostile)
        try meeting.capture(.action, text)
        meeting.wait(minutes: 20)
        try meeting.end()
        return meeting.state
    }

    @Test(arguments: hostileTexts)
    func hostileTextStaysVisibleTextEverywhere(_ text: String) throws {
        let markdown = ReportRenderer.render(try Self.hostileMeeting(text), options: ReportOptions(language: .nl, withContacts: true))
        let rendered = RenderedHTML(html: try CmarkGFM.html(for: markdown))
        let v = Self.visible(text)

        // Exactly the structure the renderer wrote, whatever the text.
        #expect(try rendered.count("h1") == 1)
        // Host, participants, the two items, actions, agenda, next meeting.
        #expect(try rendered.count("h2") == 7)
        #expect(try rendered.count("h3") == 1)
        for absent in ["h4", "h5", "h6", "ol", "pre", "code", "hr", "img", "del", "script", "div", "b"] {
            #expect(try rendered.count(absent) == 0, "unexpected <\(absent)>")
        }
        #expect(try rendered.count("table") == 2)
        #expect(try rendered.count("th") == 5 + 4)
        // Participants: 2 rows of 5 (with contacts); agenda: 2 items and the total, 4 columns.
        #expect(try rendered.count("td") == 2 * 5 + 3 * 4)
        // Two tips, one idea, two actions, five lines about the next meeting.
        #expect(try rendered.count("li") == 2 + 1 + 2 + 5)
        #expect(try rendered.count("input") == 2, "only the two actions are tasks")
        #expect(try rendered.count("blockquote") == 1)
        // The labels "Praktische tips" and "Ideeën", and "Totaal".
        #expect(try rendered.count("strong") == 3)
        // The theme's summary line.
        #expect(try rendered.count("em") == 1)
        #expect(!rendered.html.contains("raw HTML omitted"))
        #expect(!rendered.html.contains("<script"))
        #expect(!rendered.hrefs.contains { $0.lowercased().contains("javascript") })
        // The host's website is the one web link; e-mail addresses may become mailto: links.
        #expect(rendered.hrefs.filter { !$0.hasPrefix("mailto:") } == ["https://www.example.org"])

        // And the text itself, in each place, exactly.
        #expect(try rendered.texts(of: "h1") == ["RollingStone 3: \(v)"])
        #expect(try rendered.texts(of: "h2") == ["Gastheer: \(v)", "Deelnemers", v, v, "Vervolgacties", "Verloop van de agenda", "Volgende bijeenkomst"])
        #expect(try rendered.texts(of: "h3") == [v])
        #expect(
            try rendered.texts(of: "p") == [
                "Datum: 4 mei 2024 · Gastheer: \(v) · Locatie: \(v)",
                v,  // the introduction
                "Website: https://www.example.org",
                v,  // the host's profile
                "2 deelnemers uit 2 landen: België (1) en Nederland (1).",
                "\(v) — \(v), Nederland",
                v,
                "1 les en 2 praktische tips over dit thema.",
                v,
                "“\(v)” — \(v), Nederland",
                "Praktische tips",
                "Ideeën",
                "Verslag: \(v), \(v) · \(v)",
                v,  // what the next meeting is about
            ])
        #expect(
            try rendered.texts(of: "li") == [
                "\(v) — Anna de Wit, België", v,
                "\(v) — Anna de Wit, België",
                "\(v) — \(v)", v,
                "Datum: \(v)", "Tijd: \(v)", "Plaats: \(v)", "Thema: \(v)", "Contact: \(v)",
            ])
        #expect(
            try rendered.texts(of: "td") == [
                // A tie of one each: België before Nederland by name.
                "België", "Anna de Wit", v, v, "",
                "Nederland", v, v, v, v,
                "1", v, "10", "10",
                "2", v, "20", "20",
                "", "Totaal", "30", "30",
            ])
    }

    @Test func hostileSeriesAndNumberStayInTheTitle() throws {
        for text in ["# RollingStone", "<b>Rolling</b>Stone", "Rolling*Stone*", "https://x.example"] {
            var meeting = try MeetingBuilder(agenda: Agenda(title: "Titel", series: text, number: 1, items: [AgendaItem(title: "A", minutes: 5)]))
            try meeting.end()
            let html = RenderedHTML(html: try CmarkGFM.html(for: ReportRenderer.render(meeting.state, options: ReportOptions(language: .en))))
            #expect(try html.texts(of: "h1") == ["\(text) 1: Titel"])
            #expect(html.hrefs.isEmpty)
        }
    }

    // MARK: Readable escaping

    /// The escaping is also meant to be read as plain text: characters are
    /// escaped only where Markdown would act on them.
    @Test(arguments: [
        ("Gewoon een zin, met komma's en een punt.", "Gewoon een zin, met komma's en een punt."),
        ("Q&A en R&D", "Q&A en R&D"),
        ("&amp; en &#65;", "\\&amp; en \\&#65;"),
        ("3.5 uur en 10 - 4 = 6", "3.5 uur en 10 - 4 = 6"),
        ("a > b, maar c < d", "a > b, maar c \\< d"),
        ("Wow! Echt [waar]?", "Wow! Echt \\[waar\\]?"),
        ("![img](x)", "\\!\\[img\\](x)"),
        ("zie www.example.com en https://example.com", "zie www\\.example.com en https\\://example.com"),
        ("mail marije@example.nl", "mail marije@example.nl"),
        ("a_b*c`d|e~f\\g", "a\\_b\\*c\\`d\\|e\\~f\\\\g"),
        ("# niet aan het begin", "# niet aan het begin"),
    ])
    func inlineEscapingLeavesOrdinaryTextAlone(text: String, markdown: String) {
        #expect(MarkdownText.escaped(text, at: .inline) == markdown)
    }

    @Test(arguments: [
        ("# kop", "\\# kop"), ("- lijst", "\\- lijst"), ("+ lijst", "\\+ lijst"), ("= zo", "\\= zo"), ("> citaat", "\\> citaat"),
        ("2012. Toen", "2012\\. Toen"), ("1) een", "1\\) een"), ("7.", "7\\."), ("3.5 uur", "3.5 uur"), ("12)jes", "12)jes"),
        ("-5 graden", "\\-5 graden"), ("  - ingesprongen", "\\- ingesprongen"), ("regel\neen", "regel een"),
    ])
    func blockStartsAreEscapedOnlyAtTheStart(text: String, markdown: String) {
        #expect(MarkdownText.escaped(text, at: .blockStart) == markdown)
    }

    @Test func headingsKeepATrailingHash() {
        #expect(MarkdownText.escaped("C #", at: .heading) == "C \\#")
        #expect(MarkdownText.escaped("# C#", at: .heading) == "\\# C\\#")
        // A heading's text is never a list or a quote: no escapes needed there.
        #expect(MarkdownText.escaped("1. Welkom - > +", at: .heading) == "1. Welkom - > +")
    }

    @Test(arguments: [
        ("https://www.stadslableiden.nl", "https://www.stadslableiden.nl", true),
        ("www.stadslableiden.nl/over-ons", "www.stadslableiden.nl/over-ons", true),
        ("https://example.com/a?b=c#d", "https://example.com/a?b=c#d", true),
        ("marije@example.nl", "marije@example.nl", true),
        // Anything that would need escaping, or that GFM would cut short, stays plain text.
        ("https://example.com/a_b", "https\\://example.com/a\\_b", false),
        ("https://example.com/a.", "https\\://example.com/a.", false),
        ("javascript://alert(1)", "javascript\\://alert(1)", false),
        ("stadslableiden.nl", "stadslableiden.nl", false),
    ])
    func onlyPlainAddressesAreWrittenAsLinks(text: String, markdown: String, linked: Bool) throws {
        #expect(MarkdownText.linkableAddress(text) == markdown)
        let rendered = RenderedHTML(html: try CmarkGFM.html(for: "Website: " + markdown))
        #expect(rendered.visibleText == "Website: " + text)
        #expect(rendered.hrefs.count == (linked ? 1 : 0))
    }
}
