import Foundation
import RollingStoneJournal
import RollingStoneTestSupport
import Testing

/// The note `<session>.lock` names the process writing a session. A meeting
/// killed with SIGKILL cannot remove it; the next `report` of that session,
/// or the next `run` in its folder, does, once its process is gone, and
/// nothing about it reaches the user.
@Suite(.timeLimit(.minutes(2))) struct StaleLockNoteTests {
    /// A meeting on `name` in `folder` with one tip, killed once the tip is acknowledged.
    private static func killedMeeting(_ name: String, in folder: URL) async throws {
        let acknowledged = try await onOwnThread {
            let run = try LiveRun(["run", "--session", name], in: folder)
            run.send("tip Voor de stroomuitval")
            let acknowledged = run.waitForLine { $0.contains("#1 tip") }
            _ = run.killNow()
            return acknowledged
        }
        #expect(acknowledged != nil, "the tip was not acknowledged before the kill")
    }

    private static func note(_ name: String, in folder: URL) -> String {
        folder.appendingPathComponent(name + ".lock").path
    }

    @Test func reportRemovesTheNoteOfAKilledMeeting() async throws {
        let folder = try TemporaryFolder()
        try await Self.killedMeeting("s.jsonl", in: folder.url)
        #expect(FileManager.default.fileExists(atPath: Self.note("s.jsonl", in: folder.url)), "the killed meeting left its note")

        let report = try await ScriptedRun.run(["report", "s.jsonl"], in: folder.url)
        #expect(report.status == 0 && report.output.contains("Voor de stroomuitval"))
        #expect(!report.errors.lowercased().contains("lock") && !report.output.lowercased().contains("lock"), "\(report.errors)")
        #expect(!FileManager.default.fileExists(atPath: Self.note("s.jsonl", in: folder.url)))
    }

    @Test func theNextRunInTheFolderRemovesItAndResumingWorks() async throws {
        let folder = try TemporaryFolder()
        try await Self.killedMeeting("oud.jsonl", in: folder.url)
        let other = try await ScriptedRun.run(["run", "--session", "nieuw.jsonl"], input: "end\n", in: folder.url)
        #expect(other.status == 0, "\(other.errors)")
        #expect(!FileManager.default.fileExists(atPath: Self.note("oud.jsonl", in: folder.url)))

        let resumed = try await ScriptedRun.run(["run", "--session", "oud.jsonl"], input: "list\nend\n", in: folder.url)
        #expect(resumed.status == 0 && resumed.output.contains("Voor de stroomuitval"), "\(resumed.errors)")
        #expect(!resumed.output.lowercased().contains("lock") && !resumed.errors.lowercased().contains("lock"))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasSuffix(".lock") || $0.hasSuffix(".creating") }
        #expect(left.isEmpty, "left in the folder: \(left)")
    }

    /// The note of a meeting that is still running stays, and still names it.
    @Test func aLiveMeetingsNoteStays() async throws {
        let folder = try TemporaryFolder()
        let url = folder.url
        let (acknowledged, note, pid) = try await onOwnThread { () throws -> (String?, String, Int32) in
            let run = try LiveRun(["run", "--session", "live.jsonl"], in: url)
            defer {
                run.send("end")
                _ = run.finish()
            }
            run.send("tip Nog bezig")
            let acknowledged = run.waitForLine { $0.contains("#1 tip") }
            SessionLockNote.removeIfStale(for: url.appendingPathComponent("live.jsonl"))
            SessionLockNote.removeStale(in: url)
            return (acknowledged, try String(contentsOfFile: Self.note("live.jsonl", in: url), encoding: .utf8), run.pid)
        }
        #expect(acknowledged != nil)
        #expect(note.hasPrefix("process \(pid) since "), "note: \(note)")
    }
}
