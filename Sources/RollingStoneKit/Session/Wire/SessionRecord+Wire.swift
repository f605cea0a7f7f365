import Foundation
import SwiftProtobuf

/// The fast way to read an event line: SwiftProtobuf's generated JSON
/// decoder, about 2.5 times faster than `JSONDecoder` on the lines this tool
/// writes (see docs/performance.md).
///
/// It is only a shortcut. A line it cannot read, or that lacks a field or
/// holds a name `SessionRecord(from:)` would refuse, yields `nil`, and the
/// caller reads that line with `JSONDecoder` after all: the `Codable`
/// conformance stays the definition of the format and the source of every
/// error message. Tests check that both ways agree on every line both read.
extension SessionRecord {
    /// Fields this tool's own files never hold, such as a newer tool's, are
    /// skipped, as `JSONDecoder` skips them.
    private static let wireOptions: JSONDecodingOptions = {
        var options = JSONDecodingOptions()
        options.ignoreUnknownFields = true
        return options
    }()

    /// The event on one line of JSON (without its newline), or `nil` when
    /// the fast reader cannot vouch for it.
    init?(jsonLine line: Data) {
        guard let wire = try? WireEvent(jsonUTF8Bytes: line, options: Self.wireOptions) else { return nil }
        self.init(wire: wire)
    }

    /// The record `wire` holds; `nil` when a field `SessionRecord(from:)`
    /// requires is missing or a name is not one it knows.
    init?(wire: WireEvent) {
        guard wire.hasSeq, wire.hasAt, wire.hasType,
              let time = try? SessionTimestamp.date(from: wire.at, codingPath: [])
        else { return nil }
        let event: SessionEvent
        switch wire.type {
        case "opened": event = .opened
        case "join":
            guard wire.hasParticipant, let participant = Participant(wire: wire.participant) else { return nil }
            event = .joined(participant)
        case "lesson":
            guard wire.hasLesson, let lesson = Lesson(wire: wire.lesson) else { return nil }
            event = .lessonOpened(lesson)
        case "capture":
            guard wire.hasEntry, let entry = Entry(wire: wire.entry) else { return nil }
            event = .captured(entry)
        case "edit":
            guard wire.hasNumber, wire.hasText else { return nil }
            event = .edited(entry: Int(wire.number), text: wire.text)
        case "delete":
            guard wire.hasNumber else { return nil }
            event = .deleted(entry: Int(wire.number))
        case "move":
            guard wire.hasNumber, wire.hasItem else { return nil }
            event = .moved(entry: Int(wire.number), item: Int(wire.item))
        case "undo":
            guard wire.hasUndoes else { return nil }
            event = .undone(sequence: Int(wire.undoes))
        case "goto":
            guard wire.hasItem else { return nil }
            event = .wentTo(item: Int(wire.item))
        case "end": event = .ended
        default: return nil
        }
        self.init(sequence: Int(wire.seq), time: time, event: event)
    }
}

extension Participant {
    init?(wire: WireParticipant) {
        guard wire.hasID, wire.hasName, wire.hasCountry else { return nil }
        self.init(
            id: Int(wire.id), name: wire.name, country: wire.country,
            network: wire.hasNetwork ? wire.network : nil,
            role: wire.hasRole ? wire.role : nil,
            contact: wire.hasContact ? wire.contact : nil)
    }
}

extension Lesson {
    init?(wire: WireLesson) {
        guard wire.hasID, wire.hasTitle, wire.hasItem else { return nil }
        self.init(id: Int(wire.id), title: wire.title, item: Int(wire.item))
    }
}

extension Entry {
    init?(wire: WireEntry) {
        guard wire.hasNumber, wire.hasText, wire.hasItem, wire.hasKind, let kind = EntryKind(rawValue: wire.kind) else { return nil }
        self.init(
            number: Int(wire.number), kind: kind, text: wire.text,
            participant: wire.hasParticipant ? Int(wire.participant) : nil,
            item: Int(wire.item),
            lesson: wire.hasLesson ? Int(wire.lesson) : nil)
    }
}
