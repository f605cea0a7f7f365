import Foundation
import RollingStoneCore

/// The typed operations: everything a client can do to a meeting.
///
/// Text is cleaned of control characters and runs of blanks here, whoever
/// typed it, and checked before anything is written.
extension Meeting {
    /// Records that a client opened the session: at the start and on every resume.
    package func open() throws(MeetingError) {
        try record { _, _ throws(MeetingError) in (.opened, ()) }
    }

    /// Adds a participant.
    ///
    /// - Parameters:
    ///   - country: an ISO code (`NL`) or a country name in Dutch, English, French or German (or a common alias), as typed.
    package func join(
        name rawName: String, country rawCountry: String, network: String? = nil, role: String? = nil,
        contact: String? = nil
    ) throws(MeetingError) -> Participant {
        let name = TextSanitizer.clean(rawName)
        guard !name.isEmpty, !TextSanitizer.clean(rawCountry).isEmpty else { throw .joinNeedsNameAndCountry }
        guard name.count <= Self.maximumNameLength else {
            throw .textTooLong(.name, length: name.count, limit: Self.maximumNameLength)
        }
        let countries = self.countries
        return try record { state, _ throws(MeetingError) in
            if let existing = state.participants.first(where: { $0.name.folded == name.folded }) {
                throw .alreadyJoined(existing)
            }
            let country: String
            do throws(CountryError) {
                country = try countries.resolve(TextSanitizer.clean(rawCountry))
            } catch {
                throw .unknownCountry(error)
            }
            func optional(_ text: String?) -> String? {
                text.map(TextSanitizer.clean).flatMap { $0.isEmpty ? nil : $0 }
            }
            let participant = Participant(
                id: state.nextParticipantID, name: name, country: country,
                network: optional(network), role: optional(role), contact: optional(contact))
            return (.joined(participant), participant)
        }
    }

    /// Opens a lesson under the current item, which must be a theme; what
    /// is captured next belongs to it.
    package func openLesson(title rawTitle: String) throws(MeetingError) -> Lesson {
        try record { state, _ throws(MeetingError) in
            guard state.agenda.items[state.currentItem].theme else { throw .notATheme(item: state.currentItem) }
            let title = try Self.cleaned(rawTitle, .lessonTitle)
            let lesson = Lesson(id: state.nextLessonID, title: title, item: state.currentItem)
            return (.lessonOpened(lesson), lesson)
        }
    }

    /// Captures an entry under the current item and lesson.
    ///
    /// - Parameter participant: the id of whom it is attributed to; a quote needs one.
    package func capture(_ kind: EntryKind, text rawText: String, by participant: Int?) throws(MeetingError) -> Entry {
        try record { state, _ throws(MeetingError) in
            let text = try Self.cleaned(rawText, .entryText(kind))
            if kind == .quote && participant == nil { throw .quoteNeedsSpeaker }
            if let participant, state.participant(participant) == nil { throw .noSuchParticipant(participant) }
            let entry = Entry(
                number: state.nextEntryNumber, kind: kind, text: text, participant: participant,
                item: state.currentItem, lesson: state.currentLesson)
            return (.captured(entry), entry)
        }
    }

    /// Replaces the text of entry `number`; returns the entry as it now is.
    package func edit(entry number: Int, text rawText: String) throws(MeetingError) -> Entry {
        try record { state, _ throws(MeetingError) in
            var entry = try Self.existing(number, in: state)
            entry.text = try Self.cleaned(rawText, .newText)
            return (.edited(entry: number, text: entry.text), entry)
        }
    }

    /// Deletes entry `number` (undo brings it back); returns what was deleted.
    package func delete(entry number: Int) throws(MeetingError) -> Entry {
        try record { state, _ throws(MeetingError) in
            let entry = try Self.existing(number, in: state)
            return (.deleted(entry: number), entry)
        }
    }

    /// Moves entry `number` to agenda item `item` (0-based), out of its lesson.
    package func move(entry number: Int, toItem item: Int) throws(MeetingError) -> Entry {
        try record { state, _ throws(MeetingError) in
            var entry = try Self.existing(number, in: state)
            guard state.agenda.items.indices.contains(item) else { throw .noSuchItem(item) }
            guard entry.item != item else { throw .alreadyThere(entry: number, item: item) }
            entry.item = item
            entry.lesson = nil
            return (.moved(entry: number, item: item), entry)
        }
    }

    /// Takes back the last change not yet taken back; returns what it was.
    package func undo() throws(MeetingError) -> UndoableChange {
        try record { state, _ throws(MeetingError) in
            guard let sequence = state.nextUndoSequence, let change = state.nextUndo else { throw .nothingToUndo }
            // Queue events are not undone: someone who queued or spoke stays in the meeting.
            if let id = state.nextUndoneParticipant, state.speakers.refers(to: id) { throw .joinHasTurns(id) }
            return (.undone(sequence: sequence), change)
        }
    }

    /// Moves the agenda to another item.
    package func go(to target: AgendaMove) throws(MeetingError) -> ItemChange {
        try record { state, now throws(MeetingError) in
            let items = state.agenda.items
            let index: Int
            switch target {
            case .next:
                guard state.currentItem + 1 < items.count else { throw .atLastItem }
                index = state.currentItem + 1
            case .back:
                guard state.currentItem > 0 else { throw .atFirstItem }
                index = state.currentItem - 1
            case .item(let item):
                guard items.indices.contains(item) else { throw .noSuchItem(item) }
                guard item != state.currentItem else { throw .alreadyAtItem(item) }
                index = item
            }
            let change = ItemChange(
                from: state.currentItem, to: index,
                secondsOnPrevious: state.secondsSpent(onItem: state.currentItem, now: now))
            return (.wentTo(item: index), change)
        }
    }

    /// Ends the meeting, or closes a reopened one again; an ended meeting
    /// that was not reopened records nothing.
    package func end() throws(MeetingError) {
        try record { state, _ throws(MeetingError) in
            (!state.hasEnded || state.isReopened ? .ended : nil, ())
        }
    }

    // MARK: Checks

    private static func existing(_ number: Int, in state: MeetingState) throws(MeetingError) -> Entry {
        guard let entry = state.entry(number) else { throw .noSuchEntry(number, last: state.nextEntryNumber - 1) }
        return entry
    }

    /// `text` cleaned, or the reason it cannot be recorded.
    static func cleaned(_ text: String, _ field: TextField, limit: Int = maximumTextLength) throws(MeetingError) -> String {
        let cleaned = TextSanitizer.clean(text)
        guard !cleaned.isEmpty else { throw .emptyText(field) }
        // A string has no more characters than UTF-8 bytes: most texts are
        // short enough that counting their characters can be skipped.
        guard cleaned.utf8.count <= limit || cleaned.count <= limit else {
            throw .textTooLong(field, length: cleaned.count, limit: limit)
        }
        return cleaned
    }
}

/// Where `Meeting.go(to:)` goes.
package enum AgendaMove: Equatable, Sendable {
    case next
    case back
    /// An item by its 0-based index.
    case item(Int)
}

/// The agenda moved from one item to another.
package struct ItemChange: Equatable, Sendable {
    package var from: Int
    package var to: Int
    /// Time spent on `from` in all, this stay included.
    package var secondsOnPrevious: TimeInterval
}
