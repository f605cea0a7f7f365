import Foundation
import RollingStoneTestSupport
import Testing

/// `rollingstone search` and the REPL's `search` over the three meetings
/// of `SeriesDigestTests`, typed at the built binary.
@Suite struct SeriesSearchTests {
    @Test func searchFindsAccentedTextFromPlainLettersAndAPrefix() async throws {
        let folder = try await SeriesDigestTests.heldSeries()
        let belgie = try await ScriptedRun.run(["search", "belgie"], in: folder.url)
        #expect(belgie.status == 0, "\(belgie.errors)")
        #expect(belgie.errors.isEmpty, "\(belgie.errors)")
        let lines = belgie.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "1 found for 'belgie':", "\(belgie.output)")
        #expect(lines.dropFirst().first == "  1. tip: \"Medefinanciering uit België loopt vaak via de provincie\" — Wout Claes (Gent Samen, Belgium)")
        #expect(
            lines.dropFirst(2).first
                == "     RollingStone 3, 2012-11-24, Makassarplein Community · Trekkracht aan instanties · lesson \"Een wethouder op bezoek zegt meer dan een brief\""
        )
        #expect(FileManager.default.fileExists(atPath: folder.path("sessions/.rollingstone-index.sqlite")))

        let prefix = try await ScriptedRun.run(["search", "MEDEFIN"], in: folder.url)
        #expect(prefix.output.contains("Medefinanciering uit België"), "\(prefix.output)")
        let cafe = try await ScriptedRun.run(["search", "cafe", "--ui-lang", "nl"], in: folder.url)
        #expect(cafe.output.hasPrefix("1 gevonden voor 'cafe':\n  1. idee: \"Een buurtavond in het café naast het stadhuis\""), "\(cafe.output)")
        let none = try await ScriptedRun.run(["search", "kroket"], in: folder.url)
        #expect(none.status == 0 && none.output == "Nothing found for 'kroket' in the meetings of this folder.\n")
        #expect(none.errors.isEmpty, "\(none.errors)")
        // A folder without sessions is said to be one, not searched in silence.
        try FileManager.default.createDirectory(at: folder.file("leeg"), withIntermediateDirectories: false)
        let empty = try await ScriptedRun.run(["search", "kroket", "--archive", "leeg"], in: folder.url)
        #expect(empty.errors.contains("leeg: no session files (*.jsonl) here"), "\(empty.errors)")
    }

    @Test func kindPersonAndThemeNarrowTheSearch() async throws {
        let folder = try await SeriesDigestTests.heldSeries()
        let tips = try await ScriptedRun.run(["search", "--person", "wout", "--kind", "tip"], in: folder.url)
        #expect(tips.output.hasPrefix("2 found for 'wout', best first:"), "\(tips.output)")
        #expect(tips.output.contains("Vier kleine successen hardop") && tips.output.contains("Medefinanciering uit België"))
        let themed = try await ScriptedRun.run(["search", "wethouder", "--theme", "trek"], in: folder.url)
        #expect(themed.output.hasPrefix("2 found for 'wethouder trek'"), "\(themed.output)")
        let wrongKind = try await ScriptedRun.run(["search", "x", "--kind", "gossip"], in: folder.url)
        #expect(wrongKind.status != 0 && wrongKind.errors.contains("gossip"), "\(wrongKind.errors)")
        let nothing = try await ScriptedRun.run(["search", "--", "***"], in: folder.url)
        #expect(nothing.status != 0 && nothing.errors.contains("give words to look for"), "\(nothing.errors)")
    }

    /// "What did we learn about this before?" while the next meeting runs:
    /// the answer comes from every meeting of the folder, this one too, and
    /// nothing of it is recorded.
    @Test func theREPLSearchesTheFolderDuringAMeeting() async throws {
        let folder = try await SeriesDigestTests.heldSeries()
        let agenda = folder.file("rs4.yaml")
        try Data(SeriesDigestTests.agenda(.init(number: 4, date: "2013-02-14", host: "Buurtlab Gent", themes: ["Geld"], script: "")).utf8)
            .write(to: agenda)
        let script = """
            join Lotte Jansen, NL
            tip @lotte Een wijkfonds met een eigen medefinancier
            zoeken medefin
            search kroket
            zoeken
            zoek de wethouder op
            zoeken naar een zaal bij het station
            einde

            """
        let run = try await ScriptedRun.run(["run", "--agenda", agenda.path, "--session", "sessions/rs4.jsonl"], input: script, in: folder.url)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("2 gevonden voor 'medefin', beste eerst:"), "\(run.output)")
        #expect(run.output.contains("tip: \"Een wijkfonds met een eigen medefinancier\" — Lotte Jansen (Nederland)"), "\(run.output)")
        #expect(run.output.contains("RollingStone 3, 2012-11-24, Makassarplein Community"))
        #expect(run.output.contains("Niets gevonden voor 'kroket'"))
        #expect(run.output.contains("de woorden om naar te zoeken"), "\(run.output)")
        // "Zoek …" is a tip as often as not: a note, as before; a long search says it recorded nothing.
        #expect(run.output.contains("Een zoekopdracht: er is niets vastgelegd. Als notitie: notitie zoeken …"), "\(run.output)")
        let session = try String(contentsOf: folder.file("sessions/rs4.jsonl"), encoding: .utf8)
        #expect(!session.contains("medefin\"") && !session.contains("kroket") && !session.contains("station"), "a search was recorded")
        #expect(session.contains("\"text\":\"zoek de wethouder op\""), "a note starting with 'zoek' was not kept")
    }

    /// `forget` takes a person out of the index too: no trace of the name
    /// in the index file, and search no longer finds them by it.
    @Test func forgetClearsTheIndex() async throws {
        let folder = try await SeriesDigestTests.heldSeries()
        let before = try await ScriptedRun.run(["search", "--person", "wout claes"], in: folder.url)
        #expect(before.output.hasPrefix("2 found"), "\(before.output)")
        let forget = try await ScriptedRun.run(["forget", "Wout", "Claes"], in: folder.url)
        #expect(forget.status == 0, "\(forget.output)\(forget.errors)")
        #expect(forget.output.contains("the search index was built again without them"))
        let index = try Data(contentsOf: folder.file("sessions/.rollingstone-index.sqlite"))
        #expect(index.range(of: Data("Wout".utf8)) == nil && index.range(of: Data("Gent Samen".utf8)) == nil)
        let after = try await ScriptedRun.run(["search", "--person", "wout"], in: folder.url)
        #expect(after.output.hasPrefix("Nothing found"), "\(after.output)")
        let tip = try await ScriptedRun.run(["search", "provincie"], in: folder.url)
        #expect(tip.output.contains("— N.N. (Belgium)"), "\(tip.output)")
    }
}
