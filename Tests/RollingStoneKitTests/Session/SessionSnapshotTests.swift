import Foundation
import SessionGenerator
import SwiftProtobuf
import Testing
@testable import RollingStoneKit

/// The snapshot a closing REPL leaves beside the session file: the same
/// meeting as a replay, used only while the session file is untouched, and
/// never a reason for a report to fail.
@Suite struct SessionSnapshotTests {
    /// A generated session with a snapshot written by its journal.
    private func sessionWithSnapshot(entries: Int = 1_500, seed: UInt64 = 2012, in folder: TemporaryFolder) throws -> URL {
        let url = folder.file("s.jsonl")
        try SessionGenerator(entries: entries, seed: seed).write(to: url)
        let journal = try SessionJournal.open(at: url)
        try journal.writeSnapshot()
        return url
    }

    /// Everything a report or a listing can ask of a state, in words.
    private func observed(_ state: MeetingState) -> [String] {
        var lines = [
            "participants \(state.participants)", "lessons \(state.lessons)", "entries \(state.entries)",
            "current \(state.currentItem) \(String(describing: state.currentLesson))",
            "ended \(state.hasEnded) reopened \(state.isReopened) visited \(state.visitedItems.sorted())",
            "last \(state.lastSequence) \(state.lastEventTime.timeIntervalSinceReferenceDate)",
            "next \(state.nextEntryNumber) \(state.nextParticipantID) \(state.nextLessonID)",
            "total \(state.secondsSpent()) \(state.secondsSpent(now: state.lastEventTime + 600))",
        ]
        for item in state.agenda.items.indices {
            lines.append("item \(item): \(state.secondsSpent(onItem: item)) \(state.secondsSpent(onItem: item, now: state.lastEventTime + 90))")
        }
        for number in 0...(state.nextEntryNumber) {
            lines.append("#\(number) \(String(describing: state.entry(number)))")
        }
        return lines
    }

    @Test(arguments: [(1_500, 2012 as UInt64), (300, 7), (40, 1)])
    func aSnapshotIsTheSameMeetingAsAReplay(entries: Int, seed: UInt64) throws {
        let folder = try TemporaryFolder()
        let url = try sessionWithSnapshot(entries: entries, seed: seed, in: folder)
        let replayed = try SessionFile.read(at: url)
        let restored = try SessionFile.read(at: url, usingSnapshot: true)
        #expect(!replayed.isFromSnapshot)
        #expect(restored.isFromSnapshot)
        #expect(restored.header == replayed.header)
        #expect(restored.eventCount == replayed.eventCount)
        #expect(restored.validLength == replayed.validLength)
        #expect(observed(restored.state) == observed(replayed.state))
        for language in [MeetingLanguage.nl, .en] {
            for withContacts in [false, true] {
                let options = ReportOptions(language: language, withContacts: withContacts)
                #expect(ReportRenderer.render(restored.state, options: options) == ReportRenderer.render(replayed.state, options: options))
            }
        }
    }

    @Test func theSampleSessionsSnapshotGivesItsGoldenReports() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("sample.jsonl")
        try FileManager.default.copyItem(at: SampleMeeting.session, to: url)
        try SessionJournal.open(at: url).writeSnapshot()
        let restored = try SessionFile.read(at: url, usingSnapshot: true)
        #expect(restored.isFromSnapshot)
        let replayed = try SessionFile.read(at: url)
        for language in [MeetingLanguage.nl, .en] {
            let options = ReportOptions(language: language)
            #expect(ReportRenderer.render(restored.state, options: options) == ReportRenderer.render(replayed.state, options: options))
        }
    }

    @Test func aChangedSessionFileIsReplayedInstead() throws {
        let folder = try TemporaryFolder()
        let start = Date(timeIntervalSince1970: 1_773_493_200)

        // One more event.
        var url = try sessionWithSnapshot(in: folder)
        try SessionJournal.open(at: url).append(.opened, at: start)
        #expect(!(try SessionFile.read(at: url, usingSnapshot: true).isFromSnapshot))

        // A byte changed in place, same length, and the modification time
        // put back: the change time still tells.
        url = try sessionWithSnapshot(in: folder)
        var before = stat()
        stat(url.path, &before)
        // A letter inside a captured text, so the file still reads.
        let word = try #require(try Data(contentsOf: url).range(of: Data("gemeente".utf8)))
        let handle = try FileHandle(forUpdating: url)
        try handle.seek(toOffset: UInt64(word.lowerBound + 1))
        try handle.write(contentsOf: Data("a".utf8))
        try handle.close()
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, url.path, &times, 0) == 0)
        var after = stat()
        stat(url.path, &after)
        #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
        let edited = try SessionFile.read(at: url, usingSnapshot: true)
        #expect(!edited.isFromSnapshot)
        #expect(edited.state.entries.contains { $0.text.lowercased().contains("gameente") })

        // The file replaced by a copy of itself (another inode).
        url = try sessionWithSnapshot(in: folder)
        let copy = folder.file("copy.jsonl")
        try? FileManager.default.removeItem(at: copy)
        try FileManager.default.copyItem(at: url, to: copy)
        try FileManager.default.removeItem(at: url)
        try FileManager.default.moveItem(at: copy, to: url)
        #expect(!(try SessionFile.read(at: url, usingSnapshot: true).isFromSnapshot))
    }

    @Test func aDamagedOrForeignSnapshotIsIgnored() throws {
        let folder = try TemporaryFolder()
        let url = try sessionWithSnapshot(entries: 200, in: folder)
        let snapshotURL = SessionSnapshot.url(for: url)
        let good = try Data(contentsOf: snapshotURL)
        let expected = ReportRenderer.render(try SessionFile.read(at: url).state, options: ReportOptions(language: .en))

        func reportFrom(_ bytes: Data) throws -> (String, Bool) {
            try bytes.write(to: snapshotURL)
            let file = try SessionFile.read(at: url, usingSnapshot: true)
            return (ReportRenderer.render(file.state, options: ReportOptions(language: .en)), file.isFromSnapshot)
        }
        #expect(try reportFrom(good) == (expected, true))

        // Cut short, emptied, rubbish, of another version or tool, or not
        // holding together: noticed, and the session is replayed.
        var refused: [Data] = [Data(), Data(good.prefix(good.count / 2)), Data(good.dropLast()), Data(repeating: 0xFF, count: 100)]
        for change in [{ (s: inout WireSnapshot) in s.version = 2 }, { $0.tool = "0.0.1" }, { $0.entries.kinds.removeLast() },
                       { $0.entries.kindNames[0] = "rumour" }, { $0.currentItem = 99 }, { $0.entries.items[3] = 99 },
                       { $0.entries.slots[2] = 7 }, { $0.clearStamp() }, { $0.stamp.size += 1 },
                       { $0.lastEventTime = .infinity }, { $0.currentItemSince = .nan }, { $0.secondsPerItem[0] = 1e300 },
                       { $0.secondsPerItem[0] = -1 }, { $0.secondsPerItem[42] = 1 }, { $0.visitedItems.append(42) },
                       { $0.participants.swapAt(0, 1) }, { $0.participants[1].id = 1 }, { $0.participants[0].id = 0 }] {
            var snapshot = try WireSnapshot(serializedBytes: good)
            change(&snapshot)
            refused.append(try snapshot.serializedData())
        }
        for bytes in refused {
            #expect(try reportFrom(bytes) == (expected, false))
        }

        // Bits flipped anywhere: never a failed report. (Like the session
        // file itself, a snapshot has no checksum: a flipped bit inside a
        // text decodes as another text. What it guards against is a stale
        // or cut-off snapshot, not a failing disk.)
        var random = SplitMix64(seed: 11)
        for _ in 0..<300 {
            var bytes = good
            let index = Int(random.next() % UInt64(bytes.count))
            bytes[index] ^= UInt8(truncatingIfNeeded: random.next() | 1)
            let (report, fromSnapshot) = try reportFrom(bytes)
            if !fromSnapshot { #expect(report == expected) }
        }

        // Something else in its place.
        try FileManager.default.removeItem(at: snapshotURL)
        try FileManager.default.createDirectory(at: snapshotURL, withIntermediateDirectories: false)
        #expect(!(try SessionFile.read(at: url, usingSnapshot: true).isFromSnapshot))
        try FileManager.default.removeItem(at: snapshotURL)
        #expect(mkfifo(snapshotURL.path, 0o644) == 0)
        #expect(!(try SessionFile.read(at: url, usingSnapshot: true).isFromSnapshot))
    }
}
