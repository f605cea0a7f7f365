import Foundation
import RollingStoneTestSupport
import Testing

/// Three meetings of one series, each with another host and people from four
/// countries, typed at the built binary; then `rollingstone digest` over
/// their folder.
@Suite struct SeriesDigestTests {
    struct Meeting {
        var number: Int
        var date: String
        var host: String
        var themes: [String]
        var script: String
    }

    static let meetings = [
        Meeting(
            number: 1, date: "2012-06-12", host: "GoudaBruist", themes: ["Trekkracht: de gemeente als partner", "Veerkracht"],
            script: """
                join Femke Visser, NL, GoudaBruist
                join Wout Claes, België, Gent Samen
                goto trek
                lesson Zoek de mensen achter de loketten
                tip @femke Vraag je contactpersoon wie er nog meer over gaat
                next
                tip @wout Vier kleine successen hardop
                end

                """),
        Meeting(
            number: 2, date: "2012-09-26", host: "Stadslab Leiden", themes: ["Geld en onafhankelijkheid"],
            script: """
                join Katrin Vogel, Deutschland, Nachbarn Aachen
                join Femke Visser, NL, GoudaBruist
                goto geld
                tip @katrin Houd het eerste jaar afstand van subsidie
                end

                """),
        Meeting(
            number: 3, date: "2012-11-24", host: "Makassarplein Community", themes: ["Trekkracht aan instanties"],
            script: """
                join Oliver Hughes, UK, Bristol Commons
                join Wout Claes, BE, Gent Samen
                goto trek
                lesson Een wethouder op bezoek zegt meer dan een brief
                tip @oliver Nodig de wethouder uit bij een avond van de buurt
                tip @wout Medefinanciering uit België loopt vaak via de provincie
                idee Een buurtavond in het café naast het stadhuis
                end

                """),
    ]

    static func agenda(_ meeting: Meeting) -> String {
        var yaml = """
            title: Bijeenkomst \(meeting.number)
            series: RollingStone
            number: \(meeting.number)
            date: \(meeting.date)
            language: nl
            host:
              name: \(meeting.host)
            items:
              - title: Welkom
                minutes: 10

            """
        for theme in meeting.themes {
            yaml += "  - title: \"\(theme)\"\n    minutes: 30\n    theme: true\n"
        }
        return yaml
    }

    /// The three meetings held, their sessions in `sessions/`.
    static func heldSeries() async throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.file("sessions"), withIntermediateDirectories: true)
        for meeting in meetings {
            let agendaFile = folder.file("rs\(meeting.number).yaml")
            try Data(agenda(meeting).utf8).write(to: agendaFile)
            let run = try await ScriptedRun.run(
                ["run", "--agenda", agendaFile.path, "--session", "sessions/rs\(meeting.number).jsonl"], input: meeting.script, in: folder.url)
            #expect(run.status == 0, "\(run.output)\(run.errors)")
            #expect(!run.output.contains("fout:"), "\(run.output)")
        }
        return folder
    }

    @Test func theDigestGroupsAThemeAcrossMeetings() async throws {
        let folder = try await Self.heldSeries()
        let run = try await ScriptedRun.run(["digest"], in: folder.url)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.isEmpty)
        let html = RenderedHTML(html: try CmarkGFM.html(for: run.output))
        #expect(try html.texts(of: "h1") == ["RollingStone: lessen en tips per thema"])
        #expect(try html.texts(of: "h2") == ["Trekkracht aan instanties", "Veerkracht", "Geld en onafhankelijkheid"])
        let meetingsUnderTrekkracht = try html.texts(of: "h3").prefix(2)
        #expect(
            Array(meetingsUnderTrekkracht) == [
                "RollingStone 1 · 12 juni 2012 · GoudaBruist", "RollingStone 3 · 24 november 2012 · Makassarplein Community",
            ])
        let tips = try html.texts(of: "li")
        #expect(tips.contains("Vraag je contactpersoon wie er nog meer over gaat — Femke Visser, GoudaBruist, Nederland"))
        #expect(tips.contains("Nodig de wethouder uit bij een avond van de buurt — Oliver Hughes, Bristol Commons, Verenigd Koninkrijk"))
        #expect(tips.contains("Houd het eerste jaar afstand van subsidie — Katrin Vogel, Nachbarn Aachen, Duitsland"))
        #expect(tips.contains("Vier kleine successen hardop — Wout Claes, Gent Samen, België"))
    }

    @Test func aThemeQueryLanguageAndHTML() async throws {
        let folder = try await Self.heldSeries()
        let english = try await ScriptedRun.run(["digest", "--theme", "trek", "--lang", "en"], in: folder.url)
        #expect(english.status == 0, "\(english.errors)")
        let html = RenderedHTML(html: try CmarkGFM.html(for: english.output))
        #expect(try html.texts(of: "h2") == ["Trekkracht aan instanties"])
        #expect(english.output.contains("From 2 meetings: RollingStone 1 and RollingStone 3."))
        #expect(english.output.contains("RollingStone 1 · 12 June 2012 · GoudaBruist"))

        let page = try await ScriptedRun.run(["digest", "-o", "digest.html"], in: folder.url)
        #expect(page.status == 0, "\(page.errors)")
        let elements = try HTML5Parser.elements(of: try String(contentsOf: folder.file("digest.html"), encoding: .utf8))
        #expect(elements.filter { $0.tag == "h2" }.map(\.text) == ["Trekkracht aan instanties", "Veerkracht", "Geld en onafhankelijkheid"])
    }

    /// A broken file is named and left out; the rest of the series is there.
    @Test func aBrokenSessionIsNamedAndTheRestRemains() async throws {
        let folder = try await Self.heldSeries()
        try Data("{ dit is geen sessie\n".utf8).write(to: folder.file("sessions/kapot.jsonl"))
        let run = try await ScriptedRun.run(["digest"], in: folder.url)
        #expect(run.status == 0)
        #expect(run.errors.contains("kapot.jsonl:1"), "\(run.errors)")
        #expect(run.output.contains("Uit 3 bijeenkomsten"))
        let missing = try await ScriptedRun.run(["digest", "--archive", "nergens"], in: folder.url)
        #expect(missing.status != 0)
        #expect(missing.errors.contains("nergens: error: cannot read the archive's folder"), "\(missing.errors)")
    }

    /// The who's who lists someone who came twice once, with both meetings.
    @Test func peopleListsSomeoneWhoCameTwice() async throws {
        let folder = try await Self.heldSeries()
        let run = try await ScriptedRun.run(["people"], in: folder.url)
        #expect(run.status == 0, "\(run.errors)")
        let html = RenderedHTML(html: try CmarkGFM.html(for: run.output))
        #expect(try html.texts(of: "h2") == ["Femke Visser", "Wout Claes", "Katrin Vogel", "Oliver Hughes"])
        #expect(run.output.contains("Bijeenkomsten (2): RollingStone 1 (12 juni 2012) en RollingStone 2 (26 september 2012)."))
        #expect(run.output.contains("Bijeenkomsten (2): RollingStone 1 (12 juni 2012) en RollingStone 3 (24 november 2012)."))
        let one = try await ScriptedRun.run(["people", "WOUT", "--lang", "en"], in: folder.url)
        #expect(one.output.contains("## Wout Claes") && !one.output.contains("Femke"), "\(one.output)")
        #expect(one.output.contains("Contributions: 2 tips."), "\(one.output)")
    }
}
