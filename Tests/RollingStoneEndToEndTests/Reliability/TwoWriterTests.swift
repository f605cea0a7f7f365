import Foundation
import RollingStoneAgenda
import RollingStoneCore
import RollingStoneJournal
import RollingStoneTestSupport
import Testing

/// Two real processes on one session: the second is turned away at once and
/// says who holds the session; the first never notices; nothing is lost or
/// numbered twice.
@Suite struct TwoWriterTests {
    @Test func aSecondRunIsRefusedWhileTheFirstGoesOn() async throws {
        let folder = try TemporaryFolder()
        let first = try LiveRun(["run", "--session", "s.jsonl"], in: folder.url)
        first.send("join Ann de Vries, NL")
        #expect(first.waitForLine { $0.hasPrefix("Ann de Vries joined") } != nil)
        first.send("tip Eerste tip")
        #expect(first.waitForLine { $0.hasPrefix("#1 tip") } != nil)

        // The second one must not wait for the lock: it is refused at once.
        // Its input stays open, so only the refusal can end it. Timed from
        // spawn to exit with blocking calls, not through tasks that a busy
        // test run could keep waiting.
        let started = ContinuousClock.now
        let second = try LiveRun(["run", "--session", "s.jsonl"], in: folder.url)
        second.send("tip Van de tweede")
        second.process.waitUntilExit()
        let waited = ContinuousClock.now - started
        let errors = second.errors
        #expect(second.process.terminationStatus != 0)
        // A hang guard, not a speed test: the lock is never waited for, so
        // anything near this means something else went wrong.
        // A hang guard only: the second writer must be refused, not left waiting for the lock.
        #expect(waited < .seconds(120), "no refusal after \(waited)")
        #expect(errors.contains("the session is open in another rollingstone"), "\(errors)")
        #expect(errors.contains("process \(first.pid) since "), "\(errors)")
        #expect(errors.contains("report can still read it"), "\(errors)")
        #expect(!second.drainAfterExit().contains { $0.hasPrefix("#") }, "the second run acknowledged something")
        print("TwoWriterTests: second writer refused in \(waited) with: \(errors.trimmingCharacters(in: .whitespacesAndNewlines))")

        // Reading while the meeting runs is fine.
        let report = try await ScriptedRun.run(["report", "s.jsonl"], in: folder.url)
        #expect(report.status == 0, "\(report.errors)")
        #expect(report.errors.isEmpty, "\(report.errors)")

        // The first goes on as if nothing happened.
        first.send("tip Tweede tip")
        #expect(first.waitForLine { $0.hasPrefix("#2 tip") } != nil)
        #expect(first.finish() == 0, "\(first.errors)")

        let file = try SessionFile.read(at: folder.url.appendingPathComponent("s.jsonl"))
        #expect(file.tornTail == nil)
        #expect(file.state.entries.map(\.text) == ["Eerste tip", "Tweede tip"])
        #expect(file.state.participants.map(\.name) == ["Ann de Vries"])
        #expect(file.eventCount == file.state.lastSequence)
    }

    /// Both started at the same moment on a session that does not exist yet,
    /// both kept open: one gets it, the other is refused, whichever it is.
    @Test func twoRunsStartedTogetherNeverShareASession() async throws {
        let rounds = 15
        let summary = try await onOwnThread { () -> (refused: Int, problems: [String]) in
            var refused = 0
            var problems: [String] = []
            for round in 1...rounds {
                guard let folder = try? TemporaryFolder() else { return (refused, ["no temporary folder"]) }
                let runs = try [
                    LiveRun(["run", "--session", "race.jsonl"], in: folder.url),
                    LiveRun(["run", "--session", "race.jsonl"], in: folder.url),
                ]
                // Each sends its captures at once; a refused one never reads them.
                for (index, run) in runs.enumerated() {
                    for capture in 1...5 { run.send("tip run \(index) tip \(capture)") }
                }
                // Neither input is closed until both have answered or given up,
                // so the winner holds the session while the other tries.
                var acknowledged: [Int: [Int]] = [:]
                for (index, run) in runs.enumerated() {
                    var numbers: [Int] = []
                    while numbers.count < 5, let reply = run.waitForLine(timeout: .seconds(20), where: { $0.hasPrefix("#") }) {
                        numbers.append(Int(reply.dropFirst().prefix { $0.isNumber }) ?? -1)
                    }
                    acknowledged[index] = numbers
                }
                let statuses = runs.map { $0.finish() }
                let winners = runs.indices.filter { statuses[$0] == 0 && acknowledged[$0]?.count == 5 }
                let losers = runs.indices.filter { statuses[$0] != 0 && acknowledged[$0]?.isEmpty == true }
                guard winners.count == 1, losers.count == 1 else {
                    problems.append("round \(round): statuses \(statuses), acknowledged \(acknowledged), errors: \(runs.map { $0.errors })")
                    continue
                }
                let message = runs[losers[0]].errors
                // Either the winner already held the lock, or it created the file first.
                if !message.contains("open in another rollingstone (process \(runs[winners[0]].pid) since")
                    && !message.contains("already exists")
                {
                    problems.append("round \(round): unclear refusal: \(message)")
                }
                refused += 1
                do {
                    let file = try SessionFile.read(at: folder.url.appendingPathComponent("race.jsonl"))
                    let expected = (1...5).map { "run \(winners[0]) tip \($0)" }
                    if file.state.entries.map(\.text) != expected { problems.append("round \(round): entries \(file.state.entries.map(\.text))") }
                    if file.state.entries.map(\.number) != [1, 2, 3, 4, 5] { problems.append("round \(round): numbers \(file.state.entries.map(\.number))") }
                    if file.eventCount != file.state.lastSequence || file.tornTail != nil { problems.append("round \(round): sequence or tail") }
                } catch {
                    problems.append("round \(round): \(error)")
                }
            }
            return (refused, problems)
        }
        print("TwoWriterTests: \(rounds) races of two writers on a new session: \(summary.refused) second writers refused, \(summary.problems.count) problems")
        for problem in summary.problems { Issue.record(Comment(rawValue: problem)) }
        #expect(summary.refused == rounds)
    }
}
