import Foundation
import RollingStoneTestSupport

@testable import RollingStoneCore
@testable import RollingStoneJournal
@testable import RollingStoneMeeting
@testable import RollingStoneREPL

/// An interpreter on a real session file in a temporary folder, with a
/// hand-moved clock.
struct TestMeeting {
    /// The same id every time, so the same lines make the same bytes.
    static let sessionID = "5a3c0e2d-2012-4926-9b1e-1e1d3e5a7c00"
    let folder: TemporaryFolder
    let clock: TestClock
    let interpreter: CommandInterpreter
    var meeting: Meeting { interpreter.meeting }
    var url: URL { interpreter.meeting.url }
    var state: MeetingState { interpreter.state }

    static let agenda = Agenda(
        title: "Over trekkracht", series: "RollingStone", number: 2, date: "2012-09-26", language: .nl,
        venue: "De Nieuwe Energie, Leiden", host: .init(name: "Stadslab Leiden"),
        items: [
            AgendaItem(title: "Welkom en kennismaking", minutes: 20),
            AgendaItem(title: "Trekkracht aan instanties", minutes: 45, theme: true, prompts: ["Wie versnelt er bij jullie?"]),
            AgendaItem(title: "Geld en onafhankelijkheid", minutes: 30, theme: true),
            AgendaItem(title: "Veerkracht", minutes: 30, theme: true),
            AgendaItem(title: "Afsluiting", minutes: 15),
        ])

    /// - Parameter language: the REPL's; English unless a test is about
    ///   another, whatever the agenda's language (as `run --ui-lang en`).
    init(agenda: Agenda = TestMeeting.agenda, language: InterfaceLanguage = .en) throws {
        folder = try TemporaryFolder()
        let clock = TestClock()
        self.clock = clock
        let journal = try SessionJournal.create(at: folder.file("meeting.jsonl"), agenda: agenda, now: clock.now, id: Self.sessionID)
        interpreter = CommandInterpreter(meeting: Meeting(journal: journal, clock: { clock.now }), language: language)
        try interpreter.open()
    }

    /// Runs each line and returns the replies; fails on none.
    @discardableResult
    func run(_ lines: String...) -> [Reply] {
        lines.map { interpreter.handle($0) }
    }

    /// The state as a fresh read of the session file replays it.
    func replayed() throws -> MeetingState {
        try SessionFile.read(at: url).state
    }
}
