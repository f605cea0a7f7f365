import Foundation
import RollingStoneTestSupport
import Testing

@testable import RollingStoneArchive
@testable import RollingStoneCore
@testable import RollingStoneReport

/// Themes are matched across meetings by their first word that says
/// something, and the digest gathers their lessons and tips.
@Suite struct DigestTests {
    @Test(arguments: [
        ("Trekkracht: samenwerken met gemeente en instanties", "trekkracht"),
        ("Trekkracht aan instanties", "trekkracht"), ("Over veerkracht", "veerkracht"), ("Veerkracht", "veerkracht"),
        ("De kracht van het netwerk", "kracht"), ("Résilience : tenir bon", "resilience"), ("Über Geld", "geld"),
        ("Geld en onafhankelijkheid", "geld"),
    ])
    func aThemesKeyIsItsFirstWordThatSaysSomething(title: String, key: String) {
        #expect(ThemeKey(title: title).word == key)
    }

    @Test func aThemeQueryMatchesTheStartsOfWords() {
        #expect(ThemeKey.title("Trekkracht aan instanties", matches: "trek"))
        #expect(ThemeKey.title("Trekkracht aan instanties", matches: "TREK inst"))
        #expect(ThemeKey.title("Samenwerken met België", matches: "belgie"))
        #expect(!ThemeKey.title("Trekkracht aan instanties", matches: "kracht"))
        #expect(!ThemeKey.title("Trekkracht aan instanties", matches: ""))
    }

    /// Three meetings of a series, three hosts: a theme that came up in two
    /// of them is one section, with each meeting's lessons and tips.
    static func series() throws -> [ArchivedMeeting] {
        func meeting(_ number: Int, _ date: String, _ host: String, _ themes: [String], _ fill: (inout MeetingBuilder) throws -> Void) throws
            -> ArchivedMeeting
        {
            let agenda = Agenda(
                title: "Bijeenkomst \(number)", series: "RollingStone", number: number, date: date, language: .nl,
                host: .init(name: host), items: [AgendaItem(title: "Welkom", minutes: 10)] + themes.map { AgendaItem(title: $0, minutes: 30, theme: true) })
            var builder = try MeetingBuilder(agenda: agenda)
            try fill(&builder)
            try builder.end()
            return ArchivedMeeting(url: URL(fileURLWithPath: "/archive/rs\(number).jsonl"), state: builder.state)
        }
        return [
            try meeting(3, "2012-11-24", "Makassarplein Community", ["Trekkracht aan instanties"]) { builder in
                let pieter = try builder.join("Pieter Bakker", "NL", network: "Makassarplein Community")
                try builder.goTo(item: 1)
                _ = try builder.lesson("Een fonds werkt als de buurt meebeslist")
                _ = try builder.capture(.tip, "Laat de buurt zelf de pot verdelen", by: pieter)
            },
            try meeting(1, "2012-06-12", "GoudaBruist", ["Trekkracht: samenwerken met de gemeente", "Veerkracht"]) { builder in
                let femke = try builder.join("Femke Visser", "NL", network: "GoudaBruist")
                let wout = try builder.join("Wout Claes", "BE", network: "Gent Samen")
                try builder.goTo(item: 1)
                _ = try builder.lesson("Zoek de mensen achter de loketten")
                _ = try builder.capture(.tip, "Vraag wie er nog meer over gaat", by: femke)
                _ = try builder.capture(.note, "Een notitie hoort niet in het overzicht")
                try builder.goTo(item: 2)
                _ = try builder.capture(.tip, "Vier kleine successen", by: wout)
            },
            try meeting(2, "2012-09-26", "Stadslab Leiden", ["Geld en onafhankelijkheid"]) { builder in
                let katrin = try builder.join("Katrin Vogel", "DE", network: "Nachbarn Aachen")
                try builder.goTo(item: 1)
                _ = try builder.capture(.tip, "Houd het eerste jaar afstand van subsidie", by: katrin)
            },
        ].sorted(by: ArchivedMeeting.chronologically)
    }

    @Test func aThemeOfTwoMeetingsIsOneSectionWithBoth() throws {
        let markdown = try DigestRenderer.render(try Self.series(), as: .markdown, options: DigestOptions(language: .nl))
        let html = RenderedHTML(html: try CmarkGFM.html(for: markdown))
        #expect(try html.texts(of: "h1") == ["RollingStone: lessen en tips per thema"])
        // Themes in the order they first came up; the heading is the latest title.
        #expect(try html.texts(of: "h2") == ["Trekkracht aan instanties", "Veerkracht", "Geld en onafhankelijkheid"])
        #expect(
            try html.texts(of: "h3") == [
                "RollingStone 1 · 12 juni 2012 · GoudaBruist", "RollingStone 3 · 24 november 2012 · Makassarplein Community",
                "RollingStone 1 · 12 juni 2012 · GoudaBruist", "RollingStone 2 · 26 september 2012 · Stadslab Leiden",
            ])
        #expect(try html.texts(of: "h4") == ["Zoek de mensen achter de loketten", "Een fonds werkt als de buurt meebeslist"])
        #expect(try html.texts(of: "li").contains("Vraag wie er nog meer over gaat — Femke Visser, GoudaBruist, Nederland"))
        #expect(try html.texts(of: "li").contains("Vier kleine successen — Wout Claes, Gent Samen, België"))
        #expect(
            markdown.contains(
                "Titels: Trekkracht: samenwerken met de gemeente (RollingStone 1); Trekkracht aan instanties (RollingStone 3)"))
        #expect(markdown.contains("Uit 3 bijeenkomsten: RollingStone 1, RollingStone 2 en RollingStone 3."))
        #expect(!markdown.contains("notitie"), "notes are not lessons or tips")
    }

    @Test func aThemeQueryKeepsOnlyItsThemes() throws {
        let markdown = try DigestRenderer.render(try Self.series(), as: .markdown, options: DigestOptions(language: .en, theme: "trek"))
        let html = RenderedHTML(html: try CmarkGFM.html(for: markdown))
        #expect(try html.texts(of: "h2") == ["Trekkracht aan instanties"])
        #expect(markdown.contains("From 2 meetings: RollingStone 1 and RollingStone 3."))
        let none = try DigestRenderer.render(try Self.series(), as: .markdown, options: DigestOptions(language: .en, theme: "xyz"))
        #expect(none.contains("No lessons or tips found."))
    }

    /// Typed text in the digest is text in both formats, as in the report.
    @Test(arguments: ["<script>alert(1)</script>", "# kop", "[x](javascript:alert(1))", "*nadruk*"])
    func typedTextStaysText(_ text: String) throws {
        let agenda = Agenda(
            title: text, series: "RollingStone", number: 4, date: "2013-03-01", language: .nl, host: .init(name: text),
            items: [AgendaItem(title: text, minutes: 30, theme: true)])
        var builder = try MeetingBuilder(agenda: agenda)
        let someone = try builder.join(text, "NL", network: text)
        _ = try builder.lesson(text)
        _ = try builder.capture(.tip, text, by: someone)
        try builder.end()
        let meetings = [ArchivedMeeting(url: URL(fileURLWithPath: "/a/x.jsonl"), state: builder.state)]
        let markdown = try DigestRenderer.render(meetings, as: .markdown, options: DigestOptions(language: .nl))
        let rendered = RenderedHTML(html: try CmarkGFM.html(for: markdown))
        #expect(try rendered.texts(of: "h2") == [text])
        #expect(try rendered.texts(of: "h4") == [text])
        #expect(try rendered.texts(of: "li") == ["\(text) — \(text), \(text), Nederland"])
        #expect(try rendered.count("script") == 0 && rendered.hrefs.isEmpty)
        let page = try HTML5Parser.elements(of: try DigestRenderer.render(meetings, as: .html, options: DigestOptions(language: .nl)))
        #expect(!page.contains { $0.tag == "script" || $0.tag == "a" })
        #expect(page.filter { $0.tag == "h4" }.map(\.text) == [text])
    }
}
