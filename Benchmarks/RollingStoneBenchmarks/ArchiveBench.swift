import Foundation
import RollingStoneArchive
import RollingStoneJournal
import RollingStoneReport

/// The archive's index, in one process, on a generated archive: building
/// it from nothing, bringing it up to date after one changed or one new
/// session, a search as the REPL's `search` makes it (the index opened and
/// brought up to date, then asked), and `digest --theme`. scripts/bench-archive
/// runs it and sets the whole commands beside `rg -i` and jrnl.
struct ArchiveBench {
    struct Settings {
        var folder: URL
        var queries: [String]
        var theme: String
        var builds = 3
        var runs = 30
    }

    struct Figures: Codable {
        var sessions: Int
        var entries: Int
        var indexBytes: Int
        /// Reading and replaying every session file, nothing written: what
        /// a build from nothing cannot do without.
        var readEveryFile: Summary
        var buildFromNothing: Summary
        var afterOneChangedSession: Summary
        var afterOneNewSession: Summary
        /// The index opened and brought up to date, nothing changed.
        var openUpToDate: Summary
        var search: [String: Summary]
        var searchMatches: [String: Int]
        var digestTheme: Summary
        var digestBytes: Int
    }

    static func run(_ settings: Settings, log: (String) -> Void) throws -> Figures {
        let folder = settings.folder
        let indexPath = folder.appendingPathComponent(ArchiveIndex.fileName).path
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jsonl") && !$0.hasPrefix(".") }
            .sorted()
        guard let changed = names.first else { throw BenchFailure("\(folder.path) holds no session files") }

        log("reading every file")
        var entries = 0
        let read = try (0..<settings.builds).map { _ in
            try microseconds {
                entries = 0
                for name in names { entries += try SessionFile.read(at: folder.appendingPathComponent(name)).state.entries.count }
            }
        }

        log("building the index from nothing, \(settings.builds) times")
        let builds = try (0..<settings.builds).map { _ in
            try ArchiveIndex.remove(inFolder: folder)
            return try microseconds { _ = try ArchiveIndex.open(folder: folder) }
        }
        let indexBytes = (try FileManager.default.attributesOfItem(atPath: indexPath)[.size] as? Int) ?? 0

        log("after one changed session")
        // The session without its last line, then whole again: two versions, each a change.
        let url = folder.appendingPathComponent(changed)
        let whole = try Data(contentsOf: url)
        let shorter = whole.dropLast().lastIndex(of: 0x0A).map { whole.prefix($0 + 1) } ?? whole
        var afterChange: [Double] = []
        for run in 0..<settings.runs {
            try (run % 2 == 0 ? shorter : whole).write(to: url)
            afterChange.append(try microseconds { _ = try ArchiveIndex.open(folder: folder) })
        }
        try whole.write(to: url)

        log("after one new session")
        let copy = folder.appendingPathComponent("zz-bench-copy.jsonl")
        var afterNew: [Double] = []
        for _ in 0..<settings.runs {
            try whole.write(to: copy)
            afterNew.append(try microseconds { _ = try ArchiveIndex.open(folder: folder) })
            try FileManager.default.removeItem(at: copy)
            _ = try ArchiveIndex.open(folder: folder)
        }
        let upToDate = try (0..<settings.runs).map { _ in try microseconds { _ = try ArchiveIndex.open(folder: folder) } }

        log("searching, \(settings.runs) times each of \(settings.queries.count) queries")
        var search: [String: Summary] = [:]
        var matches: [String: Int] = [:]
        for query in settings.queries {
            var total = 0
            let samples = try (0..<settings.runs).map { _ in
                try microseconds { total = try ArchiveIndex.open(folder: folder).search(SearchQuery(words: query)).total }
            }
            search[query] = Summary(samples)
            matches[query] = total
        }

        log("digest --theme \(settings.theme)")
        var digestBytes = 0
        let digest = try (0..<max(3, settings.runs / 3)).map { _ in
            try microseconds {
                let index = try ArchiveIndex.open(folder: folder)
                let options = DigestOptions(language: .nl, theme: settings.theme)
                digestBytes = try DigestRenderer.render(index, as: .markdown, options: options).utf8.count
            }
        }
        return Figures(
            sessions: names.count, entries: entries, indexBytes: indexBytes, readEveryFile: Summary(read), buildFromNothing: Summary(builds),
            afterOneChangedSession: Summary(afterChange), afterOneNewSession: Summary(afterNew), openUpToDate: Summary(upToDate),
            search: search, searchMatches: matches, digestTheme: Summary(digest), digestBytes: digestBytes)
    }
}
