import Foundation

/// One captured item: a note, tip, quote, idea or follow-up action.
package struct Entry: Codable, Equatable, Sendable {
    /// The stable number shown as `#N`; never reused within a session.
    package var number: Int
    package var kind: EntryKind
    package var text: String
    /// The participant it is attributed to, if any.
    package var participant: Int?
    /// The index of the agenda item it belongs to (0-based).
    package var item: Int
    /// The lesson it belongs to, if one was open when it was captured.
    package var lesson: Int?
    /// Where it came from when it was merged in from a breakout's session;
    /// `nil` for what was captured in this session.
    package var origin: EntryOrigin?

    package init(
        number: Int, kind: EntryKind, text: String, participant: Int? = nil, item: Int, lesson: Int? = nil, origin: EntryOrigin? = nil
    ) {
        self.number = number
        self.kind = kind
        self.text = text
        self.participant = participant
        self.item = item
        self.lesson = lesson
        self.origin = origin
    }
}

/// The session an entry was merged in from, and its number there.
///
/// `created` and `number` are its identity: merging the same breakout again
/// finds them already in and adds nothing. `session` is the file's name, for
/// people reading the file.
package struct EntryOrigin: Codable, Equatable, Hashable, Sendable {
    /// The name of the breakout's session file, e.g. `2026-03-14-groep-b.jsonl`.
    package var session: String
    /// When the breakout's session was created: its header's `created`, as
    /// `SessionTimestamp` writes it. Kept as text, not as a `Date`: a time
    /// read back from milliseconds does not always write back to the same
    /// text, and an identity must compare equal to itself.
    package var created: String
    /// The entry's `#N` in the breakout's session.
    package var number: Int

    package init(session: String, created: String, number: Int) {
        self.session = session
        self.created = created
        self.number = number
    }
}
