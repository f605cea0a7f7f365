import RollingStoneCore

/// One row of the index: a lesson or a live entry of a meeting, with what
/// search and the digest show beside it, so neither needs the file again.
///
/// The one place where a meeting's state becomes index rows.
package struct IndexedEntry: Equatable, Sendable {
    /// `lesson`, or the entry's kind (`tip`, `note` …).
    package var kind: String
    /// The entry's `#N`; for a lesson, `nil`.
    package var number: Int?
    /// The agenda item (0-based), its title, and whether it is a theme.
    package var item: Int
    package var itemTitle: String
    package var isTheme: Bool
    /// The lesson it belongs to (for a lesson, its own id) and its title.
    package var lesson: Int?
    package var lessonTitle: String?
    /// What was typed: the entry's text, or the lesson's title.
    package var text: String
    /// Who it is attributed to, as they joined.
    package var person: Participant?
    /// Whether that person is kept out of the write-ups by name.
    package var isPrivate: Bool

    /// What `kind` says for a lesson.
    package static let lessonKind = "lesson"

    /// The rows of `state`: its lessons in the order opened, then its live
    /// entries in the order captured.
    package static func rows(of state: MeetingState) -> [IndexedEntry] {
        let items = state.agenda.items
        func item(_ index: Int) -> (title: String, isTheme: Bool) {
            items.indices.contains(index) ? (items[index].title, items[index].theme) : ("", false)
        }
        let lessons = state.lessons.map { lesson in
            IndexedEntry(
                kind: lessonKind, number: nil, item: lesson.item, itemTitle: item(lesson.item).title, isTheme: item(lesson.item).isTheme,
                lesson: lesson.id, lessonTitle: lesson.title, text: lesson.title, person: nil, isPrivate: false)
        }
        let entries = state.entries.map { entry in
            let person = entry.participant.flatMap(state.participant)
            return IndexedEntry(
                kind: entry.kind.rawValue, number: entry.number, item: entry.item, itemTitle: item(entry.item).title,
                isTheme: item(entry.item).isTheme, lesson: entry.lesson, lessonTitle: entry.lesson.flatMap(state.lesson)?.title,
                text: entry.text, person: person, isPrivate: person.map { state.privateParticipants.contains($0.id) } ?? false)
        }
        return lessons + entries
    }
}
