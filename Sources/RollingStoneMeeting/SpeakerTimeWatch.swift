import Foundation
import RollingStoneCore

/// Says once per turn when the speaker has used their time (`q time`).
///
/// An `OverrunWatch`, like `TimeBoxWatch`: a timer for when the turn under
/// way runs out, set again whenever a record changes the meeting (a new
/// turn, another limit, a resume). `onOverrun` is called on the watch's own
/// queue.
package final class SpeakerTimeWatch: Sendable {
    private let watch: OverrunWatch<SpeakerOverrun>

    package init(meeting: Meeting, onOverrun: @escaping @Sendable (SpeakerOverrun) -> Void) {
        watch = OverrunWatch(
            meeting: meeting, label: "rollingstone.speaker-time", secondsLeft: Self.secondsLeft,
            overrun: { state, now in Self.overrun(in: state, now: now).map { ($0, $0.turn) } }, onOverrun: onOverrun)
    }

    /// Starts watching; a turn already over its time is announced at once.
    package func start() { watch.start() }

    /// Stops watching; nothing is announced after this returns.
    package func stop() { watch.stop() }

    /// The turn under way's overrun, if the speaker has used their time.
    package static func overrun(in state: MeetingState, now: Date) -> SpeakerOverrun? {
        guard let left = secondsLeft(in: state, now: now), left <= 0, let turn = state.speakers.current,
            let speaker = state.participant(turn.request.participant)
        else { return nil }
        return SpeakerOverrun(
            turn: turn.number, speaker: speaker, allowedSeconds: state.speakers.secondsPerTurn, waiting: state.speakers.waiting.count)
    }

    /// Seconds until the speaker's time is used up (0 or less once it is);
    /// `nil` with no turn under way, no limit, or once the meeting has ended.
    package static func secondsLeft(in state: MeetingState, now: Date) -> TimeInterval? {
        let allowed = state.speakers.secondsPerTurn
        guard !state.hasEnded, allowed > 0, let turn = state.speakers.current else { return nil }
        return TimeInterval(allowed) - turn.seconds(now: now)
    }
}

/// A speaker who has used the time each speaker has.
package struct SpeakerOverrun: Equatable, Sendable {
    /// The turn (`SpeakerTurn.number`).
    package var turn: Int
    package var speaker: Participant
    package var allowedSeconds: Int
    /// How many are waiting for the floor.
    package var waiting: Int
}
