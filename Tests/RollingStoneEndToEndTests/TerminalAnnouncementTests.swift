import Foundation
import RollingStoneAgenda
import RollingStoneCore
import RollingStoneJournal
import RollingStoneTestSupport
import Testing

/// A message from elsewhere (here the time box) reaches the facilitator at
/// once, above the prompt, while they type: the half-typed line is drawn
/// again and what they finish typing is captured exactly.
@Suite struct TerminalAnnouncementTests {
    /// How long before the time box runs out the REPL is started: room for
    /// it to start and for half a line to be typed before the alert.
    static let margin: TimeInterval = 6

    @Test func theTimeBoxAlertArrivesWhileALineIsHalfTyped() throws {
        let folder = try TemporaryFolder()
        let agenda = try AgendaLoader.load(contentsOf: ScriptedMeetingTests.fixtures.appendingPathComponent("three-themes.yaml"))
        // A session whose first item (10 min) had used all but `margin`
        // seconds when the laptop was closed.
        let now = Date()
        let created = now - (TimeInterval(agenda.items[0].minutes * 60) - Self.margin)
        let journal = try SessionJournal.create(at: folder.file("s.jsonl"), agenda: agenda, now: created)
        try journal.append(.opened, at: created)
        try journal.append(.captured(Entry(number: 1, kind: .note, text: "Iedereen is binnen", item: 0)), at: now)
        journal.close()

        let terminal = try PseudoTerminal(
            executable: BuiltProduct.url("rollingstone"), arguments: ["run", "--session", "s.jsonl"],
            environment: ["HOME": folder.url.path, "XDG_STATE_HOME": folder.path("state"), "PATH": "/usr/bin:/bin"],
            workingDirectory: folder.url)
        _ = try terminal.waitFor("[1/5 Welkom ")
        _ = try terminal.waitFor("] > ")
        try terminal.send("tip Zoek de me")
        let beforeAlert = try terminal.waitFor("tip Zoek de me")
        #expect(!beforeAlert.contains("Time box"), "the alert came before the line was typed: raise the margin")
        _ = try terminal.waitFor("Time box: item 1 \"Welkom\" has used its 10 min; 'next' moves on.")
        // The prompt and the half line, drawn again below the alert.
        _ = try terminal.waitFor("] > tip Zoek de me")
        try terminal.send("nsen achter de loketten\r")
        _ = try terminal.waitFor("#2 tip, under \"Welkom\"")
        _ = try terminal.waitFor("OVER] > ")
        try terminal.send("end\r")
        _ = try terminal.waitFor("Meeting ended")
        try terminal.waitForExit()

        let state = try SessionFile.read(at: folder.file("s.jsonl")).state
        #expect(state.entries.map(\.text) == ["Iedereen is binnen", "Zoek de mensen achter de loketten"])
        // Said once: not again at the next prompt.
        #expect(terminal.transcript.components(separatedBy: "Time box:").count == 2, "\(terminal.transcript)")
    }
}
