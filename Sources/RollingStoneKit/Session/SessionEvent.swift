import Foundation

/// One change to a meeting, as written to the session file.
///
/// The session file is append-only: corrections, deletions, undo and agenda
/// moves are events too, so nothing acknowledged is ever rewritten.
public enum SessionEvent: Equatable, Sendable {
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
}

/// A session event with its place and time in the session.
public struct SessionRecord: Equatable, Sendable {
    /// 1 for the first event after the header, then one more each line.
    public var sequence: Int
    public var time: Date
    public var event: SessionEvent

    public init(sequence: Int, time: Date, event: SessionEvent) {
        self.sequence = sequence
        self.time = time
        self.event = event
    }
}

extension SessionRecord: Codable {
    private enum CodingKeys: String, CodingKey {
        case seq, at, type, participant, lesson, entry, number, text, item, undoes
    }

    private enum Kind: String, Codable {
        case opened, join, lesson, capture, edit, delete, move, undo, goto, end
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sequence = try container.decode(Int.self, forKey: .seq)
        time = try SessionTimestamp.date(from: container.decode(String.self, forKey: .at), codingPath: container.codingPath)
        // The type and the entry are read field by field rather than through
        // their generic Decodable conformances: a replay reads 100,000 of
        // them, and the generic path costs a quarter of that. Same fields,
        // same order, same errors.
        let typeName = try container.decode(String.self, forKey: .type)
        guard let kind = Kind(rawValue: typeName) else {
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "Cannot initialize Kind from invalid String value \(typeName)")
        }
        switch kind {
        case .opened: event = .opened
        case .join: event = .joined(try container.decode(Participant.self, forKey: .participant))
        case .lesson: event = .lessonOpened(try container.decode(Lesson.self, forKey: .lesson))
        case .capture: event = .captured(try Self.decodeEntry(container.nestedContainer(keyedBy: EntryKeys.self, forKey: .entry)))
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
        }
    }

    /// `Entry`'s own keys; `decodeEntry` must read what `Entry.init(from:)` reads.
    private enum EntryKeys: String, CodingKey {
        case number, kind, text, participant, item, lesson
    }

    /// What `Entry(from:)` does, without the generic detour.
    private static func decodeEntry(_ fields: KeyedDecodingContainer<EntryKeys>) throws -> Entry {
        let number = try fields.decode(Int.self, forKey: .number)
        let kindName = try fields.decode(String.self, forKey: .kind)
        guard let kind = EntryKind(rawValue: kindName) else {
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: fields, debugDescription: "Cannot initialize EntryKind from invalid String value \(kindName)")
        }
        return Entry(
            number: number, kind: kind,
            text: try fields.decode(String.self, forKey: .text),
            participant: try fields.decodeIfPresent(Int.self, forKey: .participant),
            item: try fields.decode(Int.self, forKey: .item),
            lesson: try fields.decodeIfPresent(Int.self, forKey: .lesson))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sequence, forKey: .seq)
        try container.encode(SessionTimestamp.string(from: time), forKey: .at)
        switch event {
        case .opened:
            try container.encode(Kind.opened, forKey: .type)
        case .joined(let participant):
            try container.encode(Kind.join, forKey: .type)
            try container.encode(participant, forKey: .participant)
        case .lessonOpened(let lesson):
            try container.encode(Kind.lesson, forKey: .type)
            try container.encode(lesson, forKey: .lesson)
        case .captured(let entry):
            try container.encode(Kind.capture, forKey: .type)
            try container.encode(entry, forKey: .entry)
        case .edited(let number, let text):
            try container.encode(Kind.edit, forKey: .type)
            try container.encode(number, forKey: .number)
            try container.encode(text, forKey: .text)
        case .deleted(let number):
            try container.encode(Kind.delete, forKey: .type)
            try container.encode(number, forKey: .number)
        case .moved(let number, let item):
            try container.encode(Kind.move, forKey: .type)
            try container.encode(number, forKey: .number)
            try container.encode(item, forKey: .item)
        case .undone(let sequence):
            try container.encode(Kind.undo, forKey: .type)
            try container.encode(sequence, forKey: .undoes)
        case .wentTo(let item):
            try container.encode(Kind.goto, forKey: .type)
            try container.encode(item, forKey: .item)
        case .ended:
            try container.encode(Kind.end, forKey: .type)
        }
    }
}
