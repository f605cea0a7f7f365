import Foundation
import RollingStoneKit
import Testing

/// The built binary on a pseudo-terminal, with readline active: what only a
/// person at a keyboard does.
@Suite(.serialized) struct TerminalMeetingTests {
    static let agenda = ScriptedMeetingTests.fixtures.appendingPathComponent("three-themes.yaml").path

    func start(_ arguments: [String], in folder: TemporaryTestFolder) throws -> PseudoTerminal {
        try PseudoTerminal(
            executable: BuiltProduct.url("rollingstone"),
            arguments: arguments,
            environment: ["HOME": folder.url.path, "XDG_STATE_HOME": folder.path("state"), "PATH": "/usr/bin:/bin"],
            workingDirectory: folder.url)
    }

    @Test func acknowledgedCapturesSurviveSIGKILLAndTheMeetingResumes() throws {
        let folder = try TemporaryTestFolder()
        let terminal = try start(["run", "--agenda", Self.agenda, "--session", "s.jsonl"], in: folder)
        _ = try terminal.waitFor("[1/5 Welkom 0/10m] > ")
        try terminal.send("join Hannah Schröder, Duitsland, Stadtteilnetz Köln\r")
        _ = try terminal.waitFor("Hannah Schröder joined")
        _ = try terminal.waitFor("] > ")
        try terminal.send("join Stef Steyaert, BE, Lab van Troje\r")
        _ = try terminal.waitFor("Stef Steyaert joined")
        _ = try terminal.waitFor("] > ")
        try terminal.send("next\r")
        _ = try terminal.waitFor("Item 2/5: Trekkracht aan instanties")
        _ = try terminal.waitFor("] > ")
        try terminal.send("lesson Zoek de mensen\r")
        _ = try terminal.waitFor("opened under")
        _ = try terminal.waitFor("] > ")

        // Tab completes the participant's full name after `@`.
        try terminal.send("tip @Han\t")
        _ = try terminal.waitFor("tip @Hannah Schröder ")
        try terminal.send("Investeer in je contactpersoon\r")
        _ = try terminal.waitFor("#1 tip by Hannah Schröder, under \"Zoek de mensen\"")
        _ = try terminal.waitFor("] > ")
        try terminal.send("quote @st\t")
        _ = try terminal.waitFor("Steyaert ")
        try terminal.send("Wij zijn ergens vóór\r")
        _ = try terminal.waitFor("#2 quote by Stef Steyaert")
        // Killed the moment the last capture was acknowledged.
        terminal.kill(signal: SIGKILL)
        let ended = try terminal.waitForExit()
        #expect(ended == .signaled(SIGKILL))

        let resumed = try start(["run", "--session", "s.jsonl"], in: folder)
        _ = try resumed.waitFor("Resumed s.jsonl")
        _ = try resumed.waitFor("at item 2/5 \"Trekkracht aan instanties\", 2 participants, 2 entries.")
        _ = try resumed.waitFor("] > ")
        try resumed.send("list\r")
        _ = try resumed.waitFor("#2 quote by Stef Steyaert [Zoek de mensen]: Wij zijn ergens vóór")
        _ = try resumed.waitFor("] > ")
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
        let folder = try TemporaryTestFolder()
        let terminal = try start(["run", "--agenda", Self.agenda, "--session", "s.jsonl"], in: folder)
        _ = try terminal.waitFor("] > ")
        try terminal.send("note dit wil ik niet bewaren")
        _ = try terminal.waitFor("niet bewaren")
        try terminal.send("\u{03}")
        _ = try terminal.waitFor("] > ")
        try terminal.send("note dit wel\r")
        _ = try terminal.waitFor("#1 note")
        _ = try terminal.waitFor("] > ")
        try terminal.send("\u{04}")
        _ = try terminal.waitFor("Meeting ended")
        let ended = try terminal.waitForExit()
        #expect(ended == .exited(0))
        let state = try SessionFile.read(at: folder.url.appendingPathComponent("s.jsonl")).state
        #expect(state.entries.map(\.text) == ["dit wel"])
        #expect(state.hasEnded)
    }

    @Test func historyIsKeptAcrossRunsAndAccentsEditCleanly() throws {
        let folder = try TemporaryTestFolder()
        let first = try start(["run", "--agenda", Self.agenda, "--session", "s.jsonl"], in: folder)
        _ = try first.waitFor("] > ")
        // Two backspaces over "öx" and "öder" typed again: readline must
        // remove the whole ö, not one of its two bytes.
        try first.send("note Schröx\u{7F}\u{7F}öder\r")
        _ = try first.waitFor("#1 note")
        _ = try first.waitFor("] > ")
        try first.send("end\r")
        try first.waitForExit()

        let second = try start(["run", "--session", "s.jsonl"], in: folder)
        _ = try second.waitFor("] > ")
        try second.send("\u{1B}[A")
        _ = try second.waitFor("end")
        try second.send("\u{1B}[A\r")
        _ = try second.waitFor("#2 note")
        _ = try second.waitFor("] > ")
        try second.send("end\r")
        try second.waitForExit()
        let state = try SessionFile.read(at: folder.url.appendingPathComponent("s.jsonl")).state
        #expect(state.entries.map(\.text) == ["Schröder", "Schröder"])
    }
}
