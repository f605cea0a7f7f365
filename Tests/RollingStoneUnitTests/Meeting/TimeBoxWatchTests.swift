import Dispatch
import Foundation
import RollingStoneTestSupport
import Synchronization
import Testing

@testable import RollingStoneCore
@testable import RollingStoneJournal
@testable import RollingStoneMeeting

/// The time box watch says once per stay on an item that its minutes are used up.
@Suite struct TimeBoxWatchTests {
    /// Overruns as the watch reports them, and a way to wait for the next one.
    final class Recorder: Sendable {
        let overruns = Mutex<[TimeBoxOverrun]>([])
        let arrived = DispatchSemaphore(value: 0)

        func record(_ overrun: TimeBoxOverrun) {
            overruns.withLock { $0.append(overrun) }
            arrived.signal()
        }

        /// Waits for one more; a hang guard, not a speed limit.
        func waitForOne() -> Bool { arrived.wait(timeout: .now() + 120) == .success }
    }

    @Test func overrunIsDueOnlyOnceTheMinutesAreUsed() throws {
        let meeting = try TestMeeting()
        let start = meeting.clock.now
        let left = try #require(TimeBoxWatch.secondsLeft(in: meeting.state, now: start))
        #expect(abs(left - 20 * 60) < 0.001, "\(left)")
        #expect(TimeBoxWatch.overrun(in: meeting.state, now: start + 20 * 60 - 1) == nil)
        let overrun = try #require(TimeBoxWatch.overrun(in: meeting.state, now: start + 20 * 60))
        #expect(overrun == TimeBoxOverrun(item: 0, title: "Welkom en kennismaking", plannedMinutes: 20, isLastItem: false, stay: 0))
        meeting.run("goto 5")
        let last = try #require(TimeBoxWatch.overrun(in: meeting.state, now: meeting.clock.now + 16 * 60))
        #expect(last.isLastItem && last.item == 4 && last.stay == 1)
        meeting.run("end")
        #expect(TimeBoxWatch.secondsLeft(in: meeting.state, now: meeting.clock.now + 3600) == nil)
    }

    @Test func eachStayIsAnnouncedOnce() throws {
        let meeting = try TestMeeting()
        let recorder = Recorder()
        let watch = TimeBoxWatch(meeting: meeting.meeting, onOverrun: recorder.record)
        watch.start()
        defer { watch.stop() }

        meeting.clock.advance(minutes: 21)
        meeting.run("tip Een tip na de tijd")
        #expect(recorder.waitForOne())
        meeting.run("tip Nog een")
        meeting.run("note En nog een")
        meeting.run("next")
        meeting.clock.advance(minutes: 46)
        meeting.run("tip Ook deze loopt uit")
        #expect(recorder.waitForOne())
        watch.stop()
        #expect(recorder.overruns.withLock { $0.map(\.item) } == [0, 1])
    }

    /// The timer, not a record, brings the announcement when the minutes
    /// run out while nobody types.
    @Test func anItemRunningOutWhileNobodyTypesIsAnnounced() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("quiet.jsonl")
        let now = Date()
        // 19 min 59.5 s of the 20 were spent before the meeting was resumed.
        let created = now - (20 * 60 - 0.5)
        let journal = try SessionJournal.create(at: url, agenda: TestMeeting.agenda, now: created)
        try journal.append(.opened, at: created)
        try journal.append(.captured(Entry(number: 1, kind: .note, text: "Welkom", item: 0)), at: now)
        journal.close()

        let meeting = Meeting(journal: try reopenJournal(at: url))
        try meeting.open()
        let recorder = Recorder()
        let watch = TimeBoxWatch(meeting: meeting, onOverrun: recorder.record)
        watch.start()
        defer { watch.stop() }
        #expect(recorder.waitForOne())
        #expect(recorder.overruns.withLock { $0.map(\.item) } == [0])
    }
}
