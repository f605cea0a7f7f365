import Foundation
import RollingStoneCore

/// What the room sends, and what the facilitator makes of it.
extension Meeting {
    /// The longest text a phone may send.
    package static let maximumSubmissionLength = 2_000

    /// Records what a phone sent; in a direct room it is accepted at once,
    /// attributed to the participant its name matches.
    ///
    /// - Returns: the submission and where it stands once this returns.
    package func submit(_ kind: SubmissionKind, text rawText: String, name rawName: String) throws(MeetingError) -> (
        Submission, SubmissionStatus
    ) {
        let submission = try record { state, _ throws(MeetingError) in
            let (text, name) = try Self.submissionFields(text: rawText, name: rawName)
            let submission = Submission(number: state.submissions.count + 1, kind: kind, text: text, name: name)
            return (.submitted(submission), submission)
        }
        guard acceptsSubmissionsDirectly else { return (submission, .pending) }
        let entry = try accept(submission: submission.number, by: nil)
        return (submission, .accepted(entry: entry.number))
    }

    /// What a phone sent, cleaned, or why it would be refused: what `submit`
    /// records, for the room to check before a submission counts.
    package static func submissionFields(text rawText: String, name rawName: String) throws(MeetingError) -> (
        text: String, name: String
    ) {
        let text = try cleaned(rawText, .submissionText, limit: maximumSubmissionLength)
        let name = try cleaned(rawName, .submitterName, limit: maximumNameLength)
        return (text, name)
    }

    /// Captures submission `number` as an entry under the current item and
    /// lesson, attributed to `participant`, or else to the participant whose
    /// name the phone gave.
    package func accept(submission number: Int, by participant: Int?) throws(MeetingError) -> Entry {
        try record { state, _ throws(MeetingError) in
            let submission = try Self.pending(number, in: state)
            if let participant, state.participant(participant) == nil { throw .noSuchParticipant(participant) }
            let entry = Entry(
                number: state.nextEntryNumber, kind: submission.kind.entryKind, text: submission.text,
                participant: participant ?? state.participant(named: submission.name)?.id,
                item: state.currentItem, lesson: state.currentLesson)
            return (.accepted(submission: number, entry: entry), entry)
        }
    }

    /// Turns submission `number` down; returns it.
    package func reject(submission number: Int) throws(MeetingError) -> Submission {
        try record { state, _ throws(MeetingError) in
            let submission = try Self.pending(number, in: state)
            return (.rejected(submission: number), submission)
        }
    }

    /// Whether what phones send is captured at once (`room direct`) rather
    /// than waiting in the inbox (`room moderated`, the default). Not
    /// recorded: a resumed meeting starts moderated again.
    package var acceptsSubmissionsDirectly: Bool {
        get { directRoom.withLock { $0 } }
        set { directRoom.withLock { $0 = newValue } }
    }

    private static func pending(_ number: Int, in state: MeetingState) throws(MeetingError) -> Submission {
        guard let status = state.submissionStatus(number) else {
            throw .noSuchSubmission(number, last: state.submissions.count)
        }
        guard status == .pending else { throw .submissionDecided(number, status) }
        return state.submissions[number - 1]
    }
}
