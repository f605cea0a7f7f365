import Dispatch
import Foundation
import RollingStoneTestSupport
import Synchronization
import Testing

@testable import RollingStoneCore
@testable import RollingStoneJournal
@testable import RollingStoneMeeting

/// The meeting is the one writer however many threads call it: the REPL's,
/// a timer's, request handlers'.
@Suite struct MeetingConcurrencyTests {
    static let callers = 8
    static let capturesEach = 40

    @Test func concurrentCallersGetDistinctNumbersAndNothingIsLost() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("busy.jsonl")
        let journal = try SessionJournal.create(at: url, agenda: TestMeeting.agenda, now: Date())
        let meeting = Meeting(journal: journal)
        try meeting.open()
        let stef = try meeting.join(name: "Stef Steyaert", country: "BE")
        _ = try meeting.go(to: .item(1))
        _ = try meeting.openLesson(title: "Zoek de mensen")

        let seen = Mutex<[SessionRecord]>([])
        let observation = meeting.observe { update in seen.withLock { $0.append(update.record) } }
        let numbers = Mutex<[Int]>([])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: Self.callers) { caller in
            for index in 0..<Self.capturesEach {
                do throws(MeetingError) {
                    // Every caller also reads and joins while others write.
                    if index == 0 { _ = try meeting.join(name: "Beller \(caller)", country: "NL") }
                    let entry = try meeting.capture(.tip, text: "tip \(caller)-\(index)", by: index.isMultiple(of: 2) ? stef.id : nil)
                    numbers.withLock { $0.append(entry.number) }
                    _ = meeting.state.entries.count
                } catch {
                    failures.withLock { $0.append("\(caller)-\(index): \(error)") }
                }
            }
        }
        observation.cancel()

        #expect(failures.withLock { $0 } == [])
        let total = Self.callers * Self.capturesEach
        #expect(numbers.withLock { $0.sorted() } == Array(1...total))
        let state = meeting.state
        #expect(state.entries.count == total)
        #expect(Set(state.entries.map(\.text)).count == total)
        #expect(state.participants.count == Self.callers + 1)
        #expect(Set(state.participants.map(\.id)).count == Self.callers + 1)

        // The observer saw every record once, in order.
        let records = seen.withLock { $0 }
        #expect(records.count == total + Self.callers)
        #expect(records.map(\.sequence) == Array((state.lastSequence - records.count + 1)...state.lastSequence))

        // And the file replays to the state the callers saw.
        meeting.close()
        let replayed = try SessionFile.read(at: url).state
        #expect(replayed.entries == state.entries)
        #expect(replayed.participants == state.participants)
        #expect(replayed.lessons == state.lessons)
        #expect(replayed.lastSequence == state.lastSequence)
    }

    /// Undo from two threads at once takes back two different changes, never one twice.
    @Test func concurrentUndosTakeBackDistinctChanges() throws {
        let meeting = try TestMeeting()
        meeting.run("next")
        for index in 1...20 { meeting.run("tip Tip \(index)") }
        let undone = Mutex<[UndoableChange]>([])
        let shared = meeting.meeting
        DispatchQueue.concurrentPerform(iterations: 10) { _ in
            if let change = try? shared.undo() { undone.withLock { $0.append(change) } }
        }
        let changes = undone.withLock { $0 }
        #expect(changes.count == 10)
        #expect(Set(changes.map { "\($0)" }).count == 10)
        #expect(meeting.state.entries.map(\.number) == Array(1...10))
        #expect(try meeting.replayed().entries == meeting.state.entries)
    }
}
