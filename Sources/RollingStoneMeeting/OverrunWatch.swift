import Dispatch
import Foundation
import RollingStoneCore
import Synchronization

/// Says once when something under way has used its time: what the time box
/// (`TimeBoxWatch`) and the speaker's time (`SpeakerTimeWatch`) share.
///
/// It needs no polling: it works out when the time runs out, sets a timer
/// for that moment, and sets it again whenever a record changes the meeting
/// (another item or turn, a resume). `onOverrun` is called on the watch's
/// own queue, once per `key` (a stay on an item, a turn).
final class OverrunWatch<Overrun: Sendable>: Sendable {
    /// Seconds until the time runs out (0 or less once it has); `nil` when nothing is timed.
    typealias SecondsLeft = @Sendable (MeetingState, Date) -> TimeInterval?
    /// The overrun due in the state at a time, with what tells it from the next one.
    typealias OverrunDue = @Sendable (MeetingState, Date) -> (overrun: Overrun, key: Int)?

    private let meeting: Meeting
    private let secondsLeft: SecondsLeft
    private let overrunDue: OverrunDue
    private let onOverrun: @Sendable (Overrun) -> Void
    private let queue: DispatchQueue
    private let watching = Mutex(Watching())

    private struct Watching: ~Copyable {
        var timer: (any DispatchSourceTimer)?
        var observation: MeetingObservation?
        /// The key of the overrun already announced.
        var announced: Int?
        var isStopped = false
    }

    init(
        meeting: Meeting, label: String, secondsLeft: @escaping SecondsLeft, overrun: @escaping OverrunDue,
        onOverrun: @escaping @Sendable (Overrun) -> Void
    ) {
        self.meeting = meeting
        self.secondsLeft = secondsLeft
        self.overrunDue = overrun
        self.onOverrun = onOverrun
        queue = DispatchQueue(label: label)
    }

    /// Starts watching; an overrun already due is announced at once.
    func start() {
        let observation = meeting.observe { [weak self] update in
            guard let self else { return }
            queue.async { self.check(update.state) }
        }
        watching.withLock { $0.observation = observation }
        queue.async { self.check(self.meeting.state) }
    }

    /// Stops watching; nothing is announced after this returns.
    func stop() {
        let observation = watching.withLock { watching in
            watching.isStopped = true
            watching.timer?.cancel()
            watching.timer = nil
            defer { watching.observation = nil }
            return watching.observation
        }
        observation?.cancel()
        // Waits for a check under way, so its announcement cannot come later.
        queue.sync {}
    }

    /// Announces the overrun of `state` if it is due, else sets the timer
    /// for when it will be. Runs on `queue`.
    private func check(_ state: MeetingState) {
        let now = meeting.now
        let due = overrunDue(state, now)
        let announce = watching.withLock { watching -> Bool in
            watching.timer?.cancel()
            watching.timer = nil
            guard !watching.isStopped else { return false }
            if let due {
                guard watching.announced != due.key else { return false }
                watching.announced = due.key
                return true
            }
            guard let seconds = secondsLeft(state, now) else { return false }
            let timer = DispatchSource.makeTimerSource(queue: queue)
            // A little late rather than early: the check then finds the time used up.
            timer.schedule(deadline: .now() + seconds + 0.05, leeway: .milliseconds(50))
            timer.setEventHandler { [weak self] in
                guard let self else { return }
                self.check(self.meeting.state)
            }
            timer.resume()
            watching.timer = timer
            return false
        }
        if announce, let due { onOverrun(due.overrun) }
    }
}
