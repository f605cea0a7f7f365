// libFuzzer target: lines typed at the prompt. Built and run by scripts/fuzz, not by SwiftPM.
//
// Each input is split into lines; the whole input goes through
// CommandParser.parse, then every line through a fresh meeting's interpreter
// on a sink in memory. Besides crashes and hangs it checks what must always
// hold: the bytes written replay to the state the REPL shows, and no stored
// text keeps a control character.
import Foundation
import RollingStoneKit

/// The session file, in memory.
final class MemorySink: JournalSink {
    var bytes: [UInt8] = []
    func length() throws(JournalIOError) -> UInt64 { UInt64(bytes.count) }
    func append(_ newBytes: [UInt8]) throws(JournalIOError) { bytes += newBytes }
    func sync() throws(JournalIOError) {}
    func truncate(to length: UInt64) throws(JournalIOError) { bytes.removeSubrange(Int(length)...) }
}

let agenda = AgendaLoader.builtInAgenda()
/// Built once: reading every country name from Foundation takes longer than a run.
let countries = CountryResolver()
let start = Date(timeIntervalSince1970: 1_348_660_800)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommandLine(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let text = String(decoding: bytes, as: UTF8.self)
    _ = try? CommandParser.parse(text)

    let sink = MemorySink()
    guard let journal = try? SessionJournal.inMemory(header: SessionHeader(created: start, agenda: agenda), sink: sink,
                                                    url: URL(fileURLWithPath: "/nonexistent/fuzz.jsonl")) else {
        fatalError("an in-memory journal could not start")
    }
    var now = start
    let interpreter = MeetingInterpreter(journal: journal, clock: { now }, countries: countries)
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(32) {
        // 'report' writes a file wherever the input says: never from a fuzzer.
        if case .report? = try? CommandParser.parse(String(line)) { continue }
        now += 61
        _ = interpreter.handle(String(line))
    }

    let state = journal.state
    for entry in state.entries where entry.text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{1B}" }) {
        fatalError("entry #\(entry.number) keeps a control character: \(entry.text.debugDescription)")
    }
    do {
        let replayed = try SessionFile.parse(sink.bytes, path: "fuzz")
        guard replayed.tornTail == nil, replayed.state.lastSequence == state.lastSequence,
              replayed.state.entries == state.entries, replayed.state.participants == state.participants else {
            fatalError("the session bytes do not replay to the REPL's state")
        }
    } catch {
        fatalError("what the REPL wrote does not read back: \(error)")
    }
    return 0
}
