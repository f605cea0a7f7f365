import Foundation
import RollingStoneTestSupport
import Testing

/// A Dutch meeting typed with the Dutch command words: the whole log is
/// Dutch, and the same meeting typed with the English commands records the
/// same session, so scripts written in English keep working.
///
/// The log is compared with `Golden/dutch-meeting.log`; to record it again
/// after a deliberate change, run with `RECORD_GOLDEN=1` (that run fails).
@Suite struct DutchMeetingScriptTests {
    static let here = URL(fileURLWithPath: #filePath)
    static let repository = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let agenda = repository.appendingPathComponent("agendas/leiden-2012.yaml").path
    static let golden = here.deletingLastPathComponent().appendingPathComponent("Golden/dutch-meeting.log")

    /// Each line typed in Dutch, and in English. Nothing in it prints a
    /// speaking time in seconds, which a slow machine could change.
    static let lines: [(dutch: String, english: String)] = [
        ("hulp wijzig", "help edit"),
        ("deelnemer Stef Steyaert, België, Lab van Troje", "join Stef Steyaert, België, Lab van Troje"),
        ("deelnemer Marije Vos, NL, Stadslab Leiden", "join Marije Vos, NL, Stadslab Leiden"),
        ("deelnemer Marije Vos, NL", "join Marije Vos, NL"),
        ("wie", "who"),
        ("volgende", "next"),
        ("les Niet hier", "lesson Niet hier"),
        ("ga naar trekkracht", "goto trekkracht"),
        ("les Zoek de mensen, niet de organisatie", "lesson Zoek de mensen, niet de organisatie"),
        ("tip @stef Investeer in je contactpersoon bij de gemeente", "tip @stef Investeer in je contactpersoon bij de gemeente"),
        ("citaat @marije Wij zijn niet ergens tegen, wij zijn ergens vóór", "quote @marije Wij zijn niet ergens tegen, wij zijn ergens vóór"),
        ("citaat Zonder spreker", "quote Zonder spreker"),
        ("idee Een gemeenschapsfonds", "idea Een gemeenschapsfonds"),
        ("Een losse notitie zonder commando", "Een losse notitie zonder commando"),
        ("notitie Les twee volgt", "note Les twee volgt"),
        ("actie @marije Verslag rondsturen", "action @marije Verslag rondsturen"),
        ("lijst", "list"),
        ("wijzig #1 Investeer in de contactpersoon, niet in de instantie", "edit #1 Investeer in de contactpersoon, niet in de instantie"),
        ("verwijder #3", "delete #3"),
        ("herstel", "undo"),
        ("verplaats #6 naar veerkracht", "move #6 veerkracht"),
        ("wijzig #99 Niets", "edit #99 Niets"),
        ("verwijder zes", "delete zes"),
        ("volgende keer beter", "next keer beter"),
        ("notte iets", "notte iets"),
        ("tip @niemand Iets", "tip @niemand Iets"),
        ("ga naar xyz", "goto xyz"),
        ("q+ @stef ! over de agenda", "q+ @stef ! over de agenda"),
        ("q+ @marije", "q+ @marije"),
        ("beurt", "ack"),
        ("q- @marije", "q- @marije"),
        ("q tijd 2", "q time 2"),
        ("q tijd veel", "q time veel"),
        ("inbox", "inbox"),
        ("weiger 1", "reject 1"),
        ("zaal", "room"),
        ("terug", "back"),
        ("vorige", "b"),
        ("vorige", "back"),
        ("lijst alles", "list all"),
        ("tijd", "time"),
        ("herstel", "undo"),
        ("einde", "end"),
    ]

    static func script(_ pick: ((dutch: String, english: String)) -> String) -> String {
        lines.map(pick).joined(separator: "\n") + "\n"
    }

    /// What each language's run must and must not say: the log is Dutch
    /// throughout, with none of the English replies' words.
    static let english = [
        "error:", "Item ", "Session file", "joined", "participant", "entries", "entry", " under ", "Lesson ", "Undone", "Meeting ", "Type 'help'",
        "planned", "(not a command)", " by ", "Usage:", "queue", "Floor", "Unknown command", "No such", "There is no", "Closed ", "Write the report",
        "Example:", "moved", "deleted", "edited", "already", "inbox is empty", "Room moderated", "minutes",
    ]
    static let dutch = [
        "fout: ", "Punt 3/6", "doet mee", "Sessiebestand: nl.jsonl", "(geen commando)", "Ongedaan gemaakt: ", "Bijeenkomst beëindigd na ",
        "Gebruik: ", "2 deelnemers uit 2 landen", "#2 citaat van Marije Vos, onder \"Zoek de mensen, niet de organisatie\"", "Voorbeeld: ",
        "5 bijdragen", "1 bijdrage", "Onbekend commando 'notte'", "De inbox is leeg.", "Zaal gemodereerd", "staat op de lijst",
        "Het woord is aan Stef Steyaert", "Dit is het eerste punt.", "Schrijf het verslag met: rollingstone report nl.jsonl -o nl.md",
    ]

    @Test func aDutchMeetingTypedInDutchLogsOnlyDutch() async throws {
        let folder = try TemporaryFolder()
        let run = try await ScriptedRun.run(
            ["run", "--agenda", Self.agenda, "--session", "nl.jsonl"], input: Self.script(\.dutch), in: folder.url)
        #expect(run.status == 0, "\(run.errors)")
        let log = run.output + run.errors
        for phrase in Self.english {
            #expect(!log.contains(phrase), "English in the Dutch log: \(phrase)")
        }
        for phrase in Self.dutch {
            #expect(log.contains(phrase), "missing from the Dutch log: \(phrase)")
        }
        switch try GoldenFile(Self.golden).check(Data(log.utf8)) {
        case .matches: break
        case .recorded: Issue.record("recorded \(Self.golden.path); run again without RECORD_GOLDEN")
        case .differs: Issue.record("the log differs from \(Self.golden.lastPathComponent):\n\(log)")
        }
    }

    /// The English commands in the same Dutch meeting: the same replies,
    /// and the same session; with `--ui-lang en`, English replies and still
    /// the same session.
    @Test func theSameMeetingTypedInEnglishRecordsTheSameSession() async throws {
        let folder = try TemporaryFolder()
        let agenda = ["--agenda", Self.agenda]
        let dutch = try await ScriptedRun.run(["run"] + agenda + ["--session", "nl.jsonl"], input: Self.script(\.dutch), in: folder.url)
        let english = try await ScriptedRun.run(["run"] + agenda + ["--session", "en.jsonl"], input: Self.script(\.english), in: folder.url)
        let override = try await ScriptedRun.run(
            ["run", "--ui-lang", "en"] + agenda + ["--session", "ui.jsonl"], input: Self.script(\.english), in: folder.url)
        for run in [dutch, english, override] { #expect(run.status == 0, "\(run.errors)") }

        // Only the session's name differs between the two Dutch logs.
        #expect(english.output.replacingOccurrences(of: "en.jsonl", with: "nl.jsonl").replacingOccurrences(of: "en.md", with: "nl.md") == dutch.output)
        #expect(override.output.contains("Stef Steyaert joined (België, Lab van Troje). 1 participant from 1 country."), "\(override.output)")
        #expect(override.output.contains("error: Unknown command 'notte'. Did you mean 'note'?"))
        #expect(!override.output.contains("fout:"))

        let session = try Self.events(folder.url.appendingPathComponent("nl.jsonl"))
        #expect(session.count > 20)
        #expect(try Self.events(folder.url.appendingPathComponent("en.jsonl")) == session)
        #expect(try Self.events(folder.url.appendingPathComponent("ui.jsonl")) == session)
        // The report keeps the agenda's language whatever the REPL spoke.
        #expect(try String(contentsOf: folder.url.appendingPathComponent("ui.jsonl"), encoding: .utf8).contains("\"language\":\"nl\""))
    }

    /// The session's lines as JSON objects, without what only the clock
    /// sets or chance gives: each event's `at`, the header's `created` and `id`.
    static func events(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            let kept = object.filter { $0.key != "at" && $0.key != "created" && $0.key != "id" }
            return String(decoding: try JSONSerialization.data(withJSONObject: kept, options: [.sortedKeys]), as: UTF8.self)
        }
    }
}
