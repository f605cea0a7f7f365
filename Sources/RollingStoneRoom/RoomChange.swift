import RollingStoneCore

/// What one session event changed, as a page needs it (`change` in docs/room.md).
enum RoomChange: Encodable, Sendable {
    /// Start again from the state that comes with it.
    case reset
    case opened
    case ended
    case joined(RoomView.Person)
    case lesson(RoomView.Lesson)
    /// `capture`, `edit`, `move`, with the entry as it now is.
    case entry(type: String, RoomView.Entry)
    case deleted(number: Int)
    case wentTo(item: Int)
    /// An undo; `submission` when it made a submission pending again.
    case undo(submission: SubmissionView?)
    /// A submission was sent, accepted (with its entry) or rejected.
    case submission(SubmissionView, entry: RoomView.Entry?)
    /// The speaker queue changed (`q+`, `ack`, …): the status says how.
    case speakers

    /// Where a submission stands, without its text or its sender's name:
    /// every page sees these.
    struct SubmissionView: Encodable, Sendable {
        var number: Int
        var kind: String
        var status: String

        init(_ submission: Submission, _ status: SubmissionStatus) {
            number = submission.number
            kind = submission.kind.rawValue
            switch status {
            case .pending: self.status = "pending"
            case .accepted: self.status = "accepted"
            case .rejected: self.status = "rejected"
            }
        }
    }

    /// The change `event` made to `state` (the state after it); `undoing`
    /// finds the submission an accept or reject recorded at a sequence decided.
    init(_ event: SessionEvent, in state: MeetingState, undoing: (Int) -> Submission?) {
        func view(_ number: Int) -> RoomView.Entry? {
            state.entry(number).map { RoomView.Entry($0, in: state) }
        }
        switch event {
        case .opened: self = .opened
        case .ended: self = .ended
        case .joined(let participant): self = .joined(RoomView.Person(participant, in: state.agenda.language))
        case .lessonOpened(let lesson): self = .lesson(RoomView.Lesson(id: lesson.id, title: lesson.title))
        case .captured(let entry): self = view(entry.number).map { .entry(type: "capture", $0) } ?? .reset
        case .edited(let number, _): self = view(number).map { .entry(type: "edit", $0) } ?? .reset
        case .moved(let number, _): self = view(number).map { .entry(type: "move", $0) } ?? .reset
        case .deleted(let number): self = .deleted(number: number)
        case .wentTo(let item): self = .wentTo(item: item + 1)
        case .undone(let sequence):
            let submission = undoing(sequence).map { SubmissionView($0, .pending) }
            self = .undo(submission: submission)
        case .submitted(let submission): self = .submission(SubmissionView(submission, .pending), entry: nil)
        case .accepted(let number, let entry):
            let submission = state.submissions[number - 1]
            self = .submission(SubmissionView(submission, .accepted(entry: entry.number)), entry: view(entry.number))
        case .rejected(let number): self = .submission(SubmissionView(state.submissions[number - 1], .rejected), entry: nil)
        // What the queue now is comes with the status of every change.
        case .queued, .unqueued, .turnStarted, .turnEnded, .speakerTimeSet: self = .speakers
        // Pages show no actions of earlier meetings; the whole state keeps
        // them right should they ever.
        case .actionDone, .madePrivate: self = .reset
        }
    }

    /// Whether a page must start again from the whole state rather than
    /// apply the change: a reset, another item (with other entries), an undo
    /// (which may take back anything).
    var needsWholeState: Bool {
        switch self {
        case .reset, .wentTo, .undo: true
        default: false
        }
    }

    private enum Keys: String, CodingKey {
        case type, participant, lesson, entry, number, item, submission
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        switch self {
        case .reset: try container.encode("reset", forKey: .type)
        case .opened: try container.encode("opened", forKey: .type)
        case .speakers: try container.encode("speakers", forKey: .type)
        case .ended: try container.encode("end", forKey: .type)
        case .joined(let person):
            try container.encode("join", forKey: .type)
            try container.encode(person, forKey: .participant)
        case .lesson(let lesson):
            try container.encode("lesson", forKey: .type)
            try container.encode(lesson, forKey: .lesson)
        case .entry(let type, let entry):
            try container.encode(type, forKey: .type)
            try container.encode(entry, forKey: .entry)
        case .deleted(let number):
            try container.encode("delete", forKey: .type)
            try container.encode(number, forKey: .number)
        case .wentTo(let item):
            try container.encode("goto", forKey: .type)
            try container.encode(item, forKey: .item)
        case .undo(let submission):
            try container.encode("undo", forKey: .type)
            try container.encodeIfPresent(submission, forKey: .submission)
        case .submission(let submission, let entry):
            try container.encode("submission", forKey: .type)
            try container.encode(submission, forKey: .submission)
            try container.encodeIfPresent(entry, forKey: .entry)
        }
    }
}
