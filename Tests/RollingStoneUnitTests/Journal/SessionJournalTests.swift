import Foundation
import RollingStoneTestSupport
import Testing

@testable import RollingStoneCore
@testable import RollingStoneJournal
@testable import RollingStoneMeeting

@Suite struct SessionJournalTests {
    let agenda = TestMeeting.agenda
    let start = Date(timeIntervalSince1970: 1_348_660_800)

    @Test func anExistingFileIsNeverOverwritten() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("s.jsonl")
        try Data("precious\n".utf8).write(to: url)
        #expect(throws: SessionFileError.alreadyExists(path: url.path)) {
            try SessionJournal.create(at: url, agenda: agenda, now: start)
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == "precious\n")
    }

    @Test func appendedEventsReplayToTheSameState() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("sub/dir/s.jsonl")
        let journal = try SessionJournal.create(at: url, agenda: agenda, now: start)
        try journal.append(.joined(Participant(id: 1, name: "Stéphanie Brüggemann", country: "BE")), at: start + 1)
        try journal.append(.wentTo(item: 1), at: start + 60)
        try journal.append(.captured(Entry(number: 1, kind: .tip, text: "“Quotes” and ’t accents", participant: 1, item: 1)), at: start + 61)
        let file = try SessionFile.read(at: url)
        #expect(file.eventCount == 3)
        #expect(file.tornTail == nil)
        #expect(file.state.entries == journal.state.entries)
        #expect(file.state.participants == journal.state.participants)
        #expect(file.state.currentItem == 1)
        #expect(file.header.agenda == agenda)
    }

    @Test func anEventThatDoesNotFitIsRefusedBeforeItIsWritten() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("s.jsonl")
        let journal = try SessionJournal.create(at: url, agenda: agenda, now: start)
        let before = try Data(contentsOf: url)
        #expect(throws: JournalAppendError.rejected(.unknownEntry(9))) {
            try journal.append(.deleted(entry: 9), at: start)
        }
        #expect(try Data(contentsOf: url) == before)
    }

    @Test func closingLetsGoOfTheLockAndItsNote() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("s.jsonl")
        let journal = try SessionJournal.create(at: url, agenda: agenda, now: start)
        let note = URL(fileURLWithPath: url.path + ".lock")
        #expect(FileManager.default.fileExists(atPath: note.path))
        journal.close()
        #expect(!FileManager.default.fileExists(atPath: note.path))
        #expect(throws: JournalAppendError.notSaved(JournalIOError(operation: "write", code: EBADF))) {
            try journal.append(.opened, at: start)
        }
        journal.close()  // twice is harmless
        // The lock is free: another writer gets in, while the first still exists.
        let next = try reopenJournal(at: url)
        try next.append(.opened, at: start)
        #expect(try SessionFile.read(at: url).eventCount == 1)
        withExtendedLifetime(journal) {}
    }

    @Test func aSecondWriterIsRefused() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("s.jsonl")
        let first = try SessionJournal.create(at: url, agenda: agenda, now: start)
        do {
            _ = try SessionJournal.open(at: url)
            Issue.record("a second writer was let in")
        } catch {
            guard case .lockedByAnother(_, let holder) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(holder?.contains("process \(getpid())") == true)
        }
        // Readers are welcome while the meeting runs.
        #expect(try SessionFile.read(at: url).eventCount == 0)
        withExtendedLifetime(first) {}
    }

    @Test func aTornLastLineIsKeptAsideAndCutOff() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("s.jsonl")
        do {
            let journal = try SessionJournal.create(at: url, agenda: agenda, now: start)
            try journal.append(.joined(Participant(id: 1, name: "Siobhan O'Neill", country: "IE")), at: start)
        }
        let complete = try Data(contentsOf: url)
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"at":"2012-09-26T12:00:00.000Z","seq":2,"ty"#.utf8))
        try handle.close()

        let reopened = try SessionJournal.open(at: url)
        #expect(reopened.recoveredTail?.line == 3)
        #expect(reopened.state.participants.map(\.name) == ["Siobhan O'Neill"])
        #expect(try Data(contentsOf: url) == complete)
        #expect(try String(contentsOf: url.appendingPathExtension("torn"), encoding: .utf8).hasPrefix(#"{"at":"#))
        try reopened.append(.opened, at: start + 5)
        #expect(try SessionFile.read(at: url).eventCount == 2)
    }

    @Test func aBadLineInTheMiddleIsAnErrorWithItsLineNumber() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("s.jsonl")
        do {
            let journal = try SessionJournal.create(at: url, agenda: agenda, now: start)
            try journal.append(.opened, at: start)
            try journal.append(.wentTo(item: 2), at: start)
        }
        var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        lines[1] = "garbage"
        try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        #expect(throws: SessionFileError.self) { try SessionFile.read(at: url) }
        do {
            _ = try SessionFile.read(at: url)
        } catch {
            #expect(error.description.hasPrefix("\(url.path):2: error: not a session event"))
        }
    }

    @Test func filesThatAreNotSessionsAreRefusedClearly() throws {
        let folder = try TemporaryFolder()
        let empty = folder.file("empty.jsonl")
        try Data().write(to: empty)
        #expect(throws: SessionFileError.empty(path: empty.path)) { try SessionFile.read(at: empty) }

        let other = folder.file("other.jsonl")
        try Data("{\"hello\":1}\n".utf8).write(to: other)
        #expect(throws: SessionFileError.notASessionFile(path: other.path, reason: "format is 'missing', expected 'rollingstone-session'")) {
            try SessionFile.read(at: other)
        }

        let newer = folder.file("newer.jsonl")
        try Data("{\"format\":\"rollingstone-session\",\"version\":7}\n".utf8).write(to: newer)
        #expect(throws: SessionFileError.newerVersion(path: newer.path, found: 7, supported: 1)) { try SessionFile.read(at: newer) }

        #expect(throws: SessionFileError.notFound(path: folder.file("nope").path)) { try SessionFile.read(at: folder.file("nope")) }
    }

    @Test func aFailedWriteOrSyncIsNotSavedAndLeavesTheFileClean() throws {
        let sink = FaultySink()
        let journal = try SessionJournal.inMemory(
            header: SessionHeader(created: start, agenda: agenda), sink: sink, url: URL(fileURLWithPath: "/virtual.jsonl"))
        try journal.append(.opened, at: start)
        let good = sink.bytes

        sink.failNextSync = true
        #expect(throws: JournalAppendError.notSaved(JournalIOError(operation: "fsync", code: EIO))) {
            try journal.append(.joined(Participant(id: 1, name: "A", country: "NL")), at: start)
        }
        #expect(sink.bytes == good)
        #expect(journal.state.participants.isEmpty)

        sink.failNextWrite = true
        #expect(throws: JournalAppendError.self) {
            try journal.append(.joined(Participant(id: 1, name: "A", country: "NL")), at: start)
        }
        #expect(sink.bytes == good)

        // Trying again after the fault succeeds, with the same sequence number.
        let record = try journal.append(.joined(Participant(id: 1, name: "A", country: "NL")), at: start)
        #expect(record.sequence == 2)
        let replayed = try SessionFile.parse(sink.bytes, path: "virtual")
        #expect(replayed.state.participants.map(\.name) == ["A"])
        #expect(replayed.eventCount == 2)
    }
}

/// A sink in memory that fails its next write or sync when told to; a
/// failed write leaves half the bytes behind, as a full disk can.
final class FaultySink: JournalSink {
    var bytes: [UInt8] = []
    var failNextWrite = false
    var failNextSync = false

    func length() throws(JournalIOError) -> UInt64 { UInt64(bytes.count) }

    func append(_ newBytes: [UInt8]) throws(JournalIOError) {
        if failNextWrite {
            failNextWrite = false
            bytes += newBytes.prefix(newBytes.count / 2)
            throw JournalIOError(operation: "write", code: ENOSPC)
        }
        bytes += newBytes
    }

    func sync() throws(JournalIOError) {
        if failNextSync {
            failNextSync = false
            throw JournalIOError(operation: "fsync", code: EIO)
        }
    }

    func truncate(to length: UInt64) throws(JournalIOError) {
        bytes.removeSubrange(Int(length)...)
    }
}
