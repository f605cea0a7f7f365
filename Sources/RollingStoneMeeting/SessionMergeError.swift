import RollingStoneCore
import RollingStoneJournal

/// Why `SessionMerge` merged nothing. Each case names the file it is about;
/// the words are the client's (`rollingstone merge`).
package enum SessionMergeError: Error, Equatable, Sendable {
    /// A session to merge could not be read: missing, damaged, not a session.
    case unreadable(SessionFileError)
    /// The breakout at `path` was held on another agenda than the main
    /// session at `main`; `difference` is the first thing that differs.
    case otherAgenda(path: String, main: String, difference: AgendaDifference)
    /// The breakout at `path` is the main session itself, or a merge made
    /// from it (its header has the main session's `created`): merging it
    /// would count the main session's own entries twice.
    case mainSessionGivenAsBreakout(path: String)
    /// The merged session could not be created at `path` (it exists, the
    /// folder cannot be written …).
    case cannotCreate(SessionFileError)
    /// Writing the merged session at `path` failed part way; the partial
    /// file was removed.
    case notSaved(path: String, JournalAppendError)
    /// A planned event did not fit the merged meeting: a bug in the merge,
    /// never the input's fault. Nothing was written.
    case planDoesNotFit(MeetingStateError)
}

/// The first difference between two agendas that breakouts must share.
package enum AgendaDifference: Equatable, Sendable {
    case title(main: String, breakout: String)
    case date(main: String?, breakout: String?)
    case itemCount(main: Int, breakout: Int)
    /// Item `index` (0-based) has another title.
    case itemTitle(index: Int, main: String, breakout: String)

    /// The first difference between `main` and `breakout` that would put
    /// entries under the wrong item, or `nil` when there is none. Details
    /// that entries do not refer to (intro, venue, minutes) may differ: the
    /// main session's are kept.
    package static func between(main: Agenda, breakout: Agenda) -> AgendaDifference? {
        if main.title != breakout.title { return .title(main: main.title, breakout: breakout.title) }
        if main.date != breakout.date { return .date(main: main.date, breakout: breakout.date) }
        if main.items.count != breakout.items.count { return .itemCount(main: main.items.count, breakout: breakout.items.count) }
        for (index, (mine, theirs)) in zip(main.items, breakout.items).enumerated() where mine.title != theirs.title {
            return .itemTitle(index: index, main: mine.title, breakout: theirs.title)
        }
        return nil
    }
}
