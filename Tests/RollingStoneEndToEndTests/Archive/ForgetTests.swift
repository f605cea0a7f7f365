import Foundation
import RollingStoneTestSupport
import SessionGenerator
import Testing

/// `rollingstone forget NAME` through the built binary: the person is gone
/// from every session, everything else is as it was, a session open in a
/// running meeting is left alone, running it again changes nothing, and a
/// kill at any moment leaves every file whole.
@Suite struct ForgetTests {
    static let agenda = """
        title: Bijeenkomst 1
        series: RollingStone
        number: 1
        date: 2012-06-12
        language: nl
        organiser:
          name: Wout Claes
          contact: wout@example.org
        items:
          - title: Welkom
            minutes: 10

        """

    @Test func aPersonIsForgottenEverywhereOnceAndTheRestStays() async throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(at: folder.file("sessions"), withIntermediateDirectories: true)
        try Data(Self.agenda.utf8).write(to: folder.file("a.yaml"))
        let script = """
            deelnemer Wout Claes, BE, Gent Samen, bruggenbouwer, wout@example.org
            deelnemer Femke Visser, NL, GoudaBruist
            tip @wout Zie de gemeente als medefinancier
            actie @wout Contact leggen met Delft
            einde

            """
        for name in ["rs1", "rs1-kopie"] {
            let run = try await ScriptedRun.run(["run", "--agenda", "a.yaml", "--session", "sessions/\(name).jsonl"], input: script, in: folder.url)
            #expect(run.status == 0, "\(run.output)")
        }
        // A meeting without him, organised by someone else.
        try Data(Self.agenda.replacingOccurrences(of: "Wout Claes", with: "Anouk Jansen").utf8).write(to: folder.file("b.yaml"))
        let other = try await ScriptedRun.run(
            ["run", "--agenda", "b.yaml", "--session", "sessions/rs0.jsonl"], input: "deelnemer Femke Visser, NL\neinde\n", in: folder.url)
        #expect(other.status == 0)
        let before = try Data(contentsOf: folder.file("sessions/rs1.jsonl"))
        let untouched = try Data(contentsOf: folder.file("sessions/rs0.jsonl"))

        // A meeting is running on the copy: that file is left alone, and said so.
        let running = try LiveRun(["run", "--session", "sessions/rs1-kopie.jsonl"], in: folder.url)
        #expect(running.waitForLine { $0.contains("Verder met") } != nil)
        let first = try await ScriptedRun.run(["forget", "wout", "claes"], in: folder.url)
        #expect(first.status == 1, "one session could not be done: \(first.output)")
        #expect(first.output.contains("sessions/rs0.jsonl: unchanged"))
        #expect(first.output.contains("sessions/rs1.jsonl: rewritten, 2 lines without them"), "\(first.output)")
        #expect(first.output.contains("sessions/rs1-kopie.jsonl: not changed: a running meeting has it open"))
        running.send("einde")
        #expect(running.finish() == 0)

        let second = try await ScriptedRun.run(["forget", "Wout Claes"], in: folder.url)
        #expect(second.status == 0, "\(second.output)")
        #expect(second.output.contains("sessions/rs1-kopie.jsonl: rewritten"))
        #expect(second.output.contains("sessions/rs1.jsonl: unchanged"), "forgotten once is forgotten")

        for name in ["rs1", "rs1-kopie"] {
            let text = try String(contentsOf: folder.file("sessions/\(name).jsonl"), encoding: .utf8)
            for secret in ["Wout", "Claes", "Gent Samen", "bruggenbouwer", "wout@example.org"] {
                #expect(!text.contains(secret), "\(secret) still in \(name)")
            }
            #expect(text.contains("Femke Visser") && text.contains("Zie de gemeente als medefinancier"))
        }
        // Lines that did not name him are byte for byte what they were.
        let after = try Data(contentsOf: folder.file("sessions/rs1.jsonl"))
        let changed = zip(before.split(separator: 0x0A), after.split(separator: 0x0A)).filter { $0 != $1 }.count
        #expect(changed == 2, "the header (organiser) and his join")
        #expect(try Data(contentsOf: folder.file("sessions/rs0.jsonl")) == untouched)
        // The session still replays: its report names N.N.
        let report = try await ScriptedRun.run(["report", "sessions/rs1.jsonl"], in: folder.url)
        #expect(report.status == 0)
        #expect(report.output.contains("- Zie de gemeente als medefinancier — N.N., België"), "\(report.output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("sessions")).allSatisfy { !$0.contains("forgetting") })
    }

    /// Killed at random moments while it rewrites large sessions: each file
    /// is afterwards exactly the old one, or a whole new one without the person.
    @Test func aKillLeavesEachFileOldOrNew() async throws {
        let folder = try TemporaryFolder()
        let sessions = folder.file("sessions")
        try FileManager.default.createDirectory(at: sessions, withIntermediateDirectories: true)
        var originals: [String: Data] = [:]
        for index in 0..<4 {
            let url = sessions.appendingPathComponent("g\(index).jsonl")
            try SessionGenerator(entries: 15_000, seed: UInt64(index)).write(to: url)
            originals[url.lastPathComponent] = try Data(contentsOf: url)
        }
        // How long a whole run takes here, so the kills spread over all of it
        // (what this measures is where the kills land, never a limit).
        let start = ContinuousClock.now
        let whole = try LiveRun(["forget", "Marije de Vries"], in: folder.url)
        #expect(whole.finish() == 0)
        let (seconds, attoseconds) = (ContinuousClock.now - start).components
        let span = Double(seconds) + Double(attoseconds) / 1e18
        var outcomes: [String: Int] = ["old": 0, "new": 0]
        for kill in 0..<12 {
            for (name, data) in originals { try data.write(to: sessions.appendingPathComponent(name)) }
            let run = try LiveRun(["forget", "Marije de Vries"], in: folder.url)
            usleep(UInt32(span * 1.1 * Double(kill) / 11 * 1_000_000))
            _ = run.killNow()
            for (name, data) in originals {
                let now = try Data(contentsOf: sessions.appendingPathComponent(name))
                if now == data {
                    outcomes["old", default: 0] += 1
                } else {
                    outcomes["new", default: 0] += 1
                    #expect(String(decoding: now, as: UTF8.self).range(of: "Marije de Vries") == nil, "\(name) is half rewritten")
                    let report = try await ScriptedRun.run(["report", "sessions/\(name)"], in: folder.url)
                    #expect(report.status == 0, "\(name) no longer reads: \(report.errors)")
                }
            }
        }
        print("ForgetTests: 12 kills over \(Int(span * 1000)) ms of forgetting in 4 sessions of 15,000 entries: \(outcomes)")
        #expect(outcomes.values.reduce(0, +) == 48)
    }
}
