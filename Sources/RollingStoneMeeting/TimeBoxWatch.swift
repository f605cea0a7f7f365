import Foundation
import RollingStoneCore

/// Says once per stay on an agenda item when the item has used its time box.
///
/// An `OverrunWatch` on the current item's minutes: a timer for when they
/// run out, set again whenever a record changes the meeting (another item,
/// a resume). `onOverrun` is called on the watch's own queue.
package final class TimeBoxWatch: Sendable {
    private let watch: OverrunWatch<TimeBoxOverrun>

    package init(meeting: Meeting, onOverrun: @escaping @Sendable (TimeBoxOverrun) -> Void) {
        watch = OverrunWatch(
            meeting: meeting, label: "rollingstone.time-box", secondsLeft: Self.secondsLeft,
            overrun: { state, now in Self.overrun(in: state, now: now).map { ($0, $0.stay) } }, onOverrun: onOverrun)
    }

    /// Starts watching; an item already over its time box is announced at once.
    package func start() { watch.start() }

    /// Stops watching; nothing is announced after this returns.
    package func stop() { watch.stop() }

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
