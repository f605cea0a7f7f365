import Foundation
import RollingStoneTestSupport
import Testing

@testable import RollingStoneArchive
@testable import RollingStoneCore
@testable import RollingStoneMeeting
@testable import SessionGenerator

/// A meeting with breakouts leaves its main session, the groups' sessions
/// and the merged one in the folder: search and the digest find what was
/// said there once, from the merged session.
@Suite struct MergedSessionsIndexTests {
    /// A main session, three groups' sessions and, with `merged`, the merge of them all.
    static func meeting(seed: UInt64, merged: Bool) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        var main = SessionGenerator(entries: 25, seed: seed)
        main.group = Array(0..<8)
        try main.write(to: folder.file("main.jsonl"))
        let groups = [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]
        let breakouts = try groups.enumerated().map { index, group in
            let url = folder.file("groep-\(index + 1).jsonl")
            try SessionGenerator.breakout(entries: 12, seed: seed * 31 + UInt64(index), group: group, clockSkew: Double(60 * (index + 1)))
                .write(to: url)
            return url
        }
        if merged { _ = try SessionMerge.merge(main: folder.file("main.jsonl"), breakouts: breakouts) }
        return folder
    }

    /// The answers of the folder's index, without which file said it.
    static func answers(_ folder: URL) throws -> [String] {
        let index = try ArchiveIndex.open(folder: folder)
        let searches = try ["gemeente", "buurt", "geld plan", "vertrouwen"].map { words in
            let results = try index.search(SearchQuery(words: words, limit: 500))
            return "\(results.total): " + results.hits.map { "\($0.kind)|\($0.text)|\($0.person ?? "-")" }.sorted().joined(separator: "; ")
        }
        return searches + [try DigestRenderer.render(index, as: .markdown, options: DigestOptions(language: .nl))]
    }

    /// Only the merged session, copied into a folder of its own.
    static func mergedAlone(_ folder: TemporaryFolder) throws -> TemporaryFolder {
        let alone = try TemporaryFolder()
        try FileManager.default.copyItem(at: folder.file("main-merged.jsonl"), to: alone.file("main-merged.jsonl"))
        return alone
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func whatAMeetingWithBreakoutsSaidIsFoundOnce(seed: UInt64) throws {
        let folder = try Self.meeting(seed: seed, merged: true)
        let alone = try Self.mergedAlone(folder)
        #expect(try Self.answers(folder.url) == Self.answers(alone.url))
        // Before the merge, every session counts.
        let unmerged = try Self.meeting(seed: seed, merged: false)
        let total = try ArchiveIndex.open(folder: unmerged.url).search(SearchQuery(words: "gemeente")).total
        let mergedTotal = try ArchiveIndex.open(folder: alone.url).search(SearchQuery(words: "gemeente")).total
        #expect(total == mergedTotal, "the merge holds what the sessions held")
    }

    /// Taken out again, the merged session gives the sessions back: the
    /// marks follow the folder, as a fresh index would see it.
    @Test func removingTheMergedSessionBringsTheOthersBack() throws {
        let folder = try Self.meeting(seed: 5, merged: true)
        _ = try Self.answers(folder.url)
        try FileManager.default.removeItem(at: folder.file("main-merged.jsonl"))
        let unmerged = try Self.meeting(seed: 5, merged: false)
        #expect(try Self.answers(folder.url) == Self.answers(unmerged.url))
    }

    /// Merged again with the same groups, the later merge (more rows, or
    /// the same and a later name) stands for the earlier one too.
    @Test func aSecondMergeStandsForTheFirst() throws {
        let folder = try Self.meeting(seed: 8, merged: true)
        let groups = (1...3).map { folder.file("groep-\($0).jsonl") }
        let second = try SessionMerge.merge(main: folder.file("main.jsonl"), breakouts: groups).output
        #expect(second.lastPathComponent == "main-merged-2.jsonl")
        let alone = try Self.mergedAlone(folder)
        #expect(try Self.answers(folder.url) == Self.answers(alone.url))
    }
}
