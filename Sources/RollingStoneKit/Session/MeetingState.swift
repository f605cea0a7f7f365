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
    ///
    /// Built on each call, in one pass: keep the result rather than asking
    /// again in a loop.
    public var entries: [Entry] { entrySlots.compactMap { $0.isDeleted ? nil : $0.entry } }

    /// The agenda item under way (0-based).
    public private(set) var currentItem = 0
    /// The lesson new entries go under, if any.
    public private(set) var currentLesson: Int?
    /// Whether `end` has been recorded (a reopened meeting stays ended).
    public private(set) var hasEnded = false
    /// Whether the session was opened again after it had ended.
    public private(set) var isReopened = false
    /// The agenda items that have been under way at some time.
    public private(set) var visitedItems: Set<Int> = [0]

    /// The sequence number of the last event applied; 0 before any.
    public private(set) var lastSequence = 0
    /// When the last event was recorded.
    public private(set) var lastEventTime: Date

    public private(set) var nextEntryNumber = 1
    public private(set) var nextParticipantID = 1
    public private(set) var nextLessonID = 1

    /// Entry `#n` at index n − 1: numbers are given out in order from 1 and
    /// never reused, so an array is the index (a dictionary cost a tenth of
    /// a replay). An undone capture leaves an empty slot.
    private var entrySlots: [EntrySlot] = []
    private var secondsPerItem: [Int: TimeInterval] = [:]
    private var currentItemSince: Date
    private var undoStack: [UndoStep] = []

    struct EntrySlot: Sendable {
        var entry: Entry?
        var isDeleted = false
    }

    /// What `undo` needs to take a change back, derived while applying events.
    private struct UndoStep: Sendable {
        var sequence: Int
        var inverse: Inverse
        /// Put into words only when asked: a replay records one step per
        /// event and reads almost none of them.
        var change: Change
    }

    /// The change an undo step takes back, for `nextUndoDescription`.
    private enum Change: Sendable {
        case join(name: String)
        case lesson(title: String)
        case capture(EntryKind, number: Int)
        case edit(Int)
        case delete(Int)
        case move(Int)

        var description: String {
            switch self {
            case .join(let name): "join of \(name)"
            case .lesson(let title): "lesson \"\(title)\""
            case .capture(let kind, let number): "\(kind.rawValue) #\(number)"
            case .edit(let number): "edit of #\(number)"
            case .delete(let number): "delete of #\(number)"
            case .move(let number): "move of #\(number)"
            }
        }
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

    // MARK: Snapshots

    /// Everything a replay builds but the undo history: what a snapshot
    /// (`SessionSnapshot`) keeps.
    struct Contents {
        var participants: [Participant]
        var lessons: [Lesson]
        var entrySlots: [EntrySlot]
        var currentItem: Int
        var currentLesson: Int?
        var hasEnded: Bool
        var isReopened: Bool
        var visitedItems: Set<Int>
        var lastSequence: Int
        var lastEventTime: Date
        var nextEntryNumber: Int
        var nextParticipantID: Int
        var nextLessonID: Int
        var secondsPerItem: [Int: TimeInterval]
        var currentItemSince: Date
    }

    var contents: Contents {
        Contents(participants: participants, lessons: lessons, entrySlots: entrySlots, currentItem: currentItem,
                 currentLesson: currentLesson, hasEnded: hasEnded, isReopened: isReopened, visitedItems: visitedItems,
                 lastSequence: lastSequence, lastEventTime: lastEventTime, nextEntryNumber: nextEntryNumber,
                 nextParticipantID: nextParticipantID, nextLessonID: nextLessonID, secondsPerItem: secondsPerItem,
                 currentItemSince: currentItemSince)
    }

    /// The state `contents` describe, with no undo history: for reports,
    /// never for a journal to append to.
    init(header: SessionHeader, contents: Contents) {
        self.header = header
        participants = contents.participants
        lessons = contents.lessons
        entrySlots = contents.entrySlots
        currentItem = contents.currentItem
        currentLesson = contents.currentLesson
        hasEnded = contents.hasEnded
        isReopened = contents.isReopened
        visitedItems = contents.visitedItems
        lastSequence = contents.lastSequence
        lastEventTime = contents.lastEventTime
        nextEntryNumber = contents.nextEntryNumber
        nextParticipantID = contents.nextParticipantID
        nextLessonID = contents.nextLessonID
        secondsPerItem = contents.secondsPerItem
        currentItemSince = contents.currentItemSince
    }

    // MARK: Looking things up

    public func entry(_ number: Int) -> Entry? {
        guard number >= 1, number <= entrySlots.count, !entrySlots[number - 1].isDeleted else { return nil }
        return entrySlots[number - 1].entry
    }

    public func participant(_ id: Int) -> Participant? {
        participants.withUnsafeBufferPointer { Self.find(id, in: $0, id: \.id) }
    }

    public func lesson(_ id: Int) -> Lesson? {
        lessons.withUnsafeBufferPointer { Self.find(id, in: $0, id: \.id) }
    }

    /// Ids are given out in order from 1 and only the latest can be undone,
    /// so ids ascend: usually one more than the index, else a binary search.
    private static func find<Element>(_ id: Int, in elements: UnsafeBufferPointer<Element>, id key: (Element) -> Int) -> Element? {
        if id >= 1, id <= elements.count, key(elements[id - 1]) == id { return elements[id - 1] }
        var low = 0, high = elements.count
        while low < high {
            let middle = (low + high) / 2
            let found = key(elements[middle])
            if found == id { return elements[middle] }
            if found < id { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// What the next `undo` would take back, in words; `nil` when nothing can be undone.
    public var nextUndoDescription: String? { undoStack.last?.change.description }

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

    /// Applies a record that `check` accepted, as `apply` does without
    /// checking it again: for the journal, which checks before writing.
    mutating func applyChecked(_ record: SessionRecord) {
        applyEvent(record)
        lastSequence = record.sequence
        lastEventTime = Swift.max(lastEventTime, record.time)
    }

    private mutating func applyEvent(_ record: SessionRecord) {
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
            undoStack.append(UndoStep(sequence: sequence, inverse: .removeParticipant(participant.id), change: .join(name: participant.name)))

        case .lessonOpened(let lesson):
            lessons.append(lesson)
            nextLessonID += 1
            undoStack.append(UndoStep(sequence: sequence, inverse: .removeLesson(lesson.id, previousLesson: currentLesson), change: .lesson(title: lesson.title)))
            currentLesson = lesson.id

        case .captured(let entry):
            // `check` made sure the number is the next one: its slot is the next one.
            entrySlots.append(EntrySlot(entry: entry))
            nextEntryNumber += 1
            undoStack.append(UndoStep(sequence: sequence, inverse: .removeEntry(entry.number), change: .capture(entry.kind, number: entry.number)))

        case .edited(let number, let text):
            let previous = entrySlots[number - 1].entry?.text ?? ""
            entrySlots[number - 1].entry?.text = text
            undoStack.append(UndoStep(sequence: sequence, inverse: .setText(entry: number, text: previous), change: .edit(number)))

        case .deleted(let number):
            entrySlots[number - 1].isDeleted = true
            undoStack.append(UndoStep(sequence: sequence, inverse: .restoreEntry(number), change: .delete(number)))

        case .moved(let number, let item):
            let previous = entrySlots[number - 1].entry
            entrySlots[number - 1].entry?.item = item
            entrySlots[number - 1].entry?.lesson = nil
            undoStack.append(UndoStep(sequence: sequence, inverse: .moveBack(entry: number, item: previous?.item ?? item, lesson: previous?.lesson), change: .move(number)))

        case .undone:
            if let step = undoStack.popLast() { undo(step.inverse) }

        case .wentTo(let item):
            if !hasEnded { closeTimeSlot(at: record.time) }
            currentItemSince = record.time
            currentItem = item
            visitedItems.insert(item)
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
            // The slot stays, empty: numbers are never given out again.
            entrySlots[number - 1].entry = nil
        case .setText(let number, let text):
            entrySlots[number - 1].entry?.text = text
        case .restoreEntry(let number):
            entrySlots[number - 1].isDeleted = false
        case .moveBack(let number, let item, let lesson):
            entrySlots[number - 1].entry?.item = item
            entrySlots[number - 1].entry?.lesson = lesson
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
