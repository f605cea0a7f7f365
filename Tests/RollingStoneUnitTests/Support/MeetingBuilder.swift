import Foundation
import RollingStoneTestSupport

@testable import RollingStoneCore

/// Builds a `MeetingState` event by event, exactly as a session file
/// replays, without an interpreter or a file: for tests of whatever reads a
/// state (the report, listings). Time only moves when `wait(minutes:)` says
/// so, so time boxes come out exact.
///
///     var meeting = try MeetingBuilder(agenda: agenda)
///     let stef = try meeting.join("Stef Steyaert", "BE")
///     try meeting.next()
///     try meeting.lesson("Verkoop je ziel niet")
///     try meeting.capture(.tip, "…", by: stef)
///     try meeting.end()
struct MeetingBuilder {
    private(set) var state: MeetingState
    /// Every event applied so far, in order, for writing a session file.
    private(set) var records: [SessionRecord] = []
    private(set) var now: Date

    /// 26 September 2012, 12:00 UTC.
    static let defaultStart = Date(timeIntervalSince1970: 1_348_660_800)

    /// A meeting on `agenda`, opened at `start`.
    init(agenda: Agenda, start: Date = MeetingBuilder.defaultStart) throws {
        state = MeetingState(header: SessionHeader(created: start, agenda: agenda))
        now = start
        try record(.opened)
    }

    /// Applies `event` at the current time as the next event.
    mutating func record(_ event: SessionEvent) throws {
        let record = SessionRecord(sequence: state.lastSequence + 1, time: now, event: event)
        try state.apply(record)
        records.append(record)
    }

    mutating func wait(minutes: Double) {
        now += minutes * 60
    }

    @discardableResult
    mutating func join(_ name: String, _ country: String, network: String? = nil, role: String? = nil, contact: String? = nil) throws -> Participant {
        let participant = Participant(
            id: state.nextParticipantID, name: name, country: country,
            network: network, role: role, contact: contact)
        try record(.joined(participant))
        return participant
    }

    /// Moves the agenda to `item` (0-based).
    mutating func goTo(item: Int) throws {
        try record(.wentTo(item: item))
    }

    mutating func next() throws {
        try goTo(item: state.currentItem + 1)
    }

    /// Opens a lesson under the current item.
    @discardableResult
    mutating func lesson(_ title: String) throws -> Lesson {
        let lesson = Lesson(id: state.nextLessonID, title: title, item: state.currentItem)
        try record(.lessonOpened(lesson))
        return lesson
    }

    /// Captures an entry under the current item and lesson, as the REPL does.
    @discardableResult
    mutating func capture(_ kind: EntryKind, _ text: String, by participant: Participant? = nil) throws -> Entry {
        let entry = Entry(
            number: state.nextEntryNumber, kind: kind, text: text, participant: participant?.id,
            item: state.currentItem, lesson: state.currentLesson)
        try record(.captured(entry))
        return entry
    }

    mutating func edit(_ entry: Entry, to text: String) throws {
        try record(.edited(entry: entry.number, text: text))
    }

    mutating func delete(_ entry: Entry) throws {
        try record(.deleted(entry: entry.number))
    }

    /// Moves `entry` to `item` (0-based), out of its lesson.
    mutating func move(_ entry: Entry, toItem item: Int) throws {
        try record(.moved(entry: entry.number, item: item))
    }

    mutating func undo() throws {
        guard let sequence = state.nextUndoSequence else { throw MeetingBuilderError.nothingToUndo }
        try record(.undone(sequence: sequence))
    }

    mutating func end() throws {
        try record(.ended)
    }

    /// The session file these events make: the header line, then one line per event.
    func sessionFileBytes() throws -> [UInt8] {
        let encoder = JSONEncoder()
        var lines = [try encoder.encode(state.header)]
        for record in records {
            lines.append(try encoder.encode(record))
        }
        return lines.flatMap { Array($0) + [0x0A] }
    }
}

enum MeetingBuilderError: Error {
    case nothingToUndo
}
