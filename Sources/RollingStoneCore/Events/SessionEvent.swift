import Foundation

/// One change to a meeting, as written to the session file.
///
/// The session file is append-only: corrections, deletions, undo and agenda
/// moves are events too, so nothing acknowledged is ever rewritten.
package enum SessionEvent: Equatable, Sendable {
    /// The REPL opened the session: at the start and on every resume.
    case opened
    case joined(Participant)
    case lessonOpened(Lesson)
    case captured(Entry)
    case edited(entry: Int, text: String)
    case deleted(entry: Int)
    case moved(entry: Int, item: Int)
    /// Takes back the change recorded with sequence number `sequence`.
    case undone(sequence: Int)
    /// The agenda moved to item `item` (0-based).
    case wentTo(item: Int)
    case ended
    /// A phone in the room sent something for the facilitator to accept.
    case submitted(Submission)
    /// Submission `submission` was accepted as `entry`.
    case accepted(submission: Int, entry: Entry)
    /// Submission `submission` was rejected.
    case rejected(submission: Int)
    /// A participant asked for the floor (`q+`).
    case queued(SpeakerRequest)
    /// Participant `participant` was taken out of the speaker queue (`q-`).
    case unqueued(participant: Int)
    /// Participant `participant`, who was waiting, got the floor; a turn
    /// under way ends with it (`ack`).
    case turnStarted(participant: Int)
    /// The turn under way ended with no one next (`q done`).
    case turnEnded
    /// Each speaker now has `seconds` before the overrun is announced; 0 for no limit (`q time`).
    case speakerTimeSet(seconds: Int)
    /// A follow-up action of an earlier meeting of the series was done (`done A2.6`).
    case actionDone(ActionReference)
    /// Participant `participant` is kept out of the write-ups by name (`private @NAME`).
    case madePrivate(participant: Int)
}

/// A session event with its place and time in the session.
package struct SessionRecord: Equatable, Sendable {
    /// 1 for the first event after the header, then one more each line.
    package var sequence: Int
    package var time: Date
    package var event: SessionEvent

    package init(sequence: Int, time: Date, event: SessionEvent) {
        self.sequence = sequence
        self.time = time
        self.event = event
    }
}

extension SessionRecord: Codable {
    private enum CodingKeys: String, CodingKey {
        case seq, at, type, participant, lesson, entry, number, text, item, undoes, submission, request, seconds, action
    }

    /// The `type` of each event in the file; one case per `SessionEvent` case.
    package enum Kind: String, Codable, CaseIterable, Sendable {
        case opened, join, lesson, capture, edit, delete, move, undo, goto, end, submit, accept, reject
        case queue, unqueue, turn
        case turnEnd = "turn-end"
        case speakerTime = "speaker-time"
        case actionDone = "action-done"
        case madePrivate = "private"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sequence = try container.decode(Int.self, forKey: .seq)
        time = try SessionTimestamp.date(from: container.decode(String.self, forKey: .at), codingPath: container.codingPath)
        let typeName = try container.decode(String.self, forKey: .type)
        guard let kind = Kind(rawValue: typeName) else {
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "Cannot initialize Kind from invalid String value \(typeName)")
        }
        switch kind {
        case .opened: event = .opened
        case .join: event = .joined(try container.decode(Participant.self, forKey: .participant))
        case .lesson: event = .lessonOpened(try container.decode(Lesson.self, forKey: .lesson))
        case .capture: event = .captured(try container.decode(Entry.self, forKey: .entry))
        case .edit:
            event = .edited(
                entry: try container.decode(Int.self, forKey: .number),
                text: try container.decode(String.self, forKey: .text))
        case .delete: event = .deleted(entry: try container.decode(Int.self, forKey: .number))
        case .move:
            event = .moved(
                entry: try container.decode(Int.self, forKey: .number),
                item: try container.decode(Int.self, forKey: .item))
        case .undo: event = .undone(sequence: try container.decode(Int.self, forKey: .undoes))
        case .goto: event = .wentTo(item: try container.decode(Int.self, forKey: .item))
        case .end: event = .ended
        case .submit: event = .submitted(try container.decode(Submission.self, forKey: .submission))
        case .accept:
            event = .accepted(
                submission: try container.decode(Int.self, forKey: .number),
                entry: try container.decode(Entry.self, forKey: .entry))
        case .reject: event = .rejected(submission: try container.decode(Int.self, forKey: .number))
        case .queue: event = .queued(try container.decode(SpeakerRequest.self, forKey: .request))
        case .unqueue: event = .unqueued(participant: try container.decode(Int.self, forKey: .participant))
        case .turn: event = .turnStarted(participant: try container.decode(Int.self, forKey: .participant))
        case .turnEnd: event = .turnEnded
        case .speakerTime: event = .speakerTimeSet(seconds: try container.decode(Int.self, forKey: .seconds))
        case .actionDone: event = .actionDone(try container.decode(ActionReference.self, forKey: .action))
        case .madePrivate: event = .madePrivate(participant: try container.decode(Int.self, forKey: .participant))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sequence, forKey: .seq)
        try container.encode(SessionTimestamp.string(from: time), forKey: .at)
        try container.encode(event.kind, forKey: .type)
        switch event {
        case .opened, .ended, .turnEnded:
            break
        case .joined(let participant):
            try container.encode(participant, forKey: .participant)
        case .lessonOpened(let lesson):
            try container.encode(lesson, forKey: .lesson)
        case .captured(let entry):
            try container.encode(entry, forKey: .entry)
        case .edited(let number, let text):
            try container.encode(number, forKey: .number)
            try container.encode(text, forKey: .text)
        case .deleted(let number):
            try container.encode(number, forKey: .number)
        case .moved(let number, let item):
            try container.encode(number, forKey: .number)
            try container.encode(item, forKey: .item)
        case .undone(let sequence):
            try container.encode(sequence, forKey: .undoes)
        case .wentTo(let item):
            try container.encode(item, forKey: .item)
        case .submitted(let submission):
            try container.encode(submission, forKey: .submission)
        case .accepted(let number, let entry):
            try container.encode(number, forKey: .number)
            try container.encode(entry, forKey: .entry)
        case .rejected(let number):
            try container.encode(number, forKey: .number)
        case .queued(let request):
            try container.encode(request, forKey: .request)
        case .unqueued(let participant), .turnStarted(let participant), .madePrivate(let participant):
            try container.encode(participant, forKey: .participant)
        case .speakerTimeSet(let seconds):
            try container.encode(seconds, forKey: .seconds)
        case .actionDone(let action):
            try container.encode(action, forKey: .action)
        }
    }
}

extension SessionEvent {
    /// The `type` the event is written with.
    package var kind: SessionRecord.Kind {
        switch self {
        case .opened: .opened
        case .joined: .join
        case .lessonOpened: .lesson
        case .captured: .capture
        case .edited: .edit
        case .deleted: .delete
        case .moved: .move
        case .undone: .undo
        case .wentTo: .goto
        case .ended: .end
        case .submitted: .submit
        case .accepted: .accept
        case .rejected: .reject
        case .queued: .queue
        case .unqueued: .unqueue
        case .turnStarted: .turn
        case .turnEnded: .turnEnd
        case .speakerTimeSet: .speakerTime
        case .actionDone: .actionDone
        case .madePrivate: .madePrivate
        }
    }
}
