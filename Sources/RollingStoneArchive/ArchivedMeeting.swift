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

    /// Earlier meetings first: by the agenda's date (`YYYY-MM-DD` sorts as
    /// text; a meeting without one last), then number, then file name.
    package static func chronologically(_ left: ArchivedMeeting, _ right: ArchivedMeeting) -> Bool {
        let dates = (left.agenda.date ?? "~", right.agenda.date ?? "~")
        if dates.0 != dates.1 { return dates.0 < dates.1 }
        let numbers = (left.agenda.number ?? Int.max, right.agenda.number ?? Int.max)
        if numbers.0 != numbers.1 { return numbers.0 < numbers.1 }
        return left.url.lastPathComponent < right.url.lastPathComponent
    }
}
