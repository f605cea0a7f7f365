import Foundation
import RollingStoneTestSupport

@testable import RollingStoneAgenda
@testable import RollingStoneCore
@testable import RollingStoneJournal
@testable import RollingStoneMeeting
@testable import RollingStoneREPL

/// The sample meeting in `sessions/`: a script of REPL lines, played through
/// the interpreter with a clock that moves like an afternoon does.
enum SampleMeeting {
    /// The same id every time, so the same lines make the same bytes.
    static let sessionID = "5a3c0e2d-2012-4926-9b1e-1e1d3e5a7c00"
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = repository.appendingPathComponent("sessions/sample-leiden-2012.txt")
    static let session = repository.appendingPathComponent("sessions/sample-leiden-2012.jsonl")
    static let agenda = repository.appendingPathComponent("agendas/leiden-2012.yaml")
    static let golden = repository.appendingPathComponent("Tests/RollingStoneUnitTests/Golden")

    /// 26 September 2012, 13:00 in Leiden.
    static let start = Date(timeIntervalSince1970: 1_348_657_200)
    /// How far each item runs over (+) or under (−) its time box, in minutes.
    static let drift = [3, -4, 12, 0, 6, -2]

    /// Plays the script into a new session file at `url`; returns the replies.
    @discardableResult
    static func record(to url: URL) throws -> [Reply] {
        let agenda = try AgendaLoader.load(contentsOf: agenda)
        let clock = TestClock(start)
        let journal = try SessionJournal.create(at: url, agenda: agenda, now: clock.now, id: Self.sessionID)
        let interpreter = CommandInterpreter(meeting: Meeting(journal: journal, clock: { clock.now }), language: .en)
        try interpreter.open()
        var itemStart = clock.now
        var replies: [Reply] = []
        for line in try String(contentsOf: script, encoding: .utf8).split(separator: "\n") {
            let command = line.split(separator: " ").first.map(String.init) ?? ""
            if ["next", "end"].contains(command) {
                // Close the item when its time box (give or take) is up.
                let item = interpreter.state.currentItem
                let planned = Double(agenda.items[item].minutes + drift[item % drift.count]) * 60
                clock.now = max(clock.now + 30, itemStart + planned)
                itemStart = clock.now
            } else {
                clock.advance(minutes: 1.5)
            }
            replies.append(interpreter.handle(String(line)))
        }
        return replies
    }
}
