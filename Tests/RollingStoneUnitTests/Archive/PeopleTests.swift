import Foundation
import RollingStoneTestSupport
import Testing

@testable import RollingStoneArchive
@testable import RollingStoneCore
@testable import RollingStoneReport

/// The who's who: one person across meetings, matched by name without case
/// or accents and by country; namesakes from two countries kept apart.
@Suite struct PeopleTests {
    static func series() throws -> [ArchivedMeeting] {
        func meeting(_ number: Int, _ fill: (inout MeetingBuilder) throws -> Void) throws -> ArchivedMeeting {
            let agenda = Agenda(
                title: "Bijeenkomst \(number)", series: "RollingStone", number: number, date: "2012-0\(number + 5)-12", language: .nl,
                items: [AgendaItem(title: "Welkom", minutes: 10), AgendaItem(title: "Trekkracht aan instanties", minutes: 30, theme: true)])
            var builder = try MeetingBuilder(agenda: agenda)
            try fill(&builder)
            return ArchivedMeeting(url: URL(fileURLWithPath: "/a/rs\(number).jsonl"), state: builder.state)
        }
        return [
            try meeting(1) { builder in
                let steff = try builder.join("Stéphanie Brüggemann", "BE", network: "Buurtlab Gent", role: "gastvrouw")
                _ = try builder.join("Jan Jansen", "NL", network: "Buurtkracht Delft")
                try builder.goTo(item: 1)
                _ = try builder.capture(.tip, "Begin bij de buren", by: steff)
                _ = try builder.capture(.quote, "Wij zijn ergens vóór", by: steff)
            },
            try meeting(2) { builder in
                let steff = try builder.join("stephanie bruggemann", "BE", network: "Lab van Troje")
                _ = try builder.join("Jan Jansen", "BE", network: "Gent Samen")
                try builder.goTo(item: 1)
                _ = try builder.capture(.tip, "Vraag de wethouder mee", by: steff)
                _ = try builder.capture(.tip, "Nog een tip", by: steff)
            },
        ]
    }

    @Test func someoneWhoCameTwiceIsOnePerson() throws {
        let people = ArchivedPerson.people(in: try Self.series())
        #expect(people.map(\.name) == ["stephanie bruggemann", "Jan Jansen", "Jan Jansen"])
        let steff = try #require(people.first)
        #expect(steff.attendances.count == 2)
        #expect(steff.networks == ["Lab van Troje", "Buurtlab Gent"])
        #expect(steff.counts == [.tip: 3, .quote: 1])
        // Two Jan Jansens, one from each country.
        #expect(people.filter { $0.name == "Jan Jansen" }.map(\.country) == ["NL", "BE"])
    }

    @Test func theWhosWhoSaysWhereAndWhat() throws {
        let markdown = PeopleRenderer.render(try Self.series(), query: "steph", as: .markdown, language: .nl)
        let html = RenderedHTML(html: try CmarkGFM.html(for: markdown))
        #expect(try html.texts(of: "h1") == ["RollingStone: wie is wie"])
        #expect(try html.texts(of: "h2") == ["stephanie bruggemann"])
        #expect(markdown.contains("België · Lab van Troje · Buurtlab Gent · gastvrouw"))
        #expect(markdown.contains("Bijeenkomsten (2): RollingStone 1 (12 juni 2012) en RollingStone 2 (12 juli 2012)."))
        #expect(markdown.contains("Bijdragen: 3 tips en 1 citaat."))
        #expect(try html.texts(of: "li").contains("Vraag de wethouder mee (Trekkracht aan instanties, RollingStone 2)"))
        let english = PeopleRenderer.render(try Self.series(), query: "jansen", as: .markdown, language: .en)
        #expect(english.contains("Netherlands · Buurtkracht Delft") && english.contains("Belgium · Gent Samen"))
        #expect(english.components(separatedBy: "No contributions in their name.").count == 3)
        let nobody = PeopleRenderer.render(try Self.series(), query: "piet", as: .markdown, language: .de)
        #expect(nobody.contains("Niemand heißt „piet“."))
    }

    @Test func countsHaveTheirPlurals() {
        #expect(PeopleLabels(language: .nl).count(1, of: .idea) == "1 idee")
        #expect(PeopleLabels(language: .nl).count(2, of: .idea) == "2 ideeën")
        #expect(PeopleLabels(language: .fr).count(0, of: .tip) == "0 conseil")
        #expect(PeopleLabels(language: .de).count(2, of: .quote) == "2 Zitate")
    }
}
