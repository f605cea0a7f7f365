import RollingStoneCore
import RollingStoneJournal

/// Why an operation on a meeting was refused; nothing was recorded.
///
/// Each case carries what a client needs to say it in its own words.
package enum MeetingError: Error, Equatable, Sendable {
    /// Writing or syncing the event failed, or it did not fit the state.
    case notRecorded(JournalAppendError)
    case joinNeedsNameAndCountry
    case alreadyJoined(Participant)
    case unknownCountry(CountryError)
    case noSuchParticipant(Int)
    case quoteNeedsSpeaker
    /// Lessons open under theme items only; `item` is 0-based.
    case notATheme(item: Int)
    case emptyText(TextField)
    case textTooLong(TextField, length: Int, limit: Int)
    /// `last` is the highest number given out so far (0 when none).
    case noSuchEntry(Int, last: Int)
    case alreadyThere(entry: Int, item: Int)
    case nothingToUndo
    case noSuchItem(Int)
    case atFirstItem
    case atLastItem
    case alreadyAtItem(Int)
    /// `last` is the highest submission number so far (0 when none).
    case noSuchSubmission(Int, last: Int)
    /// The submission was accepted or rejected already.
    case submissionDecided(Int, SubmissionStatus)
    /// The participant (an id) is in the speaker queue already.
    case alreadyQueued(Int)
    /// The participant (an id) is not in the speaker queue.
    case notQueued(Int)
    /// `ack` with no one waiting.
    case speakerQueueEmpty
    /// `q done` with no turn under way.
    case noTurnUnderWay
    /// Turns start only while the meeting is under way, not once it has ended.
    case meetingHasEnded
    /// Speaker time outside 0 to `limit` seconds.
    case speakerTimeOutOfRange(seconds: Int, limit: Int)
    /// The join of the participant (an id) cannot be undone: the speaker queue refers to them.
    case joinHasTurns(Int)
    /// The action (its label) was already closed in this meeting.
    case actionAlreadyDone(String)
    /// The participant (an id) is kept out of the write-ups already.
    case alreadyPrivate(Int)
}

/// Which text an error is about.
package enum TextField: Equatable, Sendable {
    case name
    case lessonTitle
    case entryText(EntryKind)
    /// The replacement text of an edit.
    case newText
    /// What a phone sent, and the name it gave.
    case submissionText
    case submitterName
    /// What a participant in the speaker queue wants to speak about.
    case speakerTopic
}
