import Foundation
import RollingStoneTestSupport
import Testing

/// Hosts share one archive by making the sessions folder a git repository
/// (docs/archive.md): one append-only file per meeting merges without
/// conflicts and needs no server.
@Suite struct SharedArchiveTests {
    /// `git ARGUMENTS` in `folder`, with an identity of its own so no
    /// machine configuration is needed; the test fails on a bad exit.
    static func git(_ arguments: [String], in folder: URL) throws -> String {
        let identity = ["-c", "user.name=Host", "-c", "user.email=host@example.org", "-c", "init.defaultBranch=main", "-c", "pull.rebase=false"]
        let run = try ExternalProgram.run(URL(fileURLWithPath: "/usr/bin/env"), ["git", "-C", folder.path] + identity + arguments)
        #expect(run.status == 0, "git \(arguments): \(run.errors)")
        return String(decoding: run.output, as: UTF8.self)
    }

    static func agenda(_ number: Int, host: String) -> String {
        """
        title: Bijeenkomst \(number)
        series: RollingStone
        number: \(number)
        date: 2012-0\(number + 5)-12
        language: nl
        host:
          name: \(host)
        items:
          - title: Trekkracht aan instanties
            minutes: 30
            theme: true

        """
    }

    @Test func twoHostsAddAMeetingEachAndOnePullsTheOther() async throws {
        let folder = try TemporaryFolder()
        let gouda = folder.file("gouda")
        let leiden = folder.file("leiden")
        try FileManager.default.createDirectory(at: gouda.appendingPathComponent("sessions"), withIntermediateDirectories: true)
        _ = try Self.git(["init", "-q"], in: gouda)
        try Data("Sessies van de RollingStone-reeks.\n".utf8).write(to: gouda.appendingPathComponent("sessions/README"))
        // The index is each laptop's own, made from the files (docs/archive.md).
        try Data(".rollingstone-index.sqlite*\n".utf8).write(to: gouda.appendingPathComponent("sessions/.gitignore"))
        _ = try Self.git(["add", "."], in: gouda)
        _ = try Self.git(["commit", "-q", "-m", "De reeks begint"], in: gouda)
        _ = try Self.git(["clone", "-q", gouda.path, leiden.path], in: folder.url)

        for (clone, number, host, tip) in [
            (gouda, 1, "GoudaBruist", "Begin bij de buren"), (leiden, 2, "Stadslab Leiden", "Zoek de mensen achter het loket"),
        ] {
            // Agendas live outside the shared folder; only sessions are shared.
            let agenda = folder.file("rs\(number).yaml")
            try Data(Self.agenda(number, host: host).utf8).write(to: agenda)
            let run = try await ScriptedRun.run(
                ["run", "--agenda", agenda.path, "--session", "sessions/rs\(number).jsonl"],
                input: "tip \(tip)\nactie Volgende keer meer koffie\neinde\n", in: clone)
            #expect(run.status == 0, "\(run.output)")
            _ = try Self.git(["add", "sessions/rs\(number).jsonl"], in: clone)
            _ = try Self.git(["commit", "-q", "-m", "RollingStone \(number)"], in: clone)
        }
        // Leiden's index knows its own meeting only, then pulls Gouda's: a
        // merge of two new files, no conflict, and the index takes it in.
        let before = try await ScriptedRun.run(["search", "buren"], in: leiden)
        #expect(before.output.hasPrefix("Nothing found"), "\(before.output)")
        _ = try Self.git(["pull", "-q", "--no-edit", "origin", "main"], in: leiden)
        #expect(try Self.git(["status", "--porcelain"], in: leiden).isEmpty)
        let after = try await ScriptedRun.run(["search", "buren"], in: leiden)
        #expect(after.output.contains("tip: \"Begin bij de buren\""), "\(after.output)")
        #expect(after.output.contains("RollingStone 1, 2012-06-12, GoudaBruist"), "\(after.output)")

        let digest = try await ScriptedRun.run(["digest"], in: leiden)
        #expect(digest.status == 0, "\(digest.errors)")
        #expect(digest.output.contains("Uit 2 bijeenkomsten: RollingStone 1 en RollingStone 2."), "\(digest.output)")
        #expect(digest.output.contains("- Begin bij de buren") && digest.output.contains("- Zoek de mensen achter het loket"))
        #expect(try Self.git(["status", "--porcelain"], in: leiden).isEmpty, "the index is not for git")
        // And the next meeting in Leiden sees Gouda's open action.
        try Data(Self.agenda(3, host: "Makassarplein").utf8).write(to: folder.file("rs3.yaml"))
        let third = try await ScriptedRun.run(
            ["run", "--agenda", folder.file("rs3.yaml").path, "--session", "sessions/rs3.jsonl"], input: "einde\n", in: leiden)
        #expect(third.output.contains("2 open acties van eerdere bijeenkomsten"), "\(third.output)")
        #expect(third.output.contains("  A1.2 Volgende keer meer koffie") && third.output.contains("  A2.2 Volgende keer meer koffie"))
    }
}
