import Foundation
import RollingStoneAgenda
import RollingStoneCore
import RollingStoneJournal
import RollingStoneTestSupport
import Testing

/// Mistakes a facilitator makes, through the built binary: each gets a clear
/// message and nothing is captured.
@Suite struct CommandLineErrorTests {
    static let fixtures = ScriptedMeetingTests.fixtures

    @Test func mistakesAtThePromptCaptureNothing() async throws {
        let folder = try TemporaryFolder()
        let script = """
            join Jan Jansen, NL
            join Jan Janssen, Nederland
            join Bob Brown, Atlantis
            notte dit is een typfout
            tip @ja Wie bedoel ik?
            tip @piet Niemand heet zo
            end

            """
        let run = try await ScriptedRun.run(["run", "--session", "s.jsonl"], input: script, in: folder.url)
        #expect(run.status == 0)
        let errors = run.output.split(separator: "\n").filter { $0.hasPrefix("error: ") }
        #expect(errors.count == 4, "\(run.output)")
        #expect(run.output.contains("error: Unknown country 'Atlantis'"))
        #expect(run.output.contains("error: Unknown command 'notte'. Did you mean 'note'?"))
        #expect(run.output.contains("error: '@ja' matches more than one participant: Jan Jansen, Jan Janssen."))
        #expect(run.output.contains("error: No participant matches '@piet' (participants: Jan Jansen, Jan Janssen)."))
        let state = try SessionFile.read(at: folder.url.appendingPathComponent("s.jsonl")).state
        #expect(state.entries.isEmpty)
        #expect(state.participants.count == 2)
    }

    /// A mistyped command is not taken for arguments of `run` (the default):
    /// it is named, the command meant suggested, and no meeting starts.
    @Test func aMistypedCommandIsNamedWithTheOneMeant() async throws {
        let folder = try TemporaryFolder()
        let typo = try await ScriptedRun.run(["reprot", "s.jsonl"], in: folder.url)
        #expect(typo.status == 64)
        #expect(typo.errors.contains("there is no command 'reprot'. Did you mean 'report'?"), "\(typo.errors)")
        #expect(!typo.errors.contains("unexpected argument"), "\(typo.errors)")
        let unknown = try await ScriptedRun.run(["xyzzy"], in: folder.url)
        #expect(
            unknown.status == 64
                && unknown.errors.contains(
                    "there is no command 'xyzzy'. The commands are 'run', 'report', 'digest', 'search', 'actions', 'people', 'forget', 'agenda'"),
            "\(unknown.errors)")
        // Options and real commands are argument-parser's to answer, as before.
        let option = try await ScriptedRun.run(["run", "extra"], in: folder.url)
        #expect(option.status == 64 && option.errors.contains("Unexpected argument 'extra'"), "\(option.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty, "no session was created")
    }

    @Test func aBrokenAgendaNamesFileLineAndColumn() async throws {
        let folder = try TemporaryFolder()
        let agenda = Self.fixtures.appendingPathComponent("broken-agenda.yaml").path
        let check = try await ScriptedRun.run(["agenda", "check", agenda], in: folder.url)
        #expect(check.status == 1)
        #expect(check.errors.hasPrefix("\(agenda):4:5: error: unknown key 'minuts'"), "\(check.errors)")
        let run = try await ScriptedRun.run(["run", "--agenda", agenda], input: "end\n", in: folder.url)
        #expect(run.status == 1)
        #expect(run.errors == check.errors)
        // Nothing was started.
        #expect(!FileManager.default.fileExists(atPath: folder.path("sessions")))
    }

    @Test func aGoodAgendaIsSummarised() async throws {
        let folder = try TemporaryFolder()
        let agenda = Self.fixtures.appendingPathComponent("three-themes.yaml").path
        let check = try await ScriptedRun.run(["agenda", "check", agenda], in: folder.url)
        #expect(check.status == 0)
        #expect(check.output == "\(agenda): ok — \"Drie thema's in Gent\", 5 items (3 themes), 110 min planned\n")
    }

    @Test func anExistingSessionIsResumedNeverOverwritten() async throws {
        let folder = try TemporaryFolder()
        _ = try await ScriptedRun.run(["run", "--session", "s.jsonl"], input: "join Ann Smith, GB\ntip @ann Eerste\n", in: folder.url)
        let second = try await ScriptedRun.run(["run", "--session", "s.jsonl"], input: "tip @ann Tweede\nend\n", in: folder.url)
        #expect(second.output.hasPrefix("Resumed s.jsonl:"), "\(second.output)")
        #expect(second.output.contains("1 participant, 1 entry."))
        let state = try SessionFile.read(at: folder.url.appendingPathComponent("s.jsonl")).state
        #expect(state.entries.map(\.text) == ["Eerste", "Tweede"])
        // Two new meetings on the same day get two files.
        _ = try await ScriptedRun.run([], input: "end\n", in: folder.url)
        let again = try await ScriptedRun.run([], input: "end\n", in: folder.url)
        #expect(again.output.contains("A session from today already exists"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path("sessions")).sorted()
        #expect(files.count == 2)
        #expect(files.filter { $0.hasSuffix("-2.jsonl") }.count == 1)
    }
}
