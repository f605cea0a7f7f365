import Foundation
import RollingStoneJournal
import RollingStoneTestSupport
import Testing

/// Sessions on a FAT stick, for real: a FAT image made by `mkfs.vfat`,
/// mounted through FUSE by Debian's `fusefat`, where `link()` fails with
/// `EPERM` and `renameat2(RENAME_NOREPLACE)` with `EINVAL`, so a session is
/// written in place under its name (docs/reliability.md). `scripts/test`
/// installs fusefat and dosfstools.
@Suite(.serialized, .timeLimit(.minutes(5))) struct FATStickTests {
    /// A FAT image mounted at `folder`; unmounted when let go of.
    final class MountedStick {
        let folder: URL
        private let work: TemporaryFolder

        init() throws {
            work = try TemporaryFolder()
            let image = work.file("stick.img")
            folder = work.file("stick")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Self.run("mkfs.vfat", ["-C", image.path, "16384"])
            try Self.run("fusefat", ["-o", "rw+", image.path, folder.path])
            // fusefat returns once it serves the mount; look for it to be sure.
            let deadline = ContinuousClock.now + .seconds(20)
            while !Self.isMounted(folder) {
                guard ContinuousClock.now < deadline else { throw StickError("fusefat did not mount \(folder.path)") }
                usleep(20_000)
            }
        }

        deinit {
            try? Self.run("fusermount", ["-u", folder.path])
        }

        struct StickError: Error, CustomStringConvertible {
            var description: String
            init(_ description: String) { self.description = description }
        }

        static func isMounted(_ folder: URL) -> Bool {
            ((try? String(contentsOfFile: "/proc/mounts", encoding: .utf8)) ?? "").contains(" \(folder.path) fuse")
        }

        /// Runs `tool` (looked up on PATH, and in /usr/sbin and /sbin, where
        /// mkfs.vfat lives), output discarded; throws unless it succeeds.
        static func run(_ tool: String, _ arguments: [String]) throws {
            let path = ((ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin"])
                .map { URL(fileURLWithPath: $0).appendingPathComponent(tool) }
                .first { FileManager.default.isExecutableFile(atPath: $0.path) }
            guard let path else { throw StickError("\(tool) is not installed: run scripts/test, which installs fusefat and dosfstools") }
            // posix_spawn and waitpid, not Process: fusefat leaves a daemon behind, and Process was seen to wait for it.
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            // The daemon stays for the whole run: it must not keep other tests' pipes open.
            let closing = InheritedDescriptors.closeFromThree(&actions)
            guard closing == 0 else { throw StickError("posix_spawn_file_actions_addclosefrom_np: \(String(cString: strerror(closing)))") }
            let argv = ([path.path] + arguments).map { strdup($0) } + [nil]
            defer { for argument in argv { free(argument) } }
            var child = pid_t()
            let spawned = posix_spawn(&child, path.path, &actions, nil, argv, environ)
            guard spawned == 0 else { throw StickError("\(tool) did not start: \(String(cString: strerror(spawned)))") }
            var status: Int32 = 0
            while waitpid(child, &status, 0) < 0 && errno == EINTR {}
            guard status == 0 else { throw StickError("\(tool) \(arguments.joined(separator: " ")) failed (status \(status))") }
        }
    }

    /// Everything on the stick but the sessions folder's own name.
    private static func names(on stick: MountedStick, in subfolder: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: stick.folder.appendingPathComponent(subfolder).path).sorted()
    }

    @Test func aMeetingIsCreatedResumedAndReportedOnAFATStick() async throws {
        let stick = try MountedStick()
        let here = stick.folder
        let first = try await ScriptedRun.run(
            ["run", "--session", "stick.jsonl"], input: "join Stef Steyaert, BE\ntip @stef Op de stick bewaard\nend\n", in: here)
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.contains("#1 tip by Stef Steyaert"))
        #expect(try Self.names(on: stick) == ["stick.jsonl"], "no temporary, reservation or note is left on the stick")

        let again = try await ScriptedRun.run(["run", "--session", "stick.jsonl"], input: "tip Nog een tip\nend\n", in: here)
        #expect(again.status == 0, "\(again.errors)")
        let file = try SessionFile.read(at: here.appendingPathComponent("stick.jsonl"))
        #expect(file.tornTail == nil && file.state.entries.map(\.text) == ["Op de stick bewaard", "Nog een tip"])

        let report = try await ScriptedRun.run(["report", "stick.jsonl"], in: here)
        #expect(report.status == 0 && report.output.contains("Op de stick bewaard"), "\(report.errors)")

        // Two new meetings on the same agenda the same day: the second gets a name of its own.
        let one = try await ScriptedRun.run(["run"], input: "tip Eerste\nend\n", in: here)
        let before = try Self.names(on: stick, in: "sessions")
        let firstBytes = try before.map { try Data(contentsOf: here.appendingPathComponent("sessions/" + $0)) }
        let two = try await ScriptedRun.run(["run"], input: "tip Tweede\nend\n", in: here)
        #expect(one.status == 0 && two.status == 0, "\(one.errors) \(two.errors)")
        let after = try Self.names(on: stick, in: "sessions")
        #expect(before.count == 1 && after.count == 2, "sessions: \(before) then \(after)")
        #expect(try before.map { try Data(contentsOf: here.appendingPathComponent("sessions/" + $0)) } == firstBytes, "the first was not touched")
    }

    /// SIGKILL around the moment a session is created on the stick: each
    /// file is then missing, whole, or empty (killed between creating and
    /// writing), which the next `run` on that name takes over; every one opens.
    @Test func killsWhileCreatingOnAFATStickLeaveNothingUnusable() async throws {
        let stick = try MountedStick()
        let here = stick.folder
        let outcomes = try await onOwnThread { () throws -> [String: String] in
            let probe = try LiveRun(["run", "--session", "probe.jsonl"], in: here)
            let started = ContinuousClock.now
            _ = probe.nextLine()
            let startup = ContinuousClock.now - started
            _ = probe.finish()
            let microseconds = Int(startup.components.seconds * 1_000_000 + startup.components.attoseconds / 1_000_000_000_000)
            var random = SystemRandomNumberGenerator()
            var outcomes: [String: String] = [:]
            for index in 0..<16 {
                let name = "kill-\(index).jsonl"
                let run = try LiveRun(["run", "--session", name], in: here)
                usleep(UInt32(Int.random(in: microseconds / 2...max(microseconds / 2 + 1, microseconds * 5 / 4), using: &random)))
                _ = run.killNow()
                let url = here.appendingPathComponent(name)
                let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? UInt64) ?? nil
                switch size {
                case nil: outcomes[name] = "missing"
                case 0: outcomes[name] = "empty"
                default: outcomes[name] = (try? SessionFile.read(at: url)).map { _ in "whole" } ?? "unreadable"
                }
            }
            return outcomes
        }
        #expect(!outcomes.values.contains("unreadable"), "\(outcomes)")
        for (name, outcome) in outcomes where outcome != "missing" {
            let opened = try await ScriptedRun.run(["run", "--session", name], input: "end\n", in: here)
            #expect(opened.status == 0, "\(name) (\(outcome)): \(opened.errors)")
        }
        let leftovers = try Self.names(on: stick).filter { $0.hasSuffix(".creating") }
        #expect(leftovers.isEmpty, "temporaries the next runs did not clear: \(leftovers)")
        print("FATStickTests: 16 kills around creation on fusefat: \(outcomes.values.sorted())")
    }
}
