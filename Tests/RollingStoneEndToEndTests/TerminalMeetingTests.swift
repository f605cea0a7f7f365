import Foundation
import RollingStoneAgenda
import RollingStoneCore
import RollingStoneJournal
import RollingStoneTestSupport
import Testing

/// The built binary on a pseudo-terminal, with readline active: what only a
/// person at a keyboard does.
@Suite(.serialized) struct TerminalMeetingTests {
    static let agenda = ScriptedMeetingTests.fixtures.appendingPathComponent("three-themes.yaml").path

    func start(_ arguments: [String], in folder: TemporaryFolder) throws -> PseudoTerminal {
        try PseudoTerminal(
            executable: BuiltProduct.url("rollingstone"),
            arguments: arguments,
            environment: ["HOME": folder.url.path, "XDG_STATE_HOME": folder.path("state"), "PATH": "/usr/bin:/bin"],
            workingDirectory: folder.url)
    }

    @Test func acknowledgedCapturesSurviveSIGKILLAndTheMeetingResumes() throws {
        let folder = try TemporaryFolder()
        let terminal = try start(["run", "--ui-lang", "en", "--agenda", Self.agenda, "--session", "s.jsonl"], in: folder)
        _ = try terminal.waitFor("[1/5 Welkom 0/10m] > ")
        try terminal.enter("join Hannah Schröder, Duitsland, Stadtteilnetz Köln", expecting: "Hannah Schröder joined")
        try terminal.enter("join Stef Steyaert, BE, Lab van Troje", expecting: "Stef Steyaert joined")
        try terminal.enter("next", expecting: "Item 2/5: Trekkracht aan instanties")
        try terminal.enter("lesson Zoek de mensen", expecting: "opened under")

        // Tab completes the participant's full name after `@`.
        try terminal.send("tip @Han\t")
        _ = try terminal.waitFor("tip @Hannah Schröder ")
        try terminal.enter("Investeer in je contactpersoon", expecting: "#1 tip by Hannah Schröder, under \"Zoek de mensen\"")
        try terminal.send("quote @st\t")
        _ = try terminal.waitFor("Steyaert ")
        try terminal.send("Wij zijn ergens vóór\r")
        _ = try terminal.waitFor("#2 quote by Stef Steyaert")
        // Killed the moment the last capture was acknowledged.
        terminal.kill(signal: SIGKILL)
        let ended = try terminal.waitForExit()
        #expect(ended == .signaled(SIGKILL))

        let resumed = try start(["run", "--ui-lang", "en", "--session", "s.jsonl"], in: folder)
        _ = try resumed.waitFor("Resumed s.jsonl")
        _ = try resumed.waitFor("at item 2/5 \"Trekkracht aan instanties\", 2 participants, 2 entries.")
        _ = try resumed.waitFor("] > ")
        try resumed.enter("list", expecting: "#2 quote by Stef Steyaert [Zoek de mensen]: Wij zijn ergens vóór")
        try resumed.send("end\r")
        _ = try resumed.waitFor("Meeting ended")
        try resumed.waitForExit()

        let state = try SessionFile.read(at: folder.url.appendingPathComponent("s.jsonl")).state
        #expect(state.entries.map(\.text) == ["Investeer in je contactpersoon", "Wij zijn ergens vóór"])
        #expect(state.participants.map(\.name) == ["Hannah Schröder", "Stef Steyaert"])
        #expect(state.currentItem == 1)
        #expect(state.hasEnded)
    }

    @Test func ctrlCClearsTheLineAndCtrlDEndsTheMeeting() throws {
        let folder = try TemporaryFolder()
        let terminal = try start(["run", "--ui-lang", "en", "--agenda", Self.agenda, "--session", "s.jsonl"], in: folder)
        _ = try terminal.waitFor("] > ")
        try terminal.send("note dit wil ik niet bewaren")
        _ = try terminal.waitFor("niet bewaren")
        try terminal.send("\u{03}")
        _ = try terminal.waitFor("] > ")
        try terminal.enter("note dit wel", expecting: "#1 note")
        try terminal.send("\u{04}")
        _ = try terminal.waitFor("Meeting ended")
        let ended = try terminal.waitForExit()
        #expect(ended == .exited(0))
        let state = try SessionFile.read(at: folder.url.appendingPathComponent("s.jsonl")).state
        #expect(state.entries.map(\.text) == ["dit wel"])
        #expect(state.hasEnded)
        // A REPL that closed leaves nothing beside the session: the note
        // naming the lock's holder goes with the lock.
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix("s.jsonl") }
        #expect(left == ["s.jsonl"], "\(left)")
    }

    /// A closed terminal window is not the facilitator ending the meeting:
    /// what was captured stays, and the meeting stays open to be resumed.
    @Test func aHangUpLeavesTheMeetingOpen() throws {
        let folder = try TemporaryFolder()
        let terminal = try start(["run", "--ui-lang", "en", "--agenda", Self.agenda, "--session", "s.jsonl"], in: folder)
        _ = try terminal.waitFor("] > ")
        try terminal.enter("note bewaard voor het ophangen", expecting: "#1 note")
        try terminal.send("note half getypt")
        _ = try terminal.waitFor("half getypt")
        terminal.hangUp()
        try terminal.waitForExit()
        let state = try SessionFile.read(at: folder.url.appendingPathComponent("s.jsonl")).state
        #expect(state.entries.map(\.text) == ["bewaard voor het ophangen"])
        #expect(!state.hasEnded)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix("s.jsonl") }
        #expect(left == ["s.jsonl"], "\(left)")
    }

    @Test func historyIsKeptAcrossRunsAndAccentsEditCleanly() throws {
        let folder = try TemporaryFolder()
        let first = try start(["run", "--ui-lang", "en", "--agenda", Self.agenda, "--session", "s.jsonl"], in: folder)
        _ = try first.waitFor("] > ")
        // Two backspaces over "öx" and "öder" typed again: readline must
        // remove the whole ö, not one of its two bytes.
        try first.enter("note Schröx\u{7F}\u{7F}öder", expecting: "#1 note")
        try first.send("end\r")
        try first.waitForExit()

        let second = try start(["run", "--ui-lang", "en", "--session", "s.jsonl"], in: folder)
        _ = try second.waitFor("] > ")
        try second.send("\u{1B}[A")
        _ = try second.waitFor("end")
        try second.enter("\u{1B}[A", expecting: "#2 note")
        try second.send("end\r")
        try second.waitForExit()
        let state = try SessionFile.read(at: folder.url.appendingPathComponent("s.jsonl")).state
        #expect(state.entries.map(\.text) == ["Schröder", "Schröder"])
    }
}

extension PseudoTerminal {
    /// Types `line` and Return, waits for `reply`, then for the next prompt:
    /// keys sent before readline shows its prompt could be echoed twice.
    func enter(_ line: String, expecting reply: String) throws {
        try send(line + "\r")
        _ = try waitFor(reply)
        _ = try waitFor("] > ")
    }
}
