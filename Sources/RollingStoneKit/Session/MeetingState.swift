import Foundation

/// Everything known about a meeting, rebuilt by applying its session events
/// in order.
///
/// The state is only ever changed through `apply(_:)`, both live and when a
/// session file is replayed, so what the REPL shows and what a resumed session
/// or a report sees cannot drift apart.
public struct MeetingState: Sendable {
    public let header: SessionHeader
    public var agenda: Agenda { header.agenda }

    /// Participants in the order they joined.
    public private(set) var participants: [Participant] = []
    /// Lessons in the order they were opened.
    public private(set) var lessons: [Lesson] = []
    /// Live entries (not deleted), in capture order.
    public var entries: [Entry] { entryOrder.compactMap { entriesByNumber[$0] }.filter { !deletedEntries.contains($0.number) } }

    /// The agenda item under way (0-based).
    public private(set) var currentItem = 0
    /// The lesson new entries go under, if any.
    public private(set) var currentLesson: Int?
    /// Whether `end` has been recorded (a reopened meeting stays ended).
    public private(set) var hasEnded = false
    /// Whether the session was opened again after it had ended.
    public private(set) var isReopened = false

    /// The sequence number of the last event applied; 0 before any.
    public private(set) var lastSequence = 0
    /// When the last event was recorded.
    public private(set) var lastEventTime: Date

    public private(set) var nextEntryNumber = 1
    public private(set) var nextParticipantID = 1
    public private(set) var nextLessonID = 1

    private var entriesByNumber: [Int: Entry] = [:]
    private var entryOrder: [Int] = []
    private var deletedEntries: Set<Int> = []
    private var secondsPerItem: [Int: TimeInterval] = [:]
    private var currentItemSince: Date
    private var undoStack: [UndoStep] = []

    /// What `undo` needs to take a change back, derived while applying events.
    private struct UndoStep: Sendable {
        var sequence: Int
        var inverse: Inverse
        var description: String
    }

    private enum Inverse: Sendable {
        case removeEntry(Int)
        case setText(entry: Int, text: String)
        case restoreEntry(Int)
        case moveBack(entry: Int, item: Int, lesson: Int?)
        case removeParticipant(Int)
        case removeLesson(Int, previousLesson: Int?)
    }

    public init(header: SessionHeader) {
        self.header = header
        self.lastEventTime = header.created
        self.currentItemSince = header.created
    }

    // MARK: Looking things up

    public func entry(_ number: Int) -> Entry? {
        guard !deletedEntries.contains(number) else { return nil }
        return entriesByNumber[number]
    }

    public func participant(_ id: Int) -> Participant? {
        participants.first { $0.id == id }
    }

    public func lesson(_ id: Int) -> Lesson? {
        // Ids are given out in order from 1 and only the latest can be undone,
        // so a live lesson's id is one more than its index.
        guard id >= 1, id <= lessons.count, lessons[id - 1].id == id else { return lessons.first { $0.id == id } }
        return lessons[id - 1]
    }

    /// What the next `undo` would take back, in words; `nil` when nothing can be undone.
    public var nextUndoDescription: String? { undoStack.last?.description }

    /// The sequence number `undo` would record as undone.
    public var nextUndoSequence: Int? { undoStack.last?.sequence }

    /// Seconds spent on `item` so far, counting up to `now` for the current item
    /// of a meeting still under way.
    public func secondsSpent(onItem item: Int, now: Date? = nil) -> TimeInterval {
        var seconds = secondsPerItem[item, default: 0]
        if item == currentItem && !hasEnded {
            let until = now ?? lastEventTime
            seconds += Swift.max(0, until.timeIntervalSince(currentItemSince))
        }
        return seconds
    }

    /// Seconds spent on the whole meeting so far.
    public func secondsSpent(now: Date? = nil) -> TimeInterval {
        agenda.items.indices.reduce(0) { $0 + secondsSpent(onItem: $1, now: now) }
    }

    // MARK: Applying events

    /// Applies one recorded event.
    ///
    /// - Throws: `MeetingStateError` when the event does not fit the state
    ///   (a sequence gap, an entry that does not exist …): a sign that the
    ///   file was edited or damaged, never something to skip silently.
    public mutating func apply(_ record: SessionRecord) throws(MeetingStateError) {
        try check(record)
        applyChecked(record)
        lastSequence = record.sequence
        lastEventTime = Swift.max(lastEventTime, record.time)
    }

    /// Throws what `apply` would throw, without changing anything, so the
    /// journal can refuse an event before it reaches the disk.
    public func check(_ record: SessionRecord) throws(MeetingStateError) {
        guard record.sequence == lastSequence + 1 else {
            throw .outOfSequence(expected: lastSequence + 1, found: record.sequence)
        }
        switch record.event {
        case .opened, .ended:
            break
        case .joined(let participant):
            guard participant.id == nextParticipantID else { throw .unexpected("participant id \(participant.id)") }
        case .lessonOpened(let lesson):
            guard lesson.id == nextLessonID, agenda.items.indices.contains(lesson.item) else {
                throw .unexpected("lesson \(lesson.id)")
            }
        case .captured(let entry):
            guard entry.number == nextEntryNumber, agenda.items.indices.contains(entry.item) else {
                throw .unexpected("entry #\(entry.number)")
            }
            if let id = entry.participant, participant(id) == nil { throw .unknownParticipant(id) }
            if let id = entry.lesson, lesson(id) == nil { throw .unexpected("lesson \(id) of entry #\(entry.number)") }
        case .edited(let number, _), .deleted(let number):
            guard entry(number) != nil else { throw .unknownEntry(number) }
        case .moved(let number, let item):
            guard entry(number) != nil else { throw .unknownEntry(number) }
            guard agenda.items.indices.contains(item) else { throw .unknownItem(item) }
        case .undone(let target):
            guard undoStack.last?.sequence == target else { throw .unexpected("undo of event \(target)") }
        case .wentTo(let item):
            guard agenda.items.indices.contains(item) else { throw .unknownItem(item) }
        }
    }

    private mutating func applyChecked(_ record: SessionRecord) {
        let sequence = record.sequence
        switch record.event {
        case .opened:
            if hasEnded {
                isReopened = true
            } else {
                // The time between the last event before a crash and the
                // resume is unknown: count up to the last event, not the gap.
                closeTimeSlot(at: lastEventTime)
                currentItemSince = record.time
            }

        case .joined(let participant):
            participants.append(participant)
            nextParticipantID += 1
            undoStack.append(UndoStep(sequence: sequence, inverse: .removeParticipant(participant.id), description: "join of \(participant.name)"))

        case .lessonOpened(let lesson):
            lessons.append(lesson)
            nextLessonID += 1
            undoStack.append(UndoStep(sequence: sequence, inverse: .removeLesson(lesson.id, previousLesson: currentLesson), description: "lesson \"\(lesson.title)\""))
            currentLesson = lesson.id

        case .captured(let entry):
            entriesByNumber[entry.number] = entry
            entryOrder.append(entry.number)
            nextEntryNumber += 1
            undoStack.append(UndoStep(sequence: sequence, inverse: .removeEntry(entry.number), description: "\(entry.kind.rawValue) #\(entry.number)"))

        case .edited(let number, let text):
            let previous = entriesByNumber[number]?.text ?? ""
            entriesByNumber[number]?.text = text
            undoStack.append(UndoStep(sequence: sequence, inverse: .setText(entry: number, text: previous), description: "edit of #\(number)"))

        case .deleted(let number):
            deletedEntries.insert(number)
            undoStack.append(UndoStep(sequence: sequence, inverse: .restoreEntry(number), description: "delete of #\(number)"))

        case .moved(let number, let item):
            let previous = entriesByNumber[number]
            entriesByNumber[number]?.item = item
            entriesByNumber[number]?.lesson = nil
            undoStack.append(UndoStep(sequence: sequence, inverse: .moveBack(entry: number, item: previous?.item ?? item, lesson: previous?.lesson), description: "move of #\(number)"))

        case .undone:
            if let step = undoStack.popLast() { undo(step.inverse) }

        case .wentTo(let item):
            if !hasEnded { closeTimeSlot(at: record.time) }
            currentItemSince = record.time
            currentItem = item
            currentLesson = nil

        case .ended:
            if !hasEnded { closeTimeSlot(at: record.time) }
            hasEnded = true
        }
    }

    private mutating func closeTimeSlot(at time: Date) {
        secondsPerItem[currentItem, default: 0] += Swift.max(0, time.timeIntervalSince(currentItemSince))
        currentItemSince = time
    }

    private mutating func undo(_ inverse: Inverse) {
        switch inverse {
        case .removeEntry(let number):
            entriesByNumber[number] = nil
            // Undo goes back in order, so the capture undone is the latest one.
            if entryOrder.last == number { entryOrder.removeLast() } else { entryOrder.removeAll { $0 == number } }
        case .setText(let number, let text):
            entriesByNumber[number]?.text = text
        case .restoreEntry(let number):
            deletedEntries.remove(number)
        case .moveBack(let number, let item, let lesson):
            entriesByNumber[number]?.item = item
            entriesByNumber[number]?.lesson = lesson
        case .removeParticipant(let id):
            participants.removeAll { $0.id == id }
        case .removeLesson(let id, let previous):
            lessons.removeAll { $0.id == id }
            if currentLesson == id { currentLesson = previous }
        }
    }
}

/// An event that does not fit the meeting it is applied to.
public enum MeetingStateError: Error, Equatable, CustomStringConvertible, Sendable {
    case outOfSequence(expected: Int, found: Int)
    case unknownEntry(Int)
    case unknownParticipant(Int)
    case unknownItem(Int)
    case unexpected(String)

    public var description: String {
        switch self {
        case .outOfSequence(let expected, let found): "expected event \(expected), found event \(found)"
        case .unknownEntry(let number): "entry #\(number) does not exist"
        case .unknownParticipant(let id): "participant \(id) does not exist"
        case .unknownItem(let item): "agenda item \(item + 1) does not exist"
        case .unexpected(let what): "unexpected \(what)"
        }
    }
}
