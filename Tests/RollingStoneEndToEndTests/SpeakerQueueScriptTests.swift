import Foundation
import RollingStoneCore
import RollingStoneJournal
import RollingStoneTestSupport
import Testing

/// The speaker queue through the built binary: used in a meeting, kept
/// across a resume and an end, and written up in the report.
@Suite struct SpeakerQueueScriptTests {
    @Test func theQueueSurvivesAResumeAndReachesTheReport() async throws {
        let folder = try TemporaryFolder()
        let agenda = ScriptedMeetingTests.fixtures.appendingPathComponent("three-themes.yaml").path
        let first = try await ScriptedRun.run(
            ["run", "--ui-lang", "en", "--agenda", agenda, "--session", "q.jsonl"],
            input: """
                join Lotte Vermeulen, NL
                join Stef Steyaert, BE
                join Jan Jansen, NL
                q time 3
                q+ @lotte
                q+ @stef ! over de agenda
                ack
                tip Zoek de wethouder op
                q+ @jan

                """, in: folder.url)
        #expect(first.status == 0, "\(first.errors)")
        #expect(!first.output.contains("error:"), "\(first.output)")
        #expect(first.output.contains("Floor: Stef Steyaert (point of order / direct reply), \"over de agenda\"; next: Lotte Vermeulen."))
        #expect(first.output.contains("#1 tip by Stef Steyaert (speaking), under"), "\(first.output)")
        // The script ran out: the meeting stays open, Stef still has the floor.

        let resumed = try await ScriptedRun.run(
            ["run", "--ui-lang", "en", "--session", "q.jsonl"], input: "q\nack\ntip Vier kleine successen\nend\n", in: folder.url)
        #expect(resumed.status == 0, "\(resumed.errors)")
        #expect(resumed.output.contains("Stef Steyaert has the floor; 2 speakers in the queue ('q' shows it)."), "\(resumed.output)")
        #expect(resumed.output.contains("Queue (2):\n  1.   Lotte Vermeulen\n  2.   Jan Jansen"), "\(resumed.output)")
        #expect(resumed.output.contains("Floor: Lotte Vermeulen; next: Jan Jansen."), "\(resumed.output)")
        #expect(resumed.output.contains("#2 tip by Lotte Vermeulen (speaking), under"), "\(resumed.output)")

        // Ended and opened again: the turns are over, Jan still waits.
        let reopened = try await ScriptedRun.run(["run", "--ui-lang", "en", "--session", "q.jsonl"], input: "q\n", in: folder.url)
        #expect(reopened.output.contains("1 speaker in the queue ('q' shows it, 'ack' gives the floor)."), "\(reopened.output)")
        #expect(reopened.output.contains("No one has the floor.\nQueue (1):\n  1.   Jan Jansen"), "\(reopened.output)")

        let state = try SessionFile.read(at: folder.url.appendingPathComponent("q.jsonl")).state
        #expect(state.speakers.turns.map(\.request.participant) == [2, 1])
        #expect(state.speakers.turns.allSatisfy { $0.ended != nil })
        #expect(state.speakers.secondsPerTurn == 180)
        #expect(state.entries.map(\.participant) == [2, 1])

        let report = try await ScriptedRun.run(["report", "q.jsonl"], in: folder.url)
        #expect(report.status == 0, "\(report.errors)")
        #expect(report.output.contains("## Spreekbeurten\n\n2 beurten, samen "), "\(report.output)")
        #expect(report.output.contains("Niet aan het woord geweest: Jan Jansen."), "\(report.output)")
    }
}
