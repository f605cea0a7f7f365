import Foundation
import RollingStoneTestSupport
import Testing

@testable import RollingStoneCore
@testable import RollingStoneJournal
@testable import RollingStoneMeeting

/// A session file whose end was lost or spoiled by a crash: cut at every byte
/// of its last record, or with zeros or garbage after it. Every earlier
/// record must come back, the damage must be reported, and resuming must
/// keep the cut-off bytes aside and leave a file that replays cleanly.
@Suite struct TailTruncationTests {
    let start = Date(timeIntervalSince1970: 1_348_660_800)

    /// A session whose last record is `last`; its bytes and where each line starts.
    private func session(endingWith last: SessionEvent) throws -> (bytes: [UInt8], lineStarts: [Int], state: MeetingState) {
        let folder = try TemporaryFolder()
        let url = folder.file("s.jsonl")
        let journal = try SessionJournal.create(at: url, agenda: TestMeeting.agenda, now: start)
        try journal.append(.opened, at: start)
        try journal.append(.joined(Participant(id: 1, name: "Çağla Yılmaz", country: "NL")), at: start + 10)
        try journal.append(.captured(Entry(number: 1, kind: .tip, text: "Investeer in je contactpersoon", participant: 1, item: 0)), at: start + 20)
        let before = journal.state
        try journal.append(last, at: start + 30)
        let bytes = Array(try Data(contentsOf: url))
        let lineStarts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }.dropLast()
        return (bytes, lineStarts, before)
    }

    private static let plainLast = SessionEvent.captured(Entry(number: 2, kind: .idea, text: "Een gemeenschapsfonds", item: 0))
    // Two-, three- and four-byte UTF-8: cuts land inside characters too.
    private static let multiByteLast = SessionEvent.captured(
        Entry(
            number: 2, kind: .quote, text: "Wij zijn ergens vóór — “samen” 🌱 ’t Çağla", participant: 1, item: 0))

    @Test(arguments: [plainLast, multiByteLast])
    func everyCutOfTheLastRecordKeepsEveryEarlierRecord(last: SessionEvent) throws {
        let (bytes, lineStarts, before) = try session(endingWith: last)
        let lastStart = lineStarts.last!
        let lastLine = lineStarts.count
        var offsetsTried = 0
        let folder = try TemporaryFolder()
        // Every length from "the last record entirely gone" to "all but its newline".
        for length in lastStart..<bytes.count {
            offsetsTried += 1
            let cut = Array(bytes[..<length])
            let file = try SessionFile.parse(cut, path: "cut")
            #expect(file.eventCount == 3, "cut at \(length)")
            #expect(file.state.entries == before.entries)
            #expect(file.state.participants == before.participants)
            #expect(file.validLength == UInt64(lastStart))
            if length == lastStart {
                #expect(file.tornTail == nil)
            } else {
                #expect(file.tornTail?.line == lastLine, "cut at \(length)")
                #expect(file.tornTail?.bytes == Array(bytes[lastStart..<length]))
            }

            // Resuming keeps the cut-off bytes aside, cuts them off, and goes on.
            let url = folder.file("cut-\(length).jsonl")
            try Data(cut).write(to: url)
            try resumeAndAppend(url, expectingTail: Array(bytes[lastStart..<length]), events: 4)
        }
        print("TailTruncationTests: \(offsetsTried) cut offsets of a \(bytes.count - lastStart)-byte last record tried, all earlier records recovered")
        #expect(offsetsTried == bytes.count - lastStart)
    }

    /// Cutting anywhere in the file, not only in its last record: the complete
    /// lines before the cut always come back; inside the header the file is
    /// refused as not a session, never a crash.
    @Test func everyCutOfTheWholeFileRecoversTheCompleteLinesBeforeIt() throws {
        let (bytes, lineStarts, _) = try session(endingWith: Self.multiByteLast)
        let headerEnd = lineStarts[1]
        for length in 0...bytes.count {
            let cut = Array(bytes[..<length])
            if length < headerEnd {
                #expect(throws: SessionFileError.self, "cut at \(length)") { try SessionFile.parse(cut, path: "cut") }
                continue
            }
            // Lines whose newline made it; the first is the header.
            let completeLines = bytes[..<length].filter { $0 == 0x0A }.count
            let file = try SessionFile.parse(cut, path: "cut")
            #expect(file.eventCount == completeLines - 1, "cut at \(length)")
            let atLineEnd = length == bytes.count || lineStarts.contains(length)
            #expect((file.tornTail == nil) == atLineEnd, "cut at \(length)")
        }
        print("TailTruncationTests: \(bytes.count + 1) cut offsets of the whole \(bytes.count)-byte file tried")
    }

    /// What a crash can leave after the last good line.
    static let leftovers: [(String, [UInt8])] = [
        ("zero bytes", [UInt8](repeating: 0, count: 4096)),
        ("zero bytes and a newline", [UInt8](repeating: 0, count: 512) + [0x0A]),
        ("garbage", Array("§±!@ not json at all".utf8)),
        ("garbage line", Array("garbage\n".utf8)),
        ("half a line and a newline", Array(#"{"at":"2012-09-26T12:00:40.000Z","seq":6,"ty"#.utf8) + [0x0A]),
        ("invalid UTF-8", [0xFF, 0xFE, 0xC3, 0x28, 0x0A]),
        ("an empty line", [0x0A]),
        ("a lone carriage return", [0x0D]),
    ]

    @Test(arguments: 0..<leftovers.count)
    func leftoversAfterTheLastLineAreReportedAndKeptAside(index: Int) throws {
        let (name, extra) = Self.leftovers[index]
        let (bytes, lineStarts, _) = try session(endingWith: Self.plainLast)
        let file = try SessionFile.parse(bytes + extra, path: "s")
        #expect(file.eventCount == 4, "\(name)")
        let tail = try #require(file.tornTail, "\(name) not reported")
        #expect(tail.line == lineStarts.count + 1)
        #expect(tail.bytes == extra)
        #expect(file.validLength == UInt64(bytes.count))

        let folder = try TemporaryFolder()
        let url = folder.file("s.jsonl")
        try Data(bytes + extra).write(to: url)
        try resumeAndAppend(url, expectingTail: extra, events: 5)
    }

    /// Two bad lines are not a torn tail: the first is in the middle, and a
    /// bad line in the middle is never skipped silently.
    @Test func twoBadLinesAtTheEndAreAHardError() throws {
        let (bytes, lineStarts, _) = try session(endingWith: Self.plainLast)
        do {
            _ = try SessionFile.parse(bytes + Array("garbage\nmore garbage\n".utf8), path: "s")
            Issue.record("a bad line in the middle was skipped")
        } catch {
            guard case .badLine(_, let line, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(line == lineStarts.count + 1)
            #expect(error.description.hasPrefix("s:\(lineStarts.count + 1): error: not a session event"))
        }
    }

    /// Opens `url` for writing as a resumed REPL would, checks the tail was
    /// moved to the side file and cut off, appends, and replays.
    private func resumeAndAppend(_ url: URL, expectingTail tail: [UInt8], events: Int) throws {
        let sideFile = URL(fileURLWithPath: url.path + ".torn")
        do {
            let journal = try reopenJournal(at: url)
            #expect((journal.recoveredTail?.bytes ?? []) == tail)
            if tail.isEmpty {
                #expect(!FileManager.default.fileExists(atPath: sideFile.path))
            } else {
                #expect(journal.tornTailFile == sideFile)
                #expect(Array(try Data(contentsOf: sideFile)) == tail)
            }
            try journal.append(.opened, at: start + 60)
        }
        let replayed = try SessionFile.read(at: url)
        #expect(replayed.tornTail == nil)
        #expect(replayed.eventCount == events)
        #expect(replayed.state.lastSequence == events)
    }
}
