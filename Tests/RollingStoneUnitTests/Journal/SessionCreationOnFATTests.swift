import Foundation
import RollingStoneTestSupport
import Synchronization
import Testing

@testable import RollingStoneCore
@testable import RollingStoneJournal
@testable import RollingStoneMeeting

#if canImport(Glibc)
import Glibc
#endif

/// Creating a session where `link()` fails, as on a FAT or exFAT stick
/// (`EPERM`), and where the rename that cannot replace fails too, as under
/// FUSE's fusefat (`EINVAL`): the same guarantee as on ext4 (no file or a
/// whole one; a file with content never replaced), through the naming seam.
@Suite struct SessionCreationOnFATTests {
    let agenda = TestMeeting.agenda
    let start = Date(timeIntervalSince1970: 1_348_660_800)

    /// The system's calls, but for those a file system without them fails; records what was called.
    final class FATNaming: FileNamingCalls, @unchecked Sendable {
        let hasRenameNoReplace: Bool
        private let calls = Mutex<[String]>([])
        var called: [String] { calls.withLock { $0 } }

        init(hasRenameNoReplace: Bool) {
            self.hasRenameNoReplace = hasRenameNoReplace
        }

        func link(_ existing: String, _ new: String) -> Int32 {
            calls.withLock { $0.append("link") }
            return EPERM
        }

        func renameNoReplace(_ old: String, _ new: String) -> Int32 {
            calls.withLock { $0.append("renameNoReplace") }
            return hasRenameNoReplace ? SystemFileNaming().renameNoReplace(old, new) : EINVAL
        }
    }

    /// The folder's names, without the lock note.
    private func names(in folder: TemporaryFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { !$0.hasSuffix(".lock") }.sorted()
    }

    @Test(arguments: [true, false])
    func aSessionIsCreatedWholeWithoutLink(hasRenameNoReplace: Bool) throws {
        let folder = try TemporaryFolder()
        let url = folder.file("stick.jsonl")
        let naming = FATNaming(hasRenameNoReplace: hasRenameNoReplace)
        let journal = try SessionJournal.create(at: url, agenda: agenda, now: start, naming: naming)
        #expect(naming.called == ["link", "renameNoReplace"])
        try journal.append(.captured(Entry(number: 1, kind: .tip, text: "op de stick", participant: nil, item: 0)), at: start + 5)
        journal.close()
        #expect(try names(in: folder) == ["stick.jsonl"], "no temporary or reservation is left")
        let file = try SessionFile.read(at: url)
        #expect(file.header.agenda == agenda && file.state.entries.map(\.text) == ["op de stick"] && file.tornTail == nil)
    }

    @Test(arguments: [true, false])
    func aFileWithContentIsNeverReplaced(hasRenameNoReplace: Bool) throws {
        let folder = try TemporaryFolder()
        let url = folder.file("stick.jsonl")
        try Data("kostbaar\n".utf8).write(to: url)
        #expect(throws: SessionFileError.alreadyExists(path: url.path)) {
            try SessionJournal.create(at: url, agenda: agenda, now: start, naming: FATNaming(hasRenameNoReplace: hasRenameNoReplace))
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == "kostbaar\n")
        #expect(try names(in: folder) == ["stick.jsonl"])
    }

    /// What a crash between creating the file in place and writing its
    /// header leaves is an empty file; the next creation takes its place.
    @Test func theEmptyFileACrashLeavesIsTakenOver() throws {
        let folder = try TemporaryFolder()
        let url = folder.file("stick.jsonl")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let naming = FATNaming(hasRenameNoReplace: false)
        let journal = try SessionJournal.create(at: url, agenda: agenda, now: start, naming: naming)
        journal.close()
        #expect(naming.called.isEmpty, "an empty file is written in place: \(naming.called)")
        #expect(try SessionFile.read(at: url).header.agenda == agenda)
    }

    /// Two meetings created under one name at once on such a stick: one
    /// gets it, the other is told it exists, and the file is the winner's.
    @Test func twoCreatorsAtOnceNeverBothSucceed() throws {
        for round in 0..<20 {
            let folder = try TemporaryFolder()
            let url = folder.file("stick.jsonl")
            let outcomes = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 2) { creator in
                let outcome: String
                do {
                    let journal = try SessionJournal.create(at: url, agenda: agenda, now: start, naming: FATNaming(hasRenameNoReplace: false))
                    try journal.append(.joined(Participant(id: 1, name: "Maker \(creator)", country: "NL")), at: start + 1)
                    journal.close()
                    outcome = "created by \(creator)"
                } catch SessionFileError.alreadyExists {
                    outcome = "exists"
                } catch {
                    outcome = "failed: \(error)"
                }
                outcomes.withLock { $0.append(outcome) }
            }
            let seen = outcomes.withLock { $0 }.sorted()
            #expect(seen.filter { $0.hasPrefix("created") }.count == 1 && seen.contains("exists"), "round \(round): \(seen)")
            let file = try SessionFile.read(at: url)
            #expect(file.state.participants.map(\.name) == seen.filter { $0.hasPrefix("created") }.map { "Maker " + $0.suffix(1) })
        }
    }
}
