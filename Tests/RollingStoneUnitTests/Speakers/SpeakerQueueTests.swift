import Foundation
import RollingStoneTestSupport
import Testing

@testable import RollingStoneCore
@testable import RollingStoneJournal
@testable import RollingStoneMeeting
@testable import RollingStoneREPL

/// The speaker queue in the meeting core: TCQ's order kept to two levels,
/// the floor passed on and taken back, and the same queue after a replay.
@Suite struct SpeakerQueueTests {
    /// A meeting with four participants, ids 1 to 4.
    static func meetingOfFour() throws -> TestMeeting {
        let meeting = try TestMeeting()
        let replies = meeting.run(
            "join Lotte Vermeulen, NL", "join Stef Steyaert, BE", "join Hannah Schröder, DE", "join Siobhan O'Neill, IE")
        #expect(replies.allSatisfy { !$0.isError })
        return meeting
    }

    @Test func directRequestsGoFirstAndEachLevelIsFirstComeFirstServed() throws {
        let test = try Self.meetingOfFour()
        let meeting = test.meeting
        #expect(try meeting.queueSpeaker(1, priority: .plain, topic: nil).place == 1)
        #expect(try meeting.queueSpeaker(2, priority: .direct, topic: "Over de agenda").place == 1)
        #expect(try meeting.queueSpeaker(3, priority: .plain, topic: "  ").place == 3)
        #expect(try meeting.queueSpeaker(4, priority: .direct, topic: nil).place == 2)
        let waiting = test.state.speakers.waiting
        #expect(waiting.map(\.participant) == [2, 4, 1, 3])
        #expect(waiting[0].topic == "Over de agenda" && waiting[2].topic == nil)
        #expect(throws: MeetingError.alreadyQueued(1)) { try meeting.queueSpeaker(1, priority: .direct, topic: nil) }
        #expect(throws: MeetingError.noSuchParticipant(9)) { try meeting.queueSpeaker(9, priority: .plain, topic: nil) }

        // The floor goes in that order; a direct request made during a turn
        // still goes ahead of the plain ones waiting.
        #expect(try meeting.nextSpeaker().started.participant == 2)
        _ = try meeting.queueSpeaker(2, priority: .direct, topic: "Nog een reactie")
        #expect(test.state.speakers.waiting.map(\.participant) == [4, 2, 1, 3])
    }

    @Test func ackDoneAndTakingOut() throws {
        let test = try Self.meetingOfFour()
        let meeting = test.meeting
        #expect(throws: MeetingError.speakerQueueEmpty) { try meeting.nextSpeaker() }
        #expect(throws: MeetingError.noTurnUnderWay) { try meeting.endTurn() }
        _ = try meeting.queueSpeaker(1, priority: .plain, topic: nil)
        _ = try meeting.queueSpeaker(2, priority: .plain, topic: nil)
        _ = try meeting.queueSpeaker(3, priority: .plain, topic: nil)

        let first = try meeting.nextSpeaker()
        #expect(first.ended == nil && first.started.participant == 1)
        test.clock.advance(minutes: 2)
        let second = try meeting.nextSpeaker()
        #expect(second.started.participant == 2)
        #expect(second.ended?.request.participant == 1 && second.ended?.seconds(now: .distantFuture) == 120)
        #expect(test.state.speakers.current?.request.participant == 2)

        #expect(try meeting.unqueueSpeaker(3).participant == 3)
        #expect(throws: MeetingError.notQueued(3)) { try meeting.unqueueSpeaker(3) }
        test.clock.advance(minutes: 0.5)
        let ended = try meeting.endTurn()
        #expect(ended.request.participant == 2 && ended.seconds(now: .distantFuture) == 30)
        #expect(test.state.speakers.current == nil && test.state.speakers.waiting.isEmpty)
        #expect(test.state.speakers.turns.map(\.number) == [1, 2])
    }

    @Test func speakerTimeIsRecordedAndBounded() throws {
        let test = try Self.meetingOfFour()
        try test.meeting.setSpeakerTime(seconds: 90)
        #expect(test.state.speakers.secondsPerTurn == 90)
        let events = test.state.lastSequence
        // The same limit again records nothing.
        try test.meeting.setSpeakerTime(seconds: 90)
        #expect(test.state.lastSequence == events)
        #expect(throws: MeetingError.speakerTimeOutOfRange(seconds: -60, limit: 3600)) { try test.meeting.setSpeakerTime(seconds: -60) }
        #expect(throws: MeetingError.speakerTimeOutOfRange(seconds: 3660, limit: 3600)) { try test.meeting.setSpeakerTime(seconds: 3660) }
    }

    /// The overrun, checked against a hand-moved clock.
    @Test func anOverrunIsDueOnceTheSpeakerHasUsedTheirTime() throws {
        let test = try Self.meetingOfFour()
        let meeting = test.meeting
        _ = try meeting.queueSpeaker(1, priority: .plain, topic: nil)
        _ = try meeting.nextSpeaker()
        // No limit, no overrun.
        #expect(SpeakerTimeWatch.secondsLeft(in: test.state, now: test.clock.now + 3600) == nil)
        try meeting.setSpeakerTime(seconds: 180)
        let start = test.clock.now
        #expect(SpeakerTimeWatch.secondsLeft(in: test.state, now: start) == 180)
        #expect(SpeakerTimeWatch.overrun(in: test.state, now: start + 179) == nil)
        let overrun = try #require(SpeakerTimeWatch.overrun(in: test.state, now: start + 180))
        #expect(overrun.turn == 1 && overrun.speaker.name == "Lotte Vermeulen" && overrun.allowedSeconds == 180 && overrun.waiting == 0)
        #expect(overrun.wording(in: .en) == "Speaker time: Lotte Vermeulen has used 3 min; 'q done' ends the turn.")
        _ = try meeting.endTurn()
        #expect(SpeakerTimeWatch.overrun(in: test.state, now: start + 3600) == nil)
    }

    @Test func theWatchAnnouncesEachTurnOnce() throws {
        let test = try Self.meetingOfFour()
        let meeting = test.meeting
        let recorder = OverrunRecorder<SpeakerOverrun>()
        let watch = SpeakerTimeWatch(meeting: meeting, onOverrun: recorder.record)
        watch.start()
        defer { watch.stop() }
        try meeting.setSpeakerTime(seconds: 60)
        _ = try meeting.queueSpeaker(1, priority: .plain, topic: nil)
        _ = try meeting.queueSpeaker(2, priority: .plain, topic: nil)
        _ = try meeting.nextSpeaker()
        test.clock.advance(minutes: 1.5)
        test.run("tip Een tip na de tijd")
        #expect(recorder.waitForOne())
        test.run("tip Nog een", "note En nog een")
        _ = try meeting.nextSpeaker()
        test.clock.advance(minutes: 2)
        test.run("tip Ook deze loopt uit")
        #expect(recorder.waitForOne())
        watch.stop()
        #expect(recorder.items.withLock { $0.map(\.turn) } == [1, 2])
        #expect(recorder.items.withLock { $0.map(\.speaker.id) } == [1, 2])
    }

    /// What the live meeting holds, a fresh read of the file holds too; a
    /// resumed meeting goes on with the same queue and turn, not counting
    /// the time it was closed.
    @Test func aReplayAndAResumeKeepTheQueueAndTheTurns() throws {
        let test = try Self.meetingOfFour()
        let meeting = test.meeting
        try meeting.setSpeakerTime(seconds: 120)
        _ = try meeting.queueSpeaker(1, priority: .plain, topic: "Subsidies")
        _ = try meeting.queueSpeaker(2, priority: .direct, topic: nil)
        _ = try meeting.nextSpeaker()
        test.clock.advance(minutes: 1)
        _ = try meeting.queueSpeaker(3, priority: .plain, topic: nil)
        _ = try meeting.unqueueSpeaker(3)
        _ = try meeting.queueSpeaker(4, priority: .plain, topic: nil)
        _ = try meeting.nextSpeaker()
        test.clock.advance(minutes: 0.5)
        test.run("tip Tijdens de beurt")

        let live = test.state.speakers
        #expect(try test.replayed().speakers == live)
        #expect(live.current?.request == SpeakerRequest(participant: 1, priority: .plain, topic: "Subsidies"))
        #expect(live.waiting.map(\.participant) == [4])

        // Closed for ten minutes, as after a crash, then resumed.
        meeting.close()
        test.clock.advance(minutes: 10)
        let clock = test.clock
        let resumed = Meeting(journal: try reopenJournal(at: test.url), clock: { clock.now })
        try resumed.open()
        clock.advance(minutes: 0.25)
        let speakers = resumed.state.speakers
        #expect(speakers.waiting == live.waiting && speakers.secondsPerTurn == 120)
        let turn = try #require(speakers.current)
        #expect(turn.request.participant == 1)
        // 30 s up to the tip, then 15 s since the resume; the 10 min closed are not counted.
        #expect(abs(turn.seconds(now: resumed.now) - 45) < 0.01, "\(turn.seconds(now: resumed.now))")
        #expect(try SessionFile.read(at: test.url).state.speakers == speakers)
    }

    /// `undo` still takes back the last capture or correction; the queue is
    /// left alone, and a join the queue refers to stays.
    @Test func undoLeavesTheQueueAlone() throws {
        let test = try Self.meetingOfFour()
        test.run("tip Voor de beurt")
        _ = try test.meeting.queueSpeaker(1, priority: .plain, topic: nil)
        _ = try test.meeting.nextSpeaker()
        let undone = test.run("undo")[0]
        #expect(undone == .ok("Undone: tip #1."))
        #expect(test.state.speakers.current?.request.participant == 1)
        // The joins: Siobhan's (4) goes; Hannah's (3) goes; Stef's (2) goes;
        // Lotte has spoken, so hers stays.
        let replies = test.run("undo", "undo", "undo", "undo")
        #expect(replies[0].text == "Undone: join of Siobhan O'Neill.")
        #expect(replies[2].text == "Undone: join of Stef Steyaert.")
        #expect(replies[3].isError && replies[3].text.hasPrefix("Lotte Vermeulen is in the speaker queue or has spoken"))
        #expect(test.state.participants.map(\.id) == [1])
        #expect(throws: MeetingError.joinHasTurns(1)) { try test.meeting.undo() }
    }

    /// The state refuses what the meeting would never write: a turn for
    /// someone not waiting, an end with no turn.
    @Test func eventsThatDoNotFitAreRefused() throws {
        let test = try Self.meetingOfFour()
        var state = test.state
        let next = state.lastSequence + 1
        #expect(throws: MeetingStateError.self) { try state.apply(SessionRecord(sequence: next, time: test.clock.now, event: .turnStarted(participant: 1))) }
        #expect(throws: MeetingStateError.self) { try state.apply(SessionRecord(sequence: next, time: test.clock.now, event: .turnEnded)) }
        #expect(throws: MeetingStateError.self) { try state.apply(SessionRecord(sequence: next, time: test.clock.now, event: .unqueued(participant: 2))) }
        #expect(throws: MeetingStateError.unknownParticipant(7)) {
            try state.apply(SessionRecord(sequence: next, time: test.clock.now, event: .queued(SpeakerRequest(participant: 7))))
        }
    }
}
