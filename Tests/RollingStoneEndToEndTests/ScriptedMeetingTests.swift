import Foundation
import RollingStoneAgenda
import RollingStoneCore
import RollingStoneJournal
import RollingStoneTestSupport
import SessionGenerator
import Testing

/// The built binary with a meeting piped in: what a script gets, and what
/// the session file holds afterwards, entry by entry.
@Suite struct ScriptedMeetingTests {
    static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static let script = """
        join Stéphanie Brüggemann, België, Buurtlab Gent, gastvrouw
        join Siobhan O'Neill, Ierland, Dublin Commons
        join Çağla Yılmaz, Nederland, GoudaBruist
        join Hannah Schröder, Duitsland, Stadtteilnetz Köln
        next
        lesson Zoek de mensen, niet de organisatie
        tip @stephanie Investeer in je contactpersoon bij de gemeente
        tip @siobhan Maak een smoelenboek van de instantie
        quote @cagla Wij zijn niet ergens tegen, wij zijn ergens vóór
        Dit is een losse notitie zonder commando
        next
        lesson Verkoop je ziel niet
        tip @hannah schroder Vraag cofinanciering, geen subsidie
        idea Een gemeenschapsfonds voor netwerken
        tip Dit wordt verwijderd
        next
        lesson Houd het vol
        tip @Çağla Yılmaz Vier kleine successen
        action @siobhan Verslag rondsturen
        edit #5 Vraag om cofinanciering, nooit om subsidie
        delete #7
        tip Dit wordt ongedaan gemaakt
        undo
        end

        """

    @Test func aWholeMeetingReplaysEntryByEntry() async throws {
        let folder = try TemporaryFolder()
        let agenda = Self.fixtures.appendingPathComponent("three-themes.yaml").path
        let run = try await ScriptedRun.run(["run", "--ui-lang", "en", "--agenda", agenda, "--session", "gent.jsonl"], input: Self.script, in: folder.url)
        #expect(run.status == 0, "\(run.errors)")
        #expect(!run.output.contains("error:"), "\(run.output)")
        // Output meant for a log: no prompts, no escape codes.
        #expect(!run.output.contains("] > "))
        #expect(!run.output.contains("\u{1B}"))
        #expect(run.output.contains("#1 tip by Stéphanie Brüggemann, under \"Zoek de mensen, niet de organisatie\""))
        #expect(run.output.contains("#4 note (not a command)"))

        let state = try SessionFile.read(at: folder.url.appendingPathComponent("gent.jsonl")).state
        #expect(state.hasEnded)
        #expect(state.participants.map(\.name) == ["Stéphanie Brüggemann", "Siobhan O'Neill", "Çağla Yılmaz", "Hannah Schröder"])
        #expect(state.participants.map(\.country) == ["BE", "IE", "NL", "DE"])
        #expect(state.lessons.map(\.title) == ["Zoek de mensen, niet de organisatie", "Verkoop je ziel niet", "Houd het vol"])
        #expect(state.lessons.map(\.item) == [1, 2, 3])

        struct Expected: Equatable {
            var number: Int, kind: EntryKind, text: String, participant: Int?, item: Int, lesson: Int?
        }
        let expected = [
            Expected(number: 1, kind: .tip, text: "Investeer in je contactpersoon bij de gemeente", participant: 1, item: 1, lesson: 1),
            Expected(number: 2, kind: .tip, text: "Maak een smoelenboek van de instantie", participant: 2, item: 1, lesson: 1),
            Expected(number: 3, kind: .quote, text: "Wij zijn niet ergens tegen, wij zijn ergens vóór", participant: 3, item: 1, lesson: 1),
            Expected(number: 4, kind: .note, text: "Dit is een losse notitie zonder commando", participant: nil, item: 1, lesson: 1),
            // #5 as edited; #7 deleted; #10 undone.
            Expected(number: 5, kind: .tip, text: "Vraag om cofinanciering, nooit om subsidie", participant: 4, item: 2, lesson: 2),
            Expected(number: 6, kind: .idea, text: "Een gemeenschapsfonds voor netwerken", participant: nil, item: 2, lesson: 2),
            Expected(number: 8, kind: .tip, text: "Vier kleine successen", participant: 3, item: 3, lesson: 3),
            Expected(number: 9, kind: .action, text: "Verslag rondsturen", participant: 2, item: 3, lesson: 3),
        ]
        let actual = state.entries.map {
            Expected(number: $0.number, kind: $0.kind, text: $0.text, participant: $0.participant, item: $0.item, lesson: $0.lesson)
        }
        #expect(actual.count == expected.count)
        for (got, want) in zip(actual, expected) {
            #expect(got == want)
        }
        #expect(state.nextEntryNumber == 11)
        #expect(state.currentItem == 3)
    }

    /// A resumed meeting says which lesson is still open, since what is
    /// captured next goes under it.
    @Test func aResumeNamesTheLessonStillOpen() async throws {
        let folder = try TemporaryFolder()
        let agenda = Self.fixtures.appendingPathComponent("three-themes.yaml").path
        let first = try await ScriptedRun.run(
            ["run", "--ui-lang", "en", "--agenda", agenda, "--session", "s.jsonl"],
            input: "next\nlesson Zoek de mensen\ntip Een tip\n", in: folder.url)
        #expect(first.status == 0, "\(first.errors)")
        let resumed = try await ScriptedRun.run(["run", "--ui-lang", "en", "--session", "s.jsonl"], input: "tip Nog een\n", in: folder.url)
        #expect(resumed.output.contains("Lesson \"Zoek de mensen\" is still open"), "\(resumed.output)")
        #expect(resumed.output.contains("#2 tip, under \"Zoek de mensen\""), "\(resumed.output)")

        let noLesson = try await ScriptedRun.run(
            ["run", "--ui-lang", "en", "--agenda", agenda, "--session", "t.jsonl"], input: "tip Een tip\n", in: folder.url)
        #expect(noLesson.status == 0)
        let again = try await ScriptedRun.run(["run", "--ui-lang", "en", "--session", "t.jsonl"], input: "", in: folder.url)
        #expect(!again.output.contains("is still open"))
    }
}
