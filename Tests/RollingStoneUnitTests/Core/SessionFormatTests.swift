import Foundation
import RollingStoneTestSupport
import Testing

@testable import RollingStoneCore
@testable import RollingStoneJournal

/// The session format is declared once, by the Swift types of the header and
/// the events; writing and reading both follow from them. These tests make a
/// field that exists on one side only impossible to miss: a sample of every
/// event with every optional field set must come back from the file equal,
/// its JSON objects must hold exactly the types' stored properties, and every
/// key must be documented in docs/session-format.md.
@Suite struct SessionFormatTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// One record of each `type`, every optional field set. A new event kind
    /// does not compile until it has a sample here; a new optional field
    /// fails `everyOptionalFieldIsSetInTheSamples` until it is given a value.
    static func sample(of kind: SessionRecord.Kind, sequence: Int) -> SessionRecord {
        let event: SessionEvent
        switch kind {
        case .opened: event = .opened
        case .join:
            event = .joined(
                Participant(
                    id: 1, name: "Stéphanie \"Steff\" Brüggemann", country: "BE", network: "Buurtlab Gent", role: "gastvrouw",
                    contact: "steff@example.org"))
        case .lesson: event = .lessonOpened(Lesson(id: 1, title: "Zoek de mensen achter de organisatie", item: 1))
        case .capture:
            event = .captured(
                Entry(
                    number: 1, kind: .quote, text: "We zijn ergens vóór\n/ \\ 😀", participant: 1, item: 1, lesson: 1,
                    origin: EntryOrigin(session: "2012-09-26-groep-b.jsonl", created: "2012-09-26T12:03:20.250Z", number: 4)))
        case .edit: event = .edited(entry: 1, text: "Nieuwe tekst")
        case .delete: event = .deleted(entry: 1)
        case .move: event = .moved(entry: 1, item: 2)
        case .undo: event = .undone(sequence: 7)
        case .goto: event = .wentTo(item: 2)
        case .end: event = .ended
        case .submit: event = .submitted(Submission(number: 1, kind: .question, text: "Wie betaalt de zaal?", name: "Lotte"))
        case .accept:
            event = .accepted(
                submission: 1,
                entry: Entry(
                    number: 2, kind: .question, text: "Wie betaalt de zaal?", participant: 1, item: 1, lesson: 1,
                    origin: EntryOrigin(session: "groep-a.jsonl", created: "2012-09-26T12:01:00.000Z", number: 1)))
        case .reject: event = .rejected(submission: 1)
        case .queue: event = .queued(SpeakerRequest(participant: 1, priority: .direct, topic: "Over de agenda"))
        case .unqueue: event = .unqueued(participant: 1)
        case .turn: event = .turnStarted(participant: 1)
        case .turnEnd: event = .turnEnded
        case .speakerTime: event = .speakerTimeSet(seconds: 180)
        case .actionDone:
            event = .actionDone(ActionReference(series: "RollingStone", meeting: 1, entry: 6, text: "Verslag rondsturen", owner: "Marije Vos"))
        case .madePrivate: event = .madePrivate(participant: 1)
        }
        return SessionRecord(sequence: sequence, time: Date(timeIntervalSince1970: 1_348_660_800.125 + Double(sequence)), event: event)
    }

    static let records = SessionRecord.Kind.allCases.enumerated().map { sample(of: $1, sequence: $0 + 1) }

    static let header = SessionHeader(
        created: Date(timeIntervalSince1970: 1_348_660_800.5),
        agenda: Agenda(
            title: "Over trekkracht", series: "RollingStone", number: 2, date: "2012-09-26", language: .nl,
            venue: "De Nieuwe Energie, Leiden",
            host: .init(name: "Stadslab Leiden", website: "https://stadslab.example.org", profile: "Een netwerk van makers."),
            items: [
                AgendaItem(title: "Welkom", minutes: 20, prompts: ["Wie ben je?"]),
                AgendaItem(title: "Trekkracht", minutes: 45, theme: true), AgendaItem(title: "Veerkracht", minutes: 30, theme: true),
            ],
            next: .init(date: "2012-11-21", time: "14:00", place: "Amsterdam", theme: "Geld", contact: "a@example.org", description: "Over geld."),
            intro: "Waarom deze middag.",
            organiser: .init(name: "Marije", role: "matchmaker", contact: "m@example.org")),
        id: "0f6d2a44-8c1e-4b7a-9e35-2012a0926b00")

    @Test func everyKindOfEventHasASample() {
        let kinds = Self.records.map(\.event.kind)
        #expect(kinds == SessionRecord.Kind.allCases)
    }

    @Test func everyOptionalFieldIsSetInTheSamples() {
        var unset = Self.unsetOptionals(in: Self.header, path: "header")
        for record in Self.records {
            unset += Self.unsetOptionals(in: record, path: record.event.kind.rawValue)
        }
        #expect(unset.isEmpty, "set these in the samples so the round trip covers them: \(unset)")
    }

    /// Written by the journal's encoder and read back by the session file's
    /// reader, the same records come back.
    @Test func aFileOfEverySampleReadsBackEqual() throws {
        let encoder = SessionJournal.makeEncoder()
        var bytes = Array(try encoder.encode(Self.header)) + [0x0A]
        for record in Self.records {
            bytes += Array(try encoder.encode(record)) + [0x0A]
        }
        let lines = bytes.split(separator: 0x0A).map { Data($0) }
        let decoder = JSONDecoder()
        #expect(try decoder.decode(SessionHeader.self, from: lines[0]) == Self.header)
        for (line, record) in zip(lines.dropFirst(), Self.records) {
            #expect(try decoder.decode(SessionRecord.self, from: line) == record, "\(String(decoding: line, as: UTF8.self))")
        }
        // And through the reader a resumed meeting and a report use, which
        // also checks the events fit together.
        let replayable = try Self.replayableRecords().map { Array(try encoder.encode($0)) + [0x0A] }.joined()
        let file = try SessionFile.parse(Array(try encoder.encode(Self.header)) + [0x0A] + replayable, path: "sample.jsonl")
        #expect(file.eventCount == Self.replayableRecords().count)
        #expect(
            file.state.participants.first
                == Participant(
                    id: 1, name: "Stéphanie \"Steff\" Brüggemann", country: "BE",
                    network: "Buurtlab Gent", role: "gastvrouw", contact: "steff@example.org"))
    }

    /// Each JSON object of a model type holds exactly its stored properties,
    /// under their names.
    @Test func theJSONObjectsHoldExactlyTheStoredProperties() throws {
        let encoder = SessionJournal.makeEncoder()
        var problems: [String] = []
        let headerJSON = try JSONSerialization.jsonObject(with: try encoder.encode(Self.header))
        problems += Self.mismatches(Self.header, headerJSON, path: "header")
        for record in Self.records {
            let json = try #require(try JSONSerialization.jsonObject(with: try encoder.encode(record)) as? [String: Any])
            switch record.event {
            case .joined(let participant): problems += Self.mismatches(participant, json["participant"] as Any, path: "join.participant")
            case .lessonOpened(let lesson): problems += Self.mismatches(lesson, json["lesson"] as Any, path: "lesson.lesson")
            case .captured(let entry): problems += Self.mismatches(entry, json["entry"] as Any, path: "capture.entry")
            case .queued(let request): problems += Self.mismatches(request, json["request"] as Any, path: "queue.request")
            default: break
            }
        }
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func everyKeyIsDocumented() throws {
        let documentation =
            try String(contentsOf: Self.repository.appendingPathComponent("docs/session-format.md"), encoding: .utf8)
            + String(contentsOf: Self.repository.appendingPathComponent("docs/agenda-format.md"), encoding: .utf8)
        let encoder = SessionJournal.makeEncoder()
        var keys = Set<String>()
        Self.collectKeys(try JSONSerialization.jsonObject(with: try encoder.encode(Self.header)), into: &keys)
        for record in Self.records {
            Self.collectKeys(try JSONSerialization.jsonObject(with: try encoder.encode(record)), into: &keys)
            keys.insert(record.event.kind.rawValue)
        }
        let undocumented = keys.filter { !documentation.contains("`\($0)`") }.sorted()
        #expect(undocumented.isEmpty, "keys and types not described in docs/session-format.md: \(undocumented)")
    }

    // MARK: Helpers

    /// The samples in an order that replays: who and what they refer to
    /// exists, and the undo takes back the delete (event 7); the participant
    /// queues, speaks, and queues again to be taken out. (The sample
    /// reject would refuse the submission the sample accept took.)
    static func replayableRecords() -> [SessionRecord] {
        let kinds: [SessionRecord.Kind] = [
            .opened, .join, .lesson, .capture, .edit, .move, .delete, .undo, .submit, .accept,
            .speakerTime, .queue, .turn, .turnEnd, .queue, .unqueue, .goto, .end,
        ]
        return kinds.enumerated().map { sample(of: $1, sequence: $0 + 1) }
    }

    /// The paths of every optional in `value` that is nil.
    static func unsetOptionals(in value: Any, path: String) -> [String] {
        if value is Date { return [] }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return [path] }
            return unsetOptionals(in: wrapped, path: path)
        }
        return mirror.children.enumerated().flatMap { index, child in
            unsetOptionals(in: child.value, path: path + "." + (child.label ?? "\(index)"))
        }
    }

    /// Where the keys of the JSON object `json` differ from the stored
    /// properties of the struct `value`, recursively.
    static func mismatches(_ value: Any, _ json: Any, path: String) -> [String] {
        // Written as a string, not as its parts.
        if value is Date { return [] }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return [] }
            return mismatches(wrapped, json, path: path)
        case .struct:
            guard let object = json as? [String: Any] else { return ["\(path) is not a JSON object"] }
            let labels = Set(mirror.children.compactMap(\.label))
            var problems: [String] = []
            if labels != Set(object.keys) {
                problems.append("\(path): properties \(labels.sorted()), JSON keys \(object.keys.sorted())")
            }
            for child in mirror.children {
                guard let label = child.label, let nested = object[label] else { continue }
                problems += mismatches(child.value, nested, path: path + "." + label)
            }
            return problems
        case .collection:
            guard let array = json as? [Any] else { return ["\(path) is not a JSON array"] }
            return zip(mirror.children, array).flatMap { mismatches($0.value, $1, path: path + "[]") }
        default:
            return []
        }
    }

    static func collectKeys(_ json: Any, into keys: inout Set<String>) {
        if let object = json as? [String: Any] {
            for (key, value) in object {
                keys.insert(key)
                collectKeys(value, into: &keys)
            }
        } else if let array = json as? [Any] {
            for element in array { collectKeys(element, into: &keys) }
        }
    }
}
