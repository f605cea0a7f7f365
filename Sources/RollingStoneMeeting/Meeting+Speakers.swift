import Foundation
import RollingStoneCore

/// The speaker queue: who asks for the floor, who gets it, for how long.
///
/// None of these is undone by `undo`: taking someone out (`unqueue`) and
/// ending a turn (`endTurn`) are the way back, and what was said in a turn
/// stays said.
extension Meeting {
    /// The longest topic a speaker may give.
    package static let maximumTopicLength = 200
    /// The most minutes a speaker can be given: beyond an hour a limit means nothing.
    package static let maximumSecondsPerTurn = 60 * 60

    /// Puts participant `participant` in the queue, behind the others of
    /// their level.
    ///
    /// - Returns: the request and its place in the queue, from 1.
    package func queueSpeaker(_ participant: Int, priority: SpeakerPriority, topic rawTopic: String?) throws(MeetingError) -> (
        SpeakerRequest, place: Int
    ) {
        try record { state, _ throws(MeetingError) in
            guard state.participant(participant) != nil else { throw .noSuchParticipant(participant) }
            guard !state.speakers.isWaiting(participant) else { throw .alreadyQueued(participant) }
            var topic: String?
            if let rawTopic, !TextSanitizer.clean(rawTopic).isEmpty {
                topic = try Self.cleaned(rawTopic, .speakerTopic, limit: Self.maximumTopicLength)
            }
            let request = SpeakerRequest(participant: participant, priority: priority, topic: topic)
            // Behind every request of its level, and of the levels before it.
            let place = state.speakers.waiting.filter { priority == .plain || $0.priority == .direct }.count + 1
            return (.queued(request), (request, place))
        }
    }

    /// Takes participant `participant` out of the queue; returns their request.
    package func unqueueSpeaker(_ participant: Int) throws(MeetingError) -> SpeakerRequest {
        try record { state, _ throws(MeetingError) in
            guard let request = state.speakers.waiting.first(where: { $0.participant == participant }) else {
                throw .notQueued(participant)
            }
            return (.unqueued(participant: participant), request)
        }
    }

    /// Gives the floor to the first in the queue, ending the turn under way.
    package func nextSpeaker() throws(MeetingError) -> TurnChange {
        try record { state, now throws(MeetingError) in
            guard !state.hasEnded else { throw .meetingHasEnded }
            guard let next = state.speakers.waiting.first else { throw .speakerQueueEmpty }
            var ended = state.speakers.current
            ended?.ended = now
            return (.turnStarted(participant: next.participant), TurnChange(ended: ended, started: next))
        }
    }

    /// Ends the turn under way with no one next; returns it, ended.
    package func endTurn() throws(MeetingError) -> SpeakerTurn {
        try record { state, now throws(MeetingError) in
            guard var turn = state.speakers.current else { throw .noTurnUnderWay }
            turn.ended = now
            return (.turnEnded, turn)
        }
    }

    /// Gives each speaker `seconds` before the overrun is announced; 0 for no limit.
    package func setSpeakerTime(seconds: Int) throws(MeetingError) {
        try record { state, _ throws(MeetingError) in
            guard (0...Self.maximumSecondsPerTurn).contains(seconds) else {
                throw .speakerTimeOutOfRange(seconds: seconds, limit: Self.maximumSecondsPerTurn)
            }
            return (state.speakers.secondsPerTurn == seconds ? nil : .speakerTimeSet(seconds: seconds), ())
        }
    }
}

/// The floor passed on: the turn that ended, if one was under way, and the
/// request of whoever has the floor now.
package struct TurnChange: Equatable, Sendable {
    package var ended: SpeakerTurn?
    package var started: SpeakerRequest
}
