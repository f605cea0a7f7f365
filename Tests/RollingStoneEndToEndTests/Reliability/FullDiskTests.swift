import Foundation
import RollingStoneAgenda
import RollingStoneCore
import RollingStoneJournal
import RollingStoneTestSupport
import Testing

/// A real "disk full": the binary runs under `prlimit --fsize=N`, so the
/// kernel refuses to let the session file grow past N bytes (EFBIG), just as
/// a full file system refuses with ENOSPC, through the same write path.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit"), "needs util-linux's prlimit"))
struct FullDiskTests {
    static let prlimit = "/usr/bin/prlimit"

    /// A new session with one entry; its size in bytes.
    private func startSession(in folder: TemporaryFolder) async throws -> UInt64 {
        let setup = try await ScriptedRun.run(["run", "--session", "s.jsonl"], input: "tip Voor de limiet\n", in: folder.url)
        #expect(setup.status == 0, "\(setup.errors)")
        return try #require(FileManager.default.attributesOfItem(atPath: folder.path("s.jsonl"))[.size] as? UInt64)
    }

    @Test func aCaptureThatDoesNotFitIsNotSavedAndNothingLaterClaimsIt() async throws {
        let folder = try TemporaryFolder()
        let size = try await startSession(in: folder)
        let line = String(repeating: "x", count: 300)
        // The same meeting without a limit tells how long its lines are: the
        // limit leaves room for three captures and half of a fourth.
        let calibration = try TemporaryFolder()
        _ = try await startSession(in: calibration)
        let three = try await ScriptedRun.run(
            ["run", "--session", "s.jsonl"],
            input: (1...3).map { "tip vol \($0) \(line)\n" }.joined(), in: calibration.url)
        #expect(three.status == 0, "\(three.errors)")
        let lines = try Data(contentsOf: calibration.url.appendingPathComponent("s.jsonl")).split(separator: 0x0A)
        let afterThree = UInt64(lines.reduce(0) { $0 + $1.count + 1 })
        let limit = afterThree + UInt64(lines.last!.count / 2)
        #expect(size == UInt64(lines[0].count + lines[1].count + lines[2].count + 3), "both sessions start alike")
        let run = try LiveRun(["run", "--session", "s.jsonl"], in: folder.url, wrapper: [Self.prlimit, "--fsize=\(limit)"])

        var replies: [String] = []
        func reply(to command: String) -> String {
            run.send(command)
            let answer = run.waitForLine { $0.hasPrefix("#") || $0.hasPrefix("error:") } ?? "(no reply: \(run.errors))"
            replies.append(answer)
            return answer
        }
        for number in 1...3 {
            #expect(reply(to: "tip vol \(number) \(line)").hasPrefix("#\(number + 1) tip"))
        }
        let refused = reply(to: "tip vol 4 \(line)")
        #expect(refused.hasPrefix("error: Not saved: write failed: File too large"), "\(refused)")
        // Still full: the same again is refused again, never half-kept.
        #expect(reply(to: "tip vol 5 \(line)").contains("Not saved"))
        // A short one still fits and takes the number the refused one did not use.
        #expect(reply(to: "tip kort").hasPrefix("#5 tip"))
        run.send("list all")
        let listing = run.waitForLine { $0.contains("kort") } ?? ""
        #expect(run.finish() == 0, "\(run.errors)")
        #expect(!listing.contains("vol 4"))
        print("FullDiskTests: limit \(limit) bytes: \(replies.map { $0.prefix(60) })")

        let file = try SessionFile.read(at: folder.url.appendingPathComponent("s.jsonl"))
        #expect(file.tornTail == nil)
        #expect(file.state.entries.map { String($0.text.prefix(5)) } == ["Voor ", "vol 1", "vol 2", "vol 3", "kort"])
        #expect(file.state.entries.map(\.number) == [1, 2, 3, 4, 5])
        let onDisk = try #require(FileManager.default.attributesOfItem(atPath: folder.path("s.jsonl"))[.size] as? UInt64)
        #expect(onDisk <= limit)
    }

    @Test func aSessionThatCannotEvenRecordOpeningIsRefusedUnchanged() async throws {
        let folder = try TemporaryFolder()
        let size = try await startSession(in: folder)
        let before = try Data(contentsOf: folder.url.appendingPathComponent("s.jsonl"))
        let run = try LiveRun(["run", "--session", "s.jsonl"], in: folder.url, wrapper: [Self.prlimit, "--fsize=\(size)"])
        run.send("tip Dit kan niet")
        let status = run.finish()
        #expect(status == 1)
        #expect(run.errors.contains("not saved: write failed: File too large"), "\(run.errors)")
        #expect(run.drainAfterExit().allSatisfy { !$0.hasPrefix("#") })
        #expect(try Data(contentsOf: folder.url.appendingPathComponent("s.jsonl")) == before)
    }
}
