import Foundation

/// A follow-up action of an earlier meeting of the series, as the meeting
/// that closes it (`done A2.6`) names it in its own session file.
///
/// Earlier session files are never touched: the closing is an event of the
/// meeting where it happened, and it carries the action's text and owner as
/// they stood, so that meeting's report says what was done without needing
/// the earlier file.
package struct ActionReference: Codable, Hashable, Sendable {
    /// The earlier meeting's series, as its agenda names it.
    package var series: String?
    /// The earlier meeting's number in its series.
    package var meeting: Int
    /// The action's `#N` in that meeting.
    package var entry: Int
    /// The action's text when it was closed.
    package var text: String
    /// Its owner's name then, if it had one.
    package var owner: String?

    package init(series: String?, meeting: Int, entry: Int, text: String, owner: String? = nil) {
        self.series = series
        self.meeting = meeting
        self.entry = entry
        self.text = text
        self.owner = owner
    }

    /// "A2.6": action #6 of meeting 2, what facilitators type after `done`.
    package var label: String { Self.label(meeting: meeting, entry: entry) }

    /// The label of action `#entry` of meeting `meeting`.
    package static func label(meeting: Int, entry: Int) -> String { "A\(meeting).\(entry)" }

    /// The live actions of `state`'s meeting, named; none when its agenda
    /// has no number.
    package static func actions(of state: MeetingState) -> [ActionReference] {
        guard let number = state.agenda.number else { return [] }
        return state.entries.filter { $0.kind == .action }.map { entry in
            ActionReference(
                series: state.agenda.series, meeting: number, entry: entry.number, text: entry.text,
                owner: entry.participant.flatMap { state.participant($0)?.name })
        }
    }

    /// Whether both name the same action (text and owner aside).
    package func names(sameActionAs other: ActionReference) -> Bool {
        meeting == other.meeting && entry == other.entry && Agenda.seriesKey(series) == Agenda.seriesKey(other.series)
    }

    /// What names the action across the archive, for sets and lookups:
    /// equal exactly when `names(sameActionAs:)` says so.
    package var key: String { Agenda.seriesKey(series) + " " + label }
}

/// An action of an earlier meeting closed in this one, and when.
package struct ClosedAction: Equatable, Sendable {
    package var action: ActionReference
    /// When `done` was typed.
    package var at: Date

    package init(action: ActionReference, at: Date) {
        self.action = action
        self.at = at
    }
}
