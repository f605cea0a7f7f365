import Foundation
import RollingStoneTestSupport
import Testing

@testable import RollingStoneCore
@testable import RollingStoneJournal
@testable import RollingStoneMeeting
@testable import RollingStoneReport

/// Files that are not what `report` or `run --session` expect: each gets a
/// clear error or a bounded, correct result, quickly, never a crash or hang.
@Suite struct HostileFileTests {
    let start = Date(timeIntervalSince1970: 1_348_660_800)

    /// A real session of a few events, as bytes.
    private func validSession() throws -> [UInt8] {
        let folder = try TemporaryFolder()
        let url = folder.file("s.jsonl")
        let journal = try SessionJournal.create(at: url, agenda: TestMeeting.agenda, now: start)
        try journal.append(.opened, at: start)
        try journal.append(.joined(Participant(id: 1, name: "Ann", country: "NL")), at: start + 1)
        try journal.append(.captured(Entry(number: 1, kind: .tip, text: "Een tip", participant: 1, item: 0)), at: start + 2)
        return Array(try Data(contentsOf: url))
    }

    /// Reads `bytes` as a session file through both readers, `report`'s and
    /// `run --session`'s, and returns the error they agree on.
    private func refusal(of bytes: [UInt8], name: String = "hostile.jsonl") throws -> SessionFileError? {
        let folder = try TemporaryFolder()
        let url = folder.file(name)
        try Data(bytes).write(to: url)
        return try refusal(at: url)
    }

    private func refusal(at url: URL, sameFromBoth: Bool = true) throws -> SessionFileError? {
        var readError: SessionFileError?
        do throws(SessionFileError) { _ = try SessionFile.read(at: url) } catch { readError = error }
        var openError: SessionFileError?
        do throws(SessionFileError) { _ = try SessionJournal.open(at: url) } catch { openError = error }
        if sameFromBoth {
            #expect(openError == readError)
        } else {
            #expect(openError != nil)
        }
        return readError
    }

    @Test func notASessionFile() throws {
        let cases: [(String, [UInt8])] = [
            ("a Markdown report", Array("# RollingStone 2\n\nTips …\n".utf8)),
            ("a JSON array", Array("[1,2,3]\n".utf8)),
            ("another tool's JSON", Array("{\"format\":\"something-else\",\"version\":1}\n".utf8)),
            ("a PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]),
            ("a header without agenda", Array("{\"format\":\"rollingstone-session\",\"version\":1}\n".utf8)),
            ("a header with no newline", Array("{\"format\":\"rollingstone-session\"".utf8)),
        ]
        for (what, bytes) in cases {
            let error = try refusal(of: bytes)
            guard case .notASessionFile = error else {
                Issue.record("\(what): \(String(describing: error))")
                continue
            }
            #expect(error!.description.contains("hostile.jsonl:1: error: not a rollingstone session file"), "\(what)")
        }
    }

    @Test func aNewerFormatVersionIsRefusedNotGuessedAt() throws {
        var lines = try validSession().split(separator: 0x0A, omittingEmptySubsequences: false)
        lines[0] = ArraySlice(String(decoding: lines[0], as: UTF8.self).replacingOccurrences(of: "\"version\":1", with: "\"version\":2").utf8)
        let error = try refusal(of: Array(lines.joined(separator: [0x0A])))
        guard case .newerVersion(_, 2, 1) = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(error?.description.contains("session format version 2 is newer than this tool reads (1); update rollingstone") == true)
    }

    @Test func anEmptyFile() throws {
        let error = try refusal(of: [])
        guard case .empty = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(error!.description.hasSuffix("error: the file is empty, not a session file"))
    }

    @Test func nonUTF8Bytes() throws {
        let session = try validSession()
        let garbage: [UInt8] = [0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC, 0xFF, 0xFE]
        // As the whole file: not a session.
        guard case .notASessionFile = try refusal(of: garbage + [0x0A]) else {
            Issue.record("garbage file")
            return
        }
        // Inside a text value in the middle: that line is named.
        var lines = session.split(separator: 0x0A, omittingEmptySubsequences: false)
        let tipLine = lines.count - 2
        lines[tipLine] = ArraySlice(Array(String(decoding: lines[tipLine], as: UTF8.self).replacingOccurrences(of: "Een tip", with: "X").utf8))
        let xAt = lines[tipLine].firstIndex(of: UInt8(ascii: "X"))!
        lines[tipLine].replaceSubrange(xAt...xAt, with: garbage)
        let middle = Array(lines.joined(separator: [0x0A])) + Array(#"{"at":"2012-09-26T10:00:05.000Z","seq":4,"type":"end"}"#.utf8) + [0x0A]
        let error = try refusal(of: middle)
        guard case .badLine(_, let line, _) = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(line == tipLine + 1)
        // As the last line: a torn tail, everything before it kept.
        let file = try SessionFile.parse(session + garbage, path: "s")
        #expect(file.eventCount == 3)
        #expect(file.tornTail?.bytes == garbage)
    }

    @Test func aTenMegabyteLineIsRefusedByLengthQuickly() throws {
        let session = try validSession()
        let huge = [UInt8](repeating: UInt8(ascii: "a"), count: 10 << 20)
        // Where a header should be.
        let first = try refusal(of: huge + [0x0A])
        guard case .lineTooLong(_, 1, SessionFile.maximumLineLength) = first else {
            Issue.record("\(String(describing: first))")
            return
        }
        // After the events, with or without its newline: not taken for a torn tail to cut off silently.
        for ending: [UInt8] in [[0x0A], []] {
            let error = try refusal(of: session + huge + ending)
            guard case .lineTooLong(_, 5, SessionFile.maximumLineLength) = error else {
                Issue.record("\(String(describing: error))")
                return
            }
            #expect(error?.description.contains(":5: error: the line is longer than 1048576 bytes") == true)
        }
    }

    /// A 2 GB file (sparse: it takes no disk space) is refused by its size
    /// before a byte is read, so neither memory nor time is spent on it.
    @Test func aTwoGigabyteFileIsRefusedBeforeReading() throws {
        let folder = try TemporaryFolder()
        for size: UInt64 in [2 << 30, SessionFile.maximumFileSize + 1] {
            let url = folder.file("big-\(size).jsonl")
            let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            try #require(descriptor >= 0)
            #expect(ftruncate(descriptor, off_t(size)) == 0)
            close(descriptor)
            let error = try refusal(at: url)
            #expect(error == .tooLarge(path: url.path, bytes: size, limit: SessionFile.maximumFileSize), "\(size)")
            #expect(error?.description.contains("more than a session can hold") == true)
        }
    }

    @Test func aBadLineInTheMiddleIsAHardErrorWithItsNumber() throws {
        let session = try validSession()
        // Header, opened, joined, captured, and the empty piece after the last newline.
        var lines = session.split(separator: 0x0A, omittingEmptySubsequences: false)
        let cases: [(String, ArraySlice<UInt8>)] = [
            ("garbage", ArraySlice("garbage".utf8)),
            ("an empty line", []),
            ("a duplicated sequence number", lines[1]),
            ("an event of another meeting", ArraySlice(#"{"at":"2012-09-26T10:00:05.000Z","number":99,"seq":2,"type":"delete"}"#.utf8)),
        ]
        let original = lines[2]
        for (what, replacement) in cases {
            lines[2] = replacement
            let error = try refusal(of: Array(lines.joined(separator: [0x0A])))
            guard case .badLine(_, let line, _) = error else {
                Issue.record("\(what): \(String(describing: error))")
                continue
            }
            #expect(line == 3, "\(what)")
            #expect(error!.description.contains("hostile.jsonl:3: error: "), "\(what)")
            #expect(error!.description.hasSuffix("fix or remove that line"), "\(what)")
        }
        lines[2] = original
        #expect(try refusal(of: Array(lines.joined(separator: [0x0A]))) == nil)
    }

    /// A session file that lies about its sequence or shape at the very end
    /// is a complete line, not a crash's leftovers: a hard error too.
    @Test func aCompleteLastLineThatDoesNotFitIsAHardError() throws {
        let session = try validSession()
        let error = try refusal(of: session + Array(#"{"at":"2012-09-26T10:00:05.000Z","seq":9,"type":"end"}"#.utf8) + [0x0A])
        guard case .badLine(_, 5, let reason) = error else {
            Issue.record("\(String(describing: error))")
            return
        }
        #expect(reason.contains("expected event 4, found event 9"))
    }

    @Test func aFolderIsNotASessionFile() throws {
        let folder = try TemporaryFolder()
        // Opening it to write fails earlier (EISDIR) than reading it does.
        let error = try refusal(at: folder.url, sameFromBoth: false)
        #expect(error != nil)
        #expect(throws: SessionFileError.notARegularFile(path: folder.url.path)) { try SessionFile.read(at: folder.url) }
    }

    @Test func aNamedPipeIsRefusedWithoutWaitingForAWriter() throws {
        let folder = try TemporaryFolder()
        let pipe = folder.file("pipe.jsonl")
        #expect(mkfifo(pipe.path, 0o600) == 0)
        // Before the fix this open never returned: nothing writes to the pipe.
        #expect(throws: SessionFileError.notARegularFile(path: pipe.path)) { try SessionFile.read(at: pipe) }
    }
}
