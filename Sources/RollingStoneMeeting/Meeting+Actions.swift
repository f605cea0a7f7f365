import Foundation
import RollingStoneCore

/// Follow-up actions carried over from earlier meetings of the series.
extension Meeting {
    /// Records that `action` (of an earlier meeting, or of this one) was
    /// done: an event in this session; the earlier session is never touched.
    package func closeAction(_ action: ActionReference) throws(MeetingError) -> ClosedAction {
        try record { state, now throws(MeetingError) in
            guard !state.closedActions.contains(where: { $0.action.names(sameActionAs: action) }) else {
                throw .actionAlreadyDone(action.label)
            }
            return (.actionDone(action), ClosedAction(action: action, at: now))
        }
    }
}
