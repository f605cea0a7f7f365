import Foundation
import RollingStoneTestSupport
import Testing

@testable import RollingStoneCore
@testable import RollingStoneJournal
@testable import RollingStoneMeeting
@testable import RollingStoneReport

/// One rich afternoon, rendered in Dutch and English: sections, order,
/// labels, counts, attributions, actions, timing, notices, determinism.
@Suite struct ReportRendererTests {
    static let agenda = Agenda(
        title: "Over trekkracht en veerkracht", series: "RollingStone", number: 2, date: "2012-09-26", language: .nl,
        venue: "De Nieuwe Energie, Leiden",
        host: .init(
            name: "Stadslab Leiden", website: "https://www.stadslableiden.nl",
            profile: "Een stedelijk netwerk van Leidenaren met\neen handvol lopende projecten."),
        items: [
            AgendaItem(title: "Welkom en kennismaking", minutes: 20),
            AgendaItem(title: "Trekkracht aan instanties", minutes: 45, theme: true),
            AgendaItem(title: "Geld en onafhankelijkheid", minutes: 30, theme: true),
            AgendaItem(title: "Veerkracht", minutes: 30, theme: true),
            AgendaItem(title: "Afsluiting", minutes: 15),
        ],
        next: .init(
            date: "2012-11-24", time: "11-15 uur", place: "Makassarplein Community, Amsterdam",
            theme: "Netwerken en het middenveld", contact: "info@example.org"))

    /// Eight people from five countries; every kind of entry; an edit, a
    /// delete, an undo and a move; timings that need rounding.
    static func richMeeting() throws -> MeetingBuilder {
        var meeting = try MeetingBuilder(agenda: agenda)
        let marije = try meeting.join("Marije de Vries", "NL", network: "Stadslab Leiden", role: "gastvrouw", contact: "marije@example.nl")
        let stef = try meeting.join("Stef Steyaert", "BE", network: "Stadsnetwerk Gent", role: "special guest", contact: "stef@example.be")
        let birgit = try meeting.join("Birgit Oelkers", "NL", network: "Kracht in Nederland", role: "matchmaker")
        let hannah = try meeting.join("Hannah Schröder", "DE", network: "Nachbarschaft Köln")
        try meeting.join("Lukas Gruber", "AT", network: "Grätzl Wien")
        let tom = try meeting.join("Tom Baker", "GB", network: "Bristol Neighbours")
        let jan = try meeting.join("Jan Jansen", "NL", network: "Gouda Bruist")
        try meeting.join("Els Peeters", "BE")
        try meeting.capture(.note, "Iedereen noemt één project waar het netwerk trots op is.")
        meeting.wait(minutes: 25)

        try meeting.next()  // Trekkracht aan instanties
        try meeting.capture(.note, "De meeste voorbeelden gingen over de gemeente.")
        try meeting.lesson("Investeer in mensen, niet in organisaties")
        try meeting.capture(.note, "Een contactpersoon die jullie plan intern verder helpt, scheelt trekken.", by: birgit)
        try meeting.capture(.tip, "Maak samen met je contactpersoon een smoelenboek van de afdeling.", by: birgit)
        try meeting.capture(.tip, "Zorg ook voor een ja op directieniveau.")
        try meeting.capture(.quote, "Een ambtenaar is buiten het gemeentehuis ook gewoon een buurtbewoner.", by: stef)
        try meeting.capture(.idea, "Een prijs voor de beste ruimtemaker bij de gemeente.", by: hannah)
        try meeting.capture(.action, "Smoelenboek van de gemeente Gouda opvragen", by: jan)
        try meeting.lesson("Verwacht niet alleen applaus")
        try meeting.capture(.tip, "Zoek bondgenoten bij het welzijnswerk voordat ze concurrenten worden.", by: tom)
        meeting.wait(minutes: 50)

        try meeting.next()  // Geld en onafhankelijkheid
        try meeting.lesson("Niet roomser dan de paus")
        try meeting.capture(.tip, "Benader de overheid als medefinancier, niet als subsidiegever.", by: stef)
        let typo = try meeting.capture(.tip, "Spreek af wat je tegenprestatie is voor je het geld aanneemt.")
        try meeting.edit(typo, to: "Spreek vooraf af wat je tegenprestatie is.")
        let mistake = try meeting.capture(.note, "Deze notitie is per ongeluk gemaakt.")
        try meeting.delete(mistake)
        try meeting.capture(.idea, "Een idee dat meteen weer wordt teruggedraaid.")
        try meeting.undo()
        let misplaced = try meeting.capture(.note, "Veerkracht is belangrijker dan trekkracht.", by: marije)
        try meeting.move(misplaced, toItem: 3)
        try meeting.capture(.action, "Voorbeelden van tegenprestaties verzamelen")
        meeting.wait(minutes: 30)

        try meeting.next()  // Veerkracht
        meeting.wait(minutes: 12.4)

        try meeting.next()  // Afsluiting
        try meeting.capture(.action, "Verslag rondsturen aan alle deelnemers", by: marije)
        meeting.wait(minutes: 9.6)
        try meeting.end()
        return meeting
    }

    static func report(_ language: MeetingLanguage = .nl, withContacts: Bool = false) throws -> String {
        ReportRenderer.render(try richMeeting().state, options: ReportOptions(language: language, withContacts: withContacts))
    }

    // MARK: Structure

    @Test func sectionsComeInOrder() throws {
        let report = try Self.report()
        let headings = report.split(separator: "\n").filter { $0.hasPrefix("#") }.map(String.init)
        #expect(
            headings == [
                "# RollingStone 2: Over trekkracht en veerkracht",
                "## Gastheer: Stadslab Leiden",
                "## Deelnemers",
                "## Welkom en kennismaking",
                "## Trekkracht aan instanties",
                "### Investeer in mensen, niet in organisaties",
                "### Verwacht niet alleen applaus",
                "## Geld en onafhankelijkheid",
                "### Niet roomser dan de paus",
                "## Veerkracht",
                // "Afsluiting" holds only an action, which has its own section.
                "## Vervolgacties",
                "## Verloop van de agenda",
                "## Volgende bijeenkomst",
            ])
    }

    @Test func titleBlockHasDateHostAndVenueAndNoDraftNoticeOnceEnded() throws {
        let blocks = try Self.report().components(separatedBy: "\n\n")
        #expect(blocks[0] == "# RollingStone 2: Over trekkracht en veerkracht")
        #expect(blocks[1] == "Datum: 26 september 2012 · Gastheer: Stadslab Leiden · Locatie: De Nieuwe Energie, Leiden")
        #expect(!blocks.joined().contains("Concept"))
    }

    @Test func titleWithoutSeriesOrNumber() throws {
        var agenda = Self.agenda
        agenda.series = nil
        #expect(try render(agenda: agenda).hasPrefix("# Over trekkracht en veerkracht\n"))
        agenda.series = "RollingStone"
        agenda.number = nil
        #expect(try render(agenda: agenda).hasPrefix("# RollingStone: Over trekkracht en veerkracht\n"))
    }

    @Test func hostSectionShowsWebsiteAsLinkAndProfileAsOneParagraph() throws {
        let report = try Self.report()
        #expect(
            report.contains(
                """
                ## Gastheer: Stadslab Leiden

                Website: https://www.stadslableiden.nl

                Een stedelijk netwerk van Leidenaren met een handvol lopende projecten.

                ## Deelnemers
                """))
    }

    @Test func hostSectionIsLeftOutWhenTheAgendaOnlyNamesTheHost() throws {
        var agenda = Self.agenda
        agenda.host = .init(name: "Stadslab Leiden")
        let report = try render(agenda: agenda)
        #expect(!report.contains("## Gastheer"))
        #expect(report.contains("Gastheer: Stadslab Leiden · Locatie"))
    }

    // MARK: Participants

    @Test func participantCountsAndCountriesByCountThenName() throws {
        // NL 3 and BE 2 lead; the three countries with one participant are
        // ordered by their name in the report's language, not by code or join order.
        #expect(
            try Self.report(.nl).contains(
                "8 deelnemers uit 5 landen: Nederland (3), België (2), Duitsland (1), Oostenrijk (1) en Verenigd Koninkrijk (1)."))
        #expect(
            try Self.report(.en).contains(
                "8 participants from 5 countries: Netherlands (3), Belgium (2), Austria (1), Germany (1) and United Kingdom (1)."))
    }

    @Test(arguments: [(MeetingLanguage.nl, "1 deelnemer uit 1 land: België (1)."), (.en, "1 participant from 1 country: Belgium (1).")])
    func participantCountsInTheSingular(language: MeetingLanguage, sentence: String) throws {
        var meeting = try MeetingBuilder(agenda: Self.agenda)
        try meeting.join("Stef Steyaert", "BE")
        let report = ReportRenderer.render(meeting.state, options: ReportOptions(language: language))
        #expect(report.contains("\n\(sentence)\n"))
    }

    @Test func participantTableIsGroupedByCountryWithoutContacts() throws {
        let rows = try tableRows(in: Self.report(), under: "## Deelnemers")
        #expect(
            rows == [
                ["Land", "Naam", "Netwerk", "Rol"],
                ["Nederland", "Marije de Vries", "Stadslab Leiden", "gastvrouw"],
                ["", "Birgit Oelkers", "Kracht in Nederland", "matchmaker"],
                ["", "Jan Jansen", "Gouda Bruist", ""],
                ["België", "Stef Steyaert", "Stadsnetwerk Gent", "special guest"],
                ["", "Els Peeters", "", ""],
                ["Duitsland", "Hannah Schröder", "Nachbarschaft Köln", ""],
                ["Oostenrijk", "Lukas Gruber", "Grätzl Wien", ""],
                ["Verenigd Koninkrijk", "Tom Baker", "Bristol Neighbours", ""],
            ])
        #expect(try !Self.report().contains("marije@example.nl"))
    }

    @Test func contactsAppearOnlyWhenAskedFor() throws {
        let rows = try tableRows(in: Self.report(withContacts: true), under: "## Deelnemers")
        #expect(rows.first == ["Land", "Naam", "Netwerk", "Rol", "Contact"])
        #expect(rows[1] == ["Nederland", "Marije de Vries", "Stadslab Leiden", "gastvrouw", "marije@example.nl"])
        #expect(rows[5] == ["", "Els Peeters", "", "", ""])
    }

    // MARK: Agenda items

    @Test func entriesOutsideLessonsComeFirstThenEachLessonWithNotesQuotesTipsAndIdeas() throws {
        let report = try Self.report()
        let section = try #require(sectionText(report, from: "## Trekkracht aan instanties", to: "## Geld en onafhankelijkheid"))
        #expect(
            section == """
                ## Trekkracht aan instanties

                *2 lessen en 3 praktische tips over dit thema.*

                De meeste voorbeelden gingen over de gemeente.

                ### Investeer in mensen, niet in organisaties

                Een contactpersoon die jullie plan intern verder helpt, scheelt trekken. — Birgit Oelkers, Nederland

                > “Een ambtenaar is buiten het gemeentehuis ook gewoon een buurtbewoner.” — Stef Steyaert, België

                **Praktische tips**

                - Maak samen met je contactpersoon een smoelenboek van de afdeling. — Birgit Oelkers, Nederland
                - Zorg ook voor een ja op directieniveau.

                **Ideeën**

                - Een prijs voor de beste ruimtemaker bij de gemeente. — Hannah Schröder, Duitsland

                ### Verwacht niet alleen applaus

                **Praktische tips**

                - Zoek bondgenoten bij het welzijnswerk voordat ze concurrenten worden. — Tom Baker, Verenigd Koninkrijk
                """)
    }

    @Test func editsDeletesUndoAndMovesAreShownAsTheyEnded() throws {
        let report = try Self.report()
        #expect(report.contains("- Spreek vooraf af wat je tegenprestatie is.\n"))
        #expect(!report.contains("voor je het geld aanneemt"))
        #expect(!report.contains("per ongeluk"))
        #expect(!report.contains("teruggedraaid"))
        // Moved out of its lesson into an item without lessons: no summary line.
        let veerkracht = try #require(sectionText(report, from: "## Veerkracht", to: "## Vervolgacties"))
        #expect(veerkracht == "## Veerkracht\n\nVeerkracht is belangrijker dan trekkracht. — Marije de Vries, Nederland")
    }

    @Test func englishLabelsAndAttributions() throws {
        let report = try Self.report(.en)
        #expect(report.contains("Date: 26 September 2012 · Host: Stadslab Leiden · Venue: De Nieuwe Energie, Leiden"))
        #expect(report.contains("## Host: Stadslab Leiden"))
        #expect(report.contains("## Participants"))
        #expect(report.contains("*2 lessons and 3 practical tips on this theme.*"))
        #expect(report.contains("**Practical tips**"))
        #expect(report.contains("**Ideas**"))
        #expect(report.contains("> ‘Een ambtenaar is buiten het gemeentehuis ook gewoon een buurtbewoner.’ — Stef Steyaert, Belgium"))
        #expect(report.contains("— Tom Baker, United Kingdom"))
        #expect(report.contains("## Follow-up actions"))
        #expect(report.contains("## The agenda as held"))
        #expect(report.contains("## Next meeting"))
        #expect(!report.contains("Praktische"))
    }

    @Test(arguments: [(1, 1, "*1 les en 1 praktische tip over dit thema.*"), (1, 0, "*1 les over dit thema.*"), (0, 2, "*2 praktische tips over dit thema.*")])
    func themeSummaryInTheSingularAndWithoutTips(lessons: Int, tips: Int, line: String) throws {
        var meeting = try MeetingBuilder(agenda: Self.agenda)
        try meeting.next()
        for number in 0..<tips { try meeting.capture(.tip, "Tip \(number + 1)") }
        for number in 0..<lessons { try meeting.lesson("Les \(number + 1)") }
        let report = ReportRenderer.render(meeting.state, options: ReportOptions(language: .nl))
        #expect(report.contains("## Trekkracht aan instanties\n\n\(line)\n"))
        // No tips, no label.
        #expect(report.contains("**Praktische tips**") == (tips > 0))
    }

    // MARK: Actions, timing, next meeting

    @Test func actionsAreATaskListWithOwnersInCaptureOrderAndNowhereElse() throws {
        let report = try Self.report()
        let section = try #require(sectionText(report, from: "## Vervolgacties", to: "## Verloop van de agenda"))
        #expect(
            section == """
                ## Vervolgacties

                - [ ] Smoelenboek van de gemeente Gouda opvragen — Jan Jansen
                - [ ] Voorbeelden van tegenprestaties verzamelen
                - [ ] Verslag rondsturen aan alle deelnemers — Marije de Vries
                """)
        #expect(report.components(separatedBy: "Smoelenboek van de gemeente Gouda").count == 2)
    }

    @Test func agendaTablePlannedAgainstRoundedActualMinutesWithTotal() throws {
        let rows = try tableRows(in: Self.report(), under: "## Verloop van de agenda")
        #expect(
            rows == [
                ["Nr.", "Onderdeel", "Gepland (min)", "Werkelijk (min)"],
                ["1", "Welkom en kennismaking", "20", "25"],
                ["2", "Trekkracht aan instanties", "45", "50"],
                ["3", "Geld en onafhankelijkheid", "30", "30"],
                ["4", "Veerkracht", "30", "12"],  // 12.4 min
                ["5", "Afsluiting", "15", "10"],  // 9.6 min
                // 20+45+30+30+15 planned; the rounded minutes shown add up to 127.
                ["", "**Totaal**", "140", "127"],
            ])
    }

    @Test func nextMeetingWithWeekdayTimePlaceThemeAndContact() throws {
        #expect(
            try Self.report(.nl).hasSuffix(
                """
                ## Volgende bijeenkomst

                - Datum: zaterdag 24 november 2012
                - Tijd: 11-15 uur
                - Plaats: Makassarplein Community, Amsterdam
                - Thema: Netwerken en het middenveld
                - Contact: info@example.org

                """))
        #expect(try Self.report(.en).contains("- Date: Saturday 24 November 2012\n- Time: 11-15 uur\n"))
    }

    @Test func nextMeetingDateThatIsNotADayIsShownAsWritten() throws {
        var agenda = Self.agenda
        agenda.next = .init(date: "eind november", place: "Amsterdam")
        let report = try render(agenda: agenda)
        #expect(report.hasSuffix("## Volgende bijeenkomst\n\n- Datum: eind november\n- Plaats: Amsterdam\n"))
        agenda.next = .init(date: "2012-02-30")
        #expect(try render(agenda: agenda).hasSuffix("- Datum: 2012-02-30\n"))
    }

    // MARK: Drafts, torn files, empty meetings, determinism

    @Test func meetingUnderWayIsADraftWithUnreachedItemsMarked() throws {
        var meeting = try MeetingBuilder(agenda: Self.agenda)
        meeting.wait(minutes: 5)
        try meeting.next()
        meeting.wait(minutes: 3)
        try meeting.capture(.note, "Nog bezig.")
        for language in MeetingLanguage.allCases {
            let report = ReportRenderer.render(meeting.state, options: ReportOptions(language: language))
            let blocks = report.components(separatedBy: "\n\n")
            let notices: [MeetingLanguage: String] = [
                .nl: "**Concept — de bijeenkomst is nog niet afgesloten.**",
                .en: "**Draft — the meeting has not ended yet.**",
                .fr: "**Brouillon — la rencontre n’est pas encore terminée.**",
                .de: "**Entwurf — das Treffen ist noch nicht beendet.**",
            ]
            #expect(blocks[1] == notices[language])
        }
        let report = ReportRenderer.render(meeting.state, options: ReportOptions(language: .nl))
        let rows = try tableRows(in: report, under: "## Verloop van de agenda")
        // The current item counts up to the last event; later items were never reached.
        #expect(rows.dropFirst().map { $0[3] } == ["5", "3", "–", "–", "–", "8"])
    }

    @Test func unreadableTailIsAnnouncedUnderTheTitle() throws {
        var bytes = try Self.richMeeting().sessionFileBytes()
        bytes += Array(#"{"seq":99,"at":"2012-09-2"#.utf8)
        let file = try SessionFile.parse(bytes, path: "torn.jsonl")
        let tail = try #require(file.tornTail)
        let report = ReportRenderer.render(file.state, options: ReportOptions(language: .nl), unreadableTail: tail)
        let blocks = report.components(separatedBy: "\n\n")
        #expect(
            blocks[1]
                == "**Let op: het einde van het sessiebestand kon niet worden gelezen (regel \(tail.line) is bij een crash afgebroken) en is in dit verslag weggelaten.**"
        )
        #expect(tail.line == Self.richMeetingEventCount + 2)
        let english = ReportRenderer.render(file.state, options: ReportOptions(language: .en), unreadableTail: tail)
        #expect(english.contains("the end of the session file could not be read (line \(tail.line) was cut off by a crash)"))
        #expect(!ReportRenderer.render(file.state, options: ReportOptions(language: .nl)).contains("Let op"))
    }

    /// Events in `richMeeting()`: opened, 8 joins, 3 lessons, 16 captures,
    /// edit, delete, undo, move, 4 moves through the agenda, end.
    static let richMeetingEventCount = 1 + 8 + 3 + 16 + 4 + 4 + 1

    @Test func replayedSessionFileGivesTheSameReport() throws {
        let meeting = try Self.richMeeting()
        #expect(meeting.records.count == Self.richMeetingEventCount)
        let replayed = try SessionFile.parse(meeting.sessionFileBytes(), path: "meeting.jsonl")
        let options = ReportOptions(language: .nl, withContacts: true)
        #expect(ReportRenderer.render(replayed.state, options: options) == ReportRenderer.render(meeting.state, options: options))
    }

    @Test func renderingTwiceGivesIdenticalBytes() throws {
        let state = try Self.richMeeting().state
        for language in MeetingLanguage.allCases {
            let options = ReportOptions(language: language, withContacts: true)
            #expect(Array(ReportRenderer.render(state, options: options).utf8) == Array(ReportRenderer.render(state, options: options).utf8))
        }
    }

    @Test func meetingWithNothingCapturedHasOnlyTitleAndAgenda() throws {
        var agenda = Self.agenda
        agenda.host = nil
        agenda.next = nil
        agenda.venue = nil
        agenda.date = nil
        var meeting = try MeetingBuilder(agenda: agenda)
        try meeting.end()
        let report = ReportRenderer.render(meeting.state, options: ReportOptions(language: .nl))
        let headings = report.split(separator: "\n").filter { $0.hasPrefix("#") }
        #expect(headings == ["# RollingStone 2: Over trekkracht en veerkracht", "## Verloop van de agenda"])
        #expect(report.hasSuffix("|\n"))
    }

    // MARK: Helpers

    private func render(agenda: Agenda) throws -> String {
        var meeting = try MeetingBuilder(agenda: agenda)
        try meeting.join("Stef Steyaert", "BE")
        try meeting.end()
        return ReportRenderer.render(meeting.state, options: ReportOptions(language: .nl))
    }

    /// The report from the line `start` up to (not including) the line `end`, trimmed.
    private func sectionText(_ report: String, from start: String, to end: String) -> String? {
        guard let from = report.range(of: start + "\n"), let to = report.range(of: "\n" + end + "\n", range: from.upperBound..<report.endIndex)
        else { return nil }
        return String(report[from.lowerBound..<to.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The cells of the first table after the heading `heading`, delimiter row left out.
    private func tableRows(in report: String, under heading: String) throws -> [[String]] {
        let lines = report.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: heading))
        let table = lines[(start + 1)...].drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
        return table.enumerated().filter { $0.offset != 1 }.map { _, line in
            line.dropFirst().dropLast().components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }
}
