import Foundation

/// Everything known about a meeting, rebuilt by applying its session events
/// in order.
///
/// The state is only ever changed through `apply(_:)`, both live and when a
/// session file is replayed, so what the REPL shows and what a resumed session
/// or a report sees cannot drift apart.
package struct MeetingState: Sendable {
    package let header: SessionHeader
    package var agenda: Agenda { header.agenda }

    /// Participants in the order they joined.
    package private(set) var participants: [Participant] = []
    /// Lessons in the order they were opened.
    package private(set) var lessons: [Lesson] = []
    /// Live entries (not deleted), in capture order.
    ///
    /// Built on each call, in one pass: keep the result rather than asking
    /// again in a loop.
    package var entries: [Entry] { entrySlots.compactMap { $0.isDeleted ? nil : $0.entry } }

    /// The agenda item under way (0-based).
    package private(set) var currentItem = 0
    /// The lesson new entries go under, if any.
    package private(set) var currentLesson: Int?
    /// Whether `end` has been recorded (a reopened meeting stays ended).
    package private(set) var hasEnded = false
    /// Whether the session was opened again after it had ended.
    package private(set) var isReopened = false
    /// The agenda items that have been under way at some time.
    package private(set) var visitedItems: Set<Int> = [0]
    /// How many times the agenda has moved to an item: tells one stay on an
    /// item from the next, for what happens once per stay (a time box alert).
    package private(set) var itemChanges = 0

    /// The sequence number of the last event applied; 0 before any.
    package private(set) var lastSequence = 0
    /// When the last event was recorded.
    package private(set) var lastEventTime: Date

    package private(set) var nextEntryNumber = 1
    package private(set) var nextParticipantID = 1
    package private(set) var nextLessonID = 1

    /// Entry `#n` at index n − 1: numbers are given out in order from 1 and
    /// never reused, so an array is the index (a dictionary cost a tenth of
    /// a replay). An undone capture leaves an empty slot.
    private var entrySlots: [EntrySlot] = []
    private var secondsPerItem: [Int: TimeInterval] = [:]
    private var currentItemSince: Date
    private var undoStack: [UndoStep] = []
    /// Submissions from the room: `#n` at index n − 1, with where each stands.
    package private(set) var submissions: [Submission] = []
    package private(set) var submissionStatuses: [SubmissionStatus] = []
    /// The submission each accepted entry came from, by entry number.
    package private(set) var submissionOfEntry: [Int: Int] = [:]
    /// Who waits for the floor and who has had it.
    package private(set) var speakers = SpeakerQueue()
    /// Actions of earlier meetings closed in this one, in the order closed.
    package private(set) var closedActions: [ClosedAction] = []
    /// The participants kept out of the write-ups by name (`private @NAME`).
    package private(set) var privateParticipants: Set<Int> = []

    private struct EntrySlot: Sendable {
        var entry: Entry?
        var isDeleted = false
    }

    /// What `undo` needs to take a change back, derived while applying events.
    private struct UndoStep: Sendable {
        var sequence: Int
        var inverse: Inverse
        var change: UndoableChange
    }

    private enum Inverse: Sendable {
        case removeEntry(Int)
        case setText(entry: Int, text: String)
        case restoreEntry(Int)
        case moveBack(entry: Int, item: Int, lesson: Int?)
        case removeParticipant(Int)
        case removeLesson(Int, previousLesson: Int?)
        case unaccept(submission: Int, entry: Int)
        case unreject(submission: Int)
        case reopenAction
        case makePublic(Int)
    }

    package init(header: SessionHeader) {
        self.header = header
        self.lastEventTime = header.created
        self.currentItemSince = header.created
    }

    // MARK: Looking things up

    package func entry(_ number: Int) -> Entry? {
        guard number >= 1, number <= entrySlots.count, !entrySlots[number - 1].isDeleted else { return nil }
        return entrySlots[number - 1].entry
    }

    package func participant(_ id: Int) -> Participant? {
        participants.withUnsafeBufferPointer { Self.find(id, in: $0, id: \.id) }
    }

    package func lesson(_ id: Int) -> Lesson? {
        lessons.withUnsafeBufferPointer { Self.find(id, in: $0, id: \.id) }
    }

    /// Ids are given out in order from 1 and only the latest can be undone,
    /// so ids ascend: usually one more than the index, else a binary search.
    private static func find<Element>(_ id: Int, in elements: UnsafeBufferPointer<Element>, id key: (Element) -> Int) -> Element? {
        if id >= 1, id <= elements.count, key(elements[id - 1]) == id { return elements[id - 1] }
        var low = 0
        var high = elements.count
        while low < high {
            let middle = (low + high) / 2
            let found = key(elements[middle])
            if found == id { return elements[middle] }
            if found < id { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// Where submission `number` stands; `nil` when there is none.
    package func submissionStatus(_ number: Int) -> SubmissionStatus? {
        submissionStatuses.indices.contains(number - 1) ? submissionStatuses[number - 1] : nil
    }

    /// The submissions waiting for the facilitator, oldest first.
    package var pendingSubmissions: [Submission] {
        zip(submissions, submissionStatuses).compactMap { $1 == .pending ? $0 : nil }
    }

    /// What the next `undo` would take back; `nil` when nothing can be undone.
    package var nextUndo: UndoableChange? { undoStack.last?.change }

    /// The sequence number `undo` would record as undone.
    package var nextUndoSequence: Int? { undoStack.last?.sequence }

    /// The participant whose join `undo` would take back, if that is next.
    package var nextUndoneParticipant: Int? {
        guard case .removeParticipant(let id) = undoStack.last?.inverse else { return nil }
        return id
    }

    /// Seconds spent on `item` so far, counting up to `now` for the current item
    /// of a meeting still under way.
    package func secondsSpent(onItem item: Int, now: Date? = nil) -> TimeInterval {
        var seconds = secondsPerItem[item, default: 0]
        if item == currentItem && !hasEnded {
            let until = now ?? lastEventTime
            seconds += Swift.max(0, until.timeIntervalSince(currentItemSince))
        }
        return seconds
    }

    /// Seconds spent on the whole meeting so far.
    package func secondsSpent(now: Date? = nil) -> TimeInterval {
        agenda.items.indices.reduce(0) { $0 + secondsSpent(onItem: $1, now: now) }
    }

    // MARK: Applying events

    /// Applies one recorded event.
    ///
    /// - Throws: `MeetingStateError` when the event does not fit the state
    ///   (a sequence gap, an entry that does not exist …): a sign that the
    ///   file was edited or damaged, never something to skip silently.
    package mutating func apply(_ record: SessionRecord) throws(MeetingStateError) {
        try check(record)
        applyChecked(record)
    }

    /// Throws what `apply` would throw, without changing anything, so the
    /// journal can refuse an event before it reaches the disk.
    package func check(_ record: SessionRecord) throws(MeetingStateError) {
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
            guard let step = undoStack.last, step.sequence == target else { throw .unexpected("undo of event \(target)") }
            // Queue events are not undone, so a join they refer to stays.
            if case .removeParticipant(let id) = step.inverse, speakers.refers(to: id) {
                throw .unexpected("undo of the join of participant \(id), who is in the speaker queue")
            }
        case .wentTo(let item):
            guard agenda.items.indices.contains(item) else { throw .unknownItem(item) }
        case .submitted(let submission):
            guard submission.number == submissions.count + 1 else { throw .unexpected("submission \(submission.number)") }
        case .accepted(let number, let entry):
            guard submissionStatus(number) == .pending else { throw .unexpected("acceptance of submission \(number)") }
            try check(SessionRecord(sequence: record.sequence, time: record.time, event: .captured(entry)))
        case .rejected(let number):
            guard submissionStatus(number) == .pending else { throw .unexpected("rejection of submission \(number)") }
        case .queued, .unqueued, .turnStarted, .turnEnded, .speakerTimeSet:
            try speakers.check(record.event) { participant($0) != nil }
        case .actionDone(let action):
            guard !closedActions.contains(where: { $0.action.names(sameActionAs: action) }) else {
                throw .unexpected("action \(action.label) closed twice")
            }
        case .madePrivate(let id):
            guard participant(id) != nil else { throw .unknownParticipant(id) }
            guard !privateParticipants.contains(id) else { throw .unexpected("participant \(id) made private twice") }
        }
    }

    /// Applies a record that `check` accepted, as `apply` does without
    /// checking it again: for the journal, which checks before writing.
    package mutating func applyChecked(_ record: SessionRecord) {
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
                speakers.resume(lastEventTime: lastEventTime, at: record.time)
            }

        case .joined(let participant):
            participants.append(participant)
            nextParticipantID += 1
            undoStack.append(UndoStep(sequence: sequence, inverse: .removeParticipant(participant.id), change: .join(name: participant.name)))

        case .lessonOpened(let lesson):
            lessons.append(lesson)
            nextLessonID += 1
            undoStack.append(
                UndoStep(sequence: sequence, inverse: .removeLesson(lesson.id, previousLesson: currentLesson), change: .lesson(title: lesson.title)))
            currentLesson = lesson.id

        case .captured(let entry):
            // `check` made sure the number is the next one: its slot is the next one.
            entrySlots.append(EntrySlot(entry: entry))
            nextEntryNumber += 1
            undoStack.append(UndoStep(sequence: sequence, inverse: .removeEntry(entry.number), change: .capture(entry.kind, number: entry.number)))

        case .edited(let number, let text):
            let previous = entrySlots[number - 1].entry?.text ?? ""
            entrySlots[number - 1].entry?.text = text
            undoStack.append(UndoStep(sequence: sequence, inverse: .setText(entry: number, text: previous), change: .edit(entry: number)))

        case .deleted(let number):
            entrySlots[number - 1].isDeleted = true
            undoStack.append(UndoStep(sequence: sequence, inverse: .restoreEntry(number), change: .delete(entry: number)))

        case .moved(let number, let item):
            let previous = entrySlots[number - 1].entry
            entrySlots[number - 1].entry?.item = item
            entrySlots[number - 1].entry?.lesson = nil
            undoStack.append(
                UndoStep(
                    sequence: sequence, inverse: .moveBack(entry: number, item: previous?.item ?? item, lesson: previous?.lesson), change: .move(entry: number))
            )

        case .undone:
            if let step = undoStack.popLast() { undo(step.inverse) }

        case .wentTo(let item):
            if !hasEnded { closeTimeSlot(at: record.time) }
            currentItemSince = record.time
            currentItem = item
            itemChanges += 1
            visitedItems.insert(item)
            currentLesson = nil

        case .ended:
            if !hasEnded { closeTimeSlot(at: record.time) }
            speakers.endTurn(at: record.time)
            hasEnded = true

        case .queued, .unqueued, .turnStarted, .turnEnded, .speakerTimeSet:
            // Not on the undo stack: `q-` and `q done` are the way back.
            speakers.apply(record.event, at: record.time)

        case .submitted(let submission):
            submissions.append(submission)
            submissionStatuses.append(.pending)

        case .accepted(let number, let entry):
            entrySlots.append(EntrySlot(entry: entry))
            nextEntryNumber += 1
            submissionStatuses[number - 1] = .accepted(entry: entry.number)
            submissionOfEntry[entry.number] = number
            let change = UndoableChange.accept(submission: number, entry: entry.number)
            undoStack.append(UndoStep(sequence: sequence, inverse: .unaccept(submission: number, entry: entry.number), change: change))

        case .rejected(let number):
            submissionStatuses[number - 1] = .rejected
            undoStack.append(UndoStep(sequence: sequence, inverse: .unreject(submission: number), change: .reject(submission: number)))

        case .actionDone(let action):
            closedActions.append(ClosedAction(action: action, at: record.time))
            undoStack.append(UndoStep(sequence: sequence, inverse: .reopenAction, change: .actionDone(label: action.label)))

        case .madePrivate(let id):
            privateParticipants.insert(id)
            undoStack.append(UndoStep(sequence: sequence, inverse: .makePublic(id), change: .makePrivate(name: participant(id)?.name ?? "")))
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
        case .unaccept(let submission, let entry):
            entrySlots[entry - 1].entry = nil
            submissionOfEntry[entry] = nil
            submissionStatuses[submission - 1] = .pending
        case .unreject(let submission):
            submissionStatuses[submission - 1] = .pending
        case .reopenAction:
            closedActions.removeLast()
        case .makePublic(let id):
            privateParticipants.remove(id)
        }
    }
}

/// An event that does not fit the meeting it is applied to.
package enum MeetingStateError: Error, Equatable, CustomStringConvertible, Sendable {
    case outOfSequence(expected: Int, found: Int)
    case unknownEntry(Int)
    case unknownParticipant(Int)
    case unknownItem(Int)
    case unexpected(String)

    package var description: String {
        switch self {
        case .outOfSequence(let expected, let found): "expected event \(expected), found event \(found)"
        case .unknownEntry(let number): "entry #\(number) does not exist"
        case .unknownParticipant(let id): "participant \(id) does not exist"
        case .unknownItem(let item): "agenda item \(item + 1) does not exist"
        case .unexpected(let what): "unexpected \(what)"
        }
    }
}

extension MeetingState {
    /// The participant a name given in the room stands for: the same full
    /// name, or the same first name as exactly one participant's, without
    /// regard to case or accents; `nil` when none or several match.
    package func participant(named name: String) -> Participant? {
        let key = name.trimmingWhitespace.folded
        guard !key.isEmpty else { return nil }
        if let full = participants.first(where: { $0.name.folded == key }) { return full }
        let byFirstName = participants.filter { $0.name.split(separator: " ").first.map { String($0).folded } == key }
        return byFirstName.count == 1 ? byFirstName[0] : nil
    }
}
