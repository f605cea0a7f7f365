import Foundation
import RollingStoneCore

/// Follow-up actions carried over from earlier meetings of the series, and
/// who is kept out of the write-ups by name.
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

    /// Keeps participant `participant` out of the write-ups by name: they
    /// are "a participant from Belgium" there, without network or contact.
    package func makePrivate(_ participant: Int) throws(MeetingError) -> Participant {
        try record { state, _ throws(MeetingError) in
            guard let found = state.participant(participant) else { throw .noSuchParticipant(participant) }
            guard !state.privateParticipants.contains(participant) else { throw .alreadyPrivate(participant) }
            return (.madePrivate(participant: participant), found)
        }
    }
}
