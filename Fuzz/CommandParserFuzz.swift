// libFuzzer target: lines typed at the prompt. Built and run by scripts/fuzz, not by SwiftPM.
//
// Each input is split into lines; the whole input goes through
// CommandParser.parse, then every line through a fresh meeting's
// CommandInterpreter, opened as the REPL opens it, on a journal whose sink is
// in memory. Besides crashes and hangs it checks what must always hold:
// - a refused line records nothing, any other line at most one event;
// - no stored text (entries, names, networks, roles, contacts, lesson titles)
//   keeps a control character, an escape, a bidirectional override or a
//   zero-width character, or anything else TextSanitizer would still clean;
// - every entry refers to an agenda item, lesson and participant that exist;
// - the bytes written replay (SessionFile.parse) to the state the REPL shows,
//   field by field, and to a byte-identical report.
// `report` is rendered in memory (ReportRenderer), never written: the path
// would be whatever the input says.
//
// It also checks promise 5 of docs/reliability.md: no reply shows back an
// ESC, a CSI (U+009B) or a BEL, not even an error that quotes the line.
import Foundation
import RollingStoneAgenda
import RollingStoneCore
import RollingStoneJournal
import RollingStoneMeeting
import RollingStoneREPL
import RollingStoneReport
import Synchronization

/// The session file, in memory. Sendable (behind a lock) because the journal
/// is handed over to the meeting while the fuzzer keeps reading what it wrote.
final class MemorySink: JournalSink, Sendable {
    private let storage = Mutex<[UInt8]>([])
    var bytes: [UInt8] { storage.withLock { $0 } }
    func length() throws(JournalIOError) -> UInt64 { storage.withLock { UInt64($0.count) } }
    func append(_ newBytes: [UInt8]) throws(JournalIOError) { storage.withLock { $0 += newBytes } }
    func sync() throws(JournalIOError) {}
    func truncate(to length: UInt64) throws(JournalIOError) { storage.withLock { $0.removeSubrange(Int(length)...) } }
}

/// A clock moved by hand.
final class FuzzClock: Sendable {
    private let time: Mutex<Date>
    init(_ start: Date) { time = Mutex(start) }
    var now: Date { time.withLock { $0 } }
    func advance(seconds: TimeInterval) { time.withLock { $0 += seconds } }
}

let agenda = AgendaLoader.builtInAgenda()
let start = Date(timeIntervalSince1970: 1_348_660_800)
let reportOptions = ReportOptions(language: agenda.language, withContacts: true)
let lineLimit = 32

/// What stored text must never hold: C0 and C1 controls (tab and newline
/// included: white space is folded into a space), DEL, line and paragraph
/// separators, zero-width space and BOM, bidirectional overrides and isolates.
/// Written out here rather than taken from TextSanitizer, so that a mistake in
/// its table is caught too.
func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x200B, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: true
    default: false
    }
}

func isEscape(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\u{1B}" || scalar == "\u{9B}" || scalar == "\u{07}"
}

func checkStored(_ text: String, _ what: @autoclosure () -> String) {
    if text.isEmpty { fatalError("\(what()) is empty") }
    if let bad = text.unicodeScalars.first(where: isForbidden) {
        fatalError("\(what()) keeps U+\(String(bad.value, radix: 16, uppercase: true)): \(text.debugDescription)")
    }
    let cleaned = TextSanitizer.clean(text)
    guard cleaned == text else { fatalError("\(what()) is not clean: \(text.debugDescription) cleans to \(cleaned.debugDescription)") }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommandLine(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let text = String(decoding: bytes, as: UTF8.self)
    _ = try? CommandParser.parse(text)

    let sink = MemorySink()
    let clock = FuzzClock(start)
    let journal: SessionJournal
    do {
        journal = try SessionJournal.inMemory(
            header: SessionHeader(created: start, agenda: agenda), sink: sink, url: URL(fileURLWithPath: "/nonexistent/fuzz.jsonl"))
    } catch {
        fatalError("an in-memory journal could not start: \(error)")
    }
    let interpreter = CommandInterpreter(meeting: Meeting(journal: journal, clock: { clock.now }))
    do {
        try interpreter.open()
    } catch {
        fatalError("the meeting could not be opened: \(error)")
    }

    for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(lineLimit) {
        let line = String(line)
        clock.advance(seconds: 61)
        if case .report? = try? CommandParser.parse(line) {
            // 'report' writes a file wherever the input says: rendered in memory instead.
            _ = ReportRenderer.render(interpreter.state, options: reportOptions)
            continue
        }
        let before = interpreter.state.lastSequence
        let reply = interpreter.handle(line)
        let after = interpreter.state.lastSequence
        if reply.isError && after != before {
            fatalError("a refused line was recorded (\(before) → \(after)): \(line.debugDescription) → \(reply.text.debugDescription)")
        }
        if after != before && after != before + 1 {
            fatalError("one line recorded \(after - before) events: \(line.debugDescription)")
        }
        if reply.endsMeeting && !interpreter.state.hasEnded {
            fatalError("a reply ends the loop but the meeting has not ended: \(line.debugDescription)")
        }
        if reply.text.unicodeScalars.contains(where: isEscape) {
            fatalError("the reply shows back an escape sequence: \(line.debugDescription) → \(reply.text.debugDescription)")
        }
    }

    let state = interpreter.state
    checkReferences(in: state)
    checkReplay(of: sink.bytes, against: state)
    return 0
}

/// Every stored text is clean, every entry is in order and refers to things that exist.
func checkReferences(in state: MeetingState) {
    let lessons = Set(state.lessons.map(\.id))
    let participants = Set(state.participants.map(\.id))
    var lastNumber = 0
    for entry in state.entries {
        checkStored(entry.text, "entry #\(entry.number)")
        guard entry.number > lastNumber, entry.number < state.nextEntryNumber else {
            fatalError("entry #\(entry.number) is out of order (after #\(lastNumber), next #\(state.nextEntryNumber))")
        }
        lastNumber = entry.number
        guard agenda.items.indices.contains(entry.item) else { fatalError("entry #\(entry.number) is under item \(entry.item)") }
        if let lesson = entry.lesson, !lessons.contains(lesson) {
            fatalError("entry #\(entry.number) is under lesson \(lesson), which does not exist")
        }
        if let participant = entry.participant, !participants.contains(participant) {
            fatalError("entry #\(entry.number) is by participant \(participant), who does not exist")
        }
        if entry.kind == .quote && entry.participant == nil { fatalError("quote #\(entry.number) has no speaker") }
    }
    for participant in state.participants {
        checkStored(participant.name, "the name of participant \(participant.id)")
        guard participant.country.count == 2, participant.country.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            fatalError("participant \(participant.id) has country \(participant.country.debugDescription), not an ISO code")
        }
        for (field, value) in [("network", participant.network), ("role", participant.role), ("contact", participant.contact)] {
            if let value { checkStored(value, "the \(field) of participant \(participant.id)") }
        }
    }
    for lesson in state.lessons {
        checkStored(lesson.title, "the title of lesson \(lesson.id)")
        guard agenda.items.indices.contains(lesson.item), agenda.items[lesson.item].theme else {
            fatalError("lesson \(lesson.id) is under item \(lesson.item), which is not a theme")
        }
    }
}

/// What was written reads back, with no torn tail, to the same meeting and the same report.
func checkReplay(of bytes: [UInt8], against state: MeetingState) {
    let file: SessionFile
    do {
        file = try SessionFile.parse(bytes, path: "fuzz")
    } catch {
        fatalError("what the REPL wrote does not read back: \(error)")
    }
    let replayed = file.state
    guard file.tornTail == nil, file.validLength == UInt64(bytes.count), file.eventCount == state.lastSequence else {
        fatalError("the session bytes read back with a torn tail or another number of events")
    }
    guard replayed.header == state.header, replayed.lastSequence == state.lastSequence, replayed.entries == state.entries,
        replayed.participants == state.participants, replayed.lessons == state.lessons,
        replayed.currentItem == state.currentItem, replayed.currentLesson == state.currentLesson,
        replayed.hasEnded == state.hasEnded, replayed.isReopened == state.isReopened,
        replayed.visitedItems == state.visitedItems, replayed.itemChanges == state.itemChanges,
        replayed.nextEntryNumber == state.nextEntryNumber, replayed.nextParticipantID == state.nextParticipantID,
        replayed.nextLessonID == state.nextLessonID, replayed.nextUndo == state.nextUndo,
        replayed.nextUndoSequence == state.nextUndoSequence
    else {
        fatalError("the session bytes do not replay to the REPL's state")
    }
    guard ReportRenderer.render(replayed, options: reportOptions) == ReportRenderer.render(state, options: reportOptions) else {
        fatalError("the replayed session gives another report than the REPL's state")
    }
}
