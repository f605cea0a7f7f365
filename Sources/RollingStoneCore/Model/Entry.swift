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

    package init(number: Int, kind: EntryKind, text: String, participant: Int? = nil, item: Int, lesson: Int? = nil) {
        self.number = number
        self.kind = kind
        self.text = text
        self.participant = participant
        self.item = item
        self.lesson = lesson
    }
}
