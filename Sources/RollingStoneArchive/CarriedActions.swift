import Foundation
import RollingStoneCore

/// The follow-up actions of a series' meetings, and which are still open.
///
/// An action is named by its meeting's number and its own `#N`: `A2.6` is
/// action #6 of meeting 2. Both numbers are in the files and never change,
/// so the label is the same whoever reads the archive, whatever is added to
/// it. A meeting without a number in its agenda has no labels, and its
/// actions are not carried over.
package enum CarriedActions {
    /// Every action of `meetings` with a number, in meeting order then `#N`;
    /// a label seen before is left out (a merged session repeats its main
    /// session's actions under their own numbers).
    package static func all(in meetings: [ArchivedMeeting]) -> [ActionReference] {
        var seen: Set<String> = []
        return meetings.flatMap { ActionReference.actions(of: $0.state) }.filter {
            seen.insert($0.key).inserted
        }
    }

    /// Every closing of an action in `meetings`, with the meeting it was done in.
    package static func closings(in meetings: [ArchivedMeeting]) -> [(ClosedAction, ArchivedMeeting)] {
        meetings.flatMap { meeting in meeting.state.closedActions.map { ($0, meeting) } }
    }

    /// The actions of the meetings of `state`'s series held before it (by
    /// number), not done in any meeting of `archive` nor in `state`: what
    /// `run` lists at the start. None when `state`'s meeting has no number.
    package static func open(before state: MeetingState, in archive: [ArchivedMeeting]) -> [ActionReference] {
        let earlier = archive.filter { $0.agenda.isEarlier(inSeriesOf: state.agenda) }
        let done = Set((closings(in: archive).map(\.0.action) + state.closedActions.map(\.action)).map(\.key))
        return all(in: earlier).filter { !done.contains($0.key) }
    }
}
