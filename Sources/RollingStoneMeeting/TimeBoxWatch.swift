import Dispatch
import Foundation
import RollingStoneCore
import Synchronization

/// Says once per stay on an agenda item when the item has used its time box.
///
/// It needs no polling: it works out when the current item's minutes run
/// out, sets a timer for that moment, and sets it again whenever a record
/// changes the meeting (another item, a resume). `onOverrun` is called on
/// the watch's own queue.
package final class TimeBoxWatch: Sendable {
    private let meeting: Meeting
    private let onOverrun: @Sendable (TimeBoxOverrun) -> Void
    private let queue = DispatchQueue(label: "rollingstone.time-box")
    private let watching = Mutex(Watching())

    private struct Watching: ~Copyable {
        var timer: (any DispatchSourceTimer)?
        var observation: MeetingObservation?
        /// The stay (`MeetingState.itemChanges`) already announced.
        var announcedStay: Int?
        var isStopped = false
    }

    package init(meeting: Meeting, onOverrun: @escaping @Sendable (TimeBoxOverrun) -> Void) {
        self.meeting = meeting
        self.onOverrun = onOverrun
    }

    /// Starts watching; an item already over its time box is announced at once.
    package func start() {
        let observation = meeting.observe { [weak self] update in
            guard let self else { return }
            queue.async { self.check(update.state) }
        }
        watching.withLock { $0.observation = observation }
        queue.async { self.check(self.meeting.state) }
    }

    /// Stops watching; nothing is announced after this returns.
    package func stop() {
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

    /// Announces the overrun of `state`'s current item if it is due, else
    /// sets the timer for when it will be. Runs on `queue`.
    private func check(_ state: MeetingState) {
        let now = meeting.now
        let overrun = Self.overrun(in: state, now: now)
        let announce = watching.withLock { watching -> Bool in
            watching.timer?.cancel()
            watching.timer = nil
            guard !watching.isStopped else { return false }
            if let overrun {
                guard watching.announcedStay != overrun.stay else { return false }
                watching.announcedStay = overrun.stay
                return true
            }
            guard let seconds = Self.secondsLeft(in: state, now: now) else { return false }
            let timer = DispatchSource.makeTimerSource(queue: queue)
            // A little late rather than early: the check then finds the item over.
            timer.schedule(deadline: .now() + seconds + 0.05, leeway: .milliseconds(50))
            timer.setEventHandler { [weak self] in
                guard let self else { return }
                self.check(self.meeting.state)
            }
            timer.resume()
            watching.timer = timer
            return false
        }
        if announce, let overrun { onOverrun(overrun) }
    }

    /// The current item's overrun, if it has used its minutes and the meeting is under way.
    package static func overrun(in state: MeetingState, now: Date) -> TimeBoxOverrun? {
        guard let left = secondsLeft(in: state, now: now), left <= 0 else { return nil }
        let item = state.agenda.items[state.currentItem]
        return TimeBoxOverrun(
            item: state.currentItem, title: item.title, plannedMinutes: item.minutes,
            isLastItem: state.currentItem == state.agenda.items.count - 1, stay: state.itemChanges)
    }

    /// Seconds until the current item's minutes are used up (0 or less once
    /// they are); `nil` once the meeting has ended.
    package static func secondsLeft(in state: MeetingState, now: Date) -> TimeInterval? {
        guard !state.hasEnded else { return nil }
        let planned = TimeInterval(state.agenda.items[state.currentItem].minutes * 60)
        return planned - state.secondsSpent(onItem: state.currentItem, now: now)
    }
}

/// An agenda item that has used its time box.
package struct TimeBoxOverrun: Equatable, Sendable {
    /// The item, 0-based, and its title.
    package var item: Int
    package var title: String
    package var plannedMinutes: Int
    package var isLastItem: Bool
    /// Which stay on the item this is (`MeetingState.itemChanges`).
    package var stay: Int
}
