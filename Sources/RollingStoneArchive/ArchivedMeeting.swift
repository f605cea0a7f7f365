import Foundation
import RollingStoneCore

/// One meeting of the archive: a session file as it replays.
package struct ArchivedMeeting: Sendable {
    /// The session file, as found in the archive's folder.
    package var url: URL
    package var state: MeetingState

    package init(url: URL, state: MeetingState) {
        self.url = url
        self.state = state
    }

    package var agenda: Agenda { state.agenda }

    package var summary: MeetingSummary { MeetingSummary(file: url.lastPathComponent, agenda: agenda) }

    /// Earlier meetings first, as `MeetingSummary.chronologically` has it.
    package static func chronologically(_ left: ArchivedMeeting, _ right: ArchivedMeeting) -> Bool {
        MeetingSummary.chronologically(left.summary, right.summary)
    }
}
