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
            executable: BuiltProduct.url("rollingstone"), arguments: ["run", "--ui-lang", "en", "--session", "s.jsonl"],
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

    /// The speaker's time is announced the same way, once per turn; Tab
    /// completes a name after `q+ @`. Lotte's turn (1 min each) had all
    /// but `speakerMargin` seconds used when the REPL is started.
    @Test func theSpeakerTimeAlertArrivesWhileALineIsHalfTyped() throws {
        let folder = try TemporaryFolder()
        let agenda = try AgendaLoader.load(contentsOf: ScriptedMeetingTests.fixtures.appendingPathComponent("three-themes.yaml"))
        let now = Date()
        let turnStarted = now - (60 - Self.speakerMargin)
        let created = turnStarted - 5
        let journal = try SessionJournal.create(at: folder.file("s.jsonl"), agenda: agenda, now: created)
        try journal.append(.opened, at: created)
        try journal.append(.joined(Participant(id: 1, name: "Lotte Vermeulen", country: "NL")), at: created)
        try journal.append(.joined(Participant(id: 2, name: "Stef Steyaert", country: "BE")), at: created)
        try journal.append(.joined(Participant(id: 3, name: "Jan Jansen", country: "NL")), at: created)
        try journal.append(.speakerTimeSet(seconds: 60), at: created)
        try journal.append(.queued(SpeakerRequest(participant: 1)), at: created)
        try journal.append(.queued(SpeakerRequest(participant: 2)), at: created)
        try journal.append(.turnStarted(participant: 1), at: turnStarted)
        // The last event before the laptop was closed: the turn counts up to it.
        try journal.append(.captured(Entry(number: 1, kind: .note, text: "Lotte begint", participant: 1, item: 0)), at: now)
        journal.close()

        let terminal = try PseudoTerminal(
            executable: BuiltProduct.url("rollingstone"), arguments: ["run", "--ui-lang", "en", "--session", "s.jsonl"],
            environment: ["HOME": folder.url.path, "XDG_STATE_HOME": folder.path("state"), "PATH": "/usr/bin:/bin"],
            workingDirectory: folder.url)
        _ = try terminal.waitFor("Lotte Vermeulen has the floor")
        _ = try terminal.waitFor("] > ")
        try terminal.send("q+ @Ja\t")
        _ = try terminal.waitFor("q+ @Jan Jansen ")
        try terminal.send("\r")
        _ = try terminal.waitFor("Jan Jansen queued, 2 of 2.")
        _ = try terminal.waitFor("] > ")
        try terminal.send("tip Zoek de we")
        let beforeAlert = try terminal.waitFor("tip Zoek de we")
        #expect(!beforeAlert.contains("Speaker time"), "the alert came before the line was typed: raise the margin")
        _ = try terminal.waitFor("Speaker time: Lotte Vermeulen has used 1 min; 'ack' gives the floor to the next.")
        // The prompt and the half line, drawn again below the alert.
        _ = try terminal.waitFor("] > tip Zoek de we")
        try terminal.send("thouder op\r")
        _ = try terminal.waitFor("#2 tip by Lotte Vermeulen (speaking), under \"Welkom\"")
        _ = try terminal.waitFor("] > ")
        try terminal.send("end\r")
        _ = try terminal.waitFor("Meeting ended")
        try terminal.waitForExit()

        let state = try SessionFile.read(at: folder.file("s.jsonl")).state
        #expect(state.entries.map(\.text) == ["Lotte begint", "Zoek de wethouder op"])
        #expect(state.entries.map(\.participant) == [1, 1])
        #expect(state.speakers.waiting.map(\.participant) == [2, 3])
        // Said once: not again at the next prompt.
        #expect(terminal.transcript.components(separatedBy: "Speaker time:").count == 2, "\(terminal.transcript)")
    }

    /// Room for the REPL to start, a name to be completed and half a line
    /// typed before the speaker's minute is up.
    static let speakerMargin: TimeInterval = 10
}
