import ArgumentParser
import Foundation
import RollingStoneCore
import RollingStoneJournal
import RollingStoneReport
import SessionGenerator

/// rollingstone-bench: the in-process half of the benchmark; scripts/bench
/// runs the processes (start-up, report, jrnl) and prints the whole table.
@main
struct RollingStoneBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollingstone-bench",
        abstract: "Generate sessions and measure capture, replay and the room against the fsync floor.",
        subcommands: [
            Generate.self, GenerateArchive.self, Archive.self, Jrnl.self, JrnlArchive.self, Capture.self, Room.self, Replay.self, Render.self, SmokeRun.self,
        ]
    )

    /// What both generators take: how many entries, where, and the seed.
    struct GeneratedFile: ParsableArguments {
        @Argument(help: "How many entries.") var entries: Int
        @Argument(help: "The file to write.") var file: String
        @Option(help: "The generator's seed.") var seed: UInt64 = 2012

        var url: URL { URL(fileURLWithPath: file) }
    }

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a seeded, realistic session of N entries.")
        @OptionGroup var output: GeneratedFile

        func run() throws {
            try SessionGenerator(entries: output.entries, seed: output.seed).write(to: output.url)
        }
    }

    struct GenerateArchive: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate-archive",
            abstract: "Write a seeded archive: SESSIONS meetings of ENTRIES entries each, over several series, one file a meeting.")
        @Argument(help: "How many meetings.") var sessions: Int
        @Argument(help: "How many entries in each.") var entries: Int
        @Argument(help: "The folder to write them to (made when missing).") var folder: String
        @Option(help: "The generator's seed.") var seed: UInt64 = 2012
        @Option(help: "Over how many series (1 to \(SeriesGenerator.seriesNames.count)).") var series = 3

        func validate() throws {
            guard sessions >= 0, entries >= 0 else { throw ValidationError("SESSIONS and ENTRIES cannot be negative.") }
            guard (1...SeriesGenerator.seriesNames.count).contains(series) else {
                let count = SeriesGenerator.seriesNames.count
                throw ValidationError("Cannot spread the meetings over '\(series)' series: there are \(count) (--series 1 to \(count)).")
            }
        }

        func run() throws {
            let generator = SeriesGenerator(sessions: sessions, entriesPerSession: entries, seed: seed, seriesCount: series)
            try generator.write(to: URL(fileURLWithPath: folder))
        }
    }

    struct Archive: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure the archive's index in one process: build, update, search, digest --theme (figures in JSON).")
        @Argument(help: "The archive's folder (see generate-archive).") var folder: String
        @Option(help: "A query to time; give several.") var query: [String] = []
        @Option(help: "The theme for digest --theme.") var theme = "veerkracht"
        @Option(help: "Builds from nothing.") var builds = 3
        @Option(help: "Runs of everything else.") var runs = 30
        @Option(help: "Write the figures as JSON to this file.") var json: String?

        func run() throws {
            let settings = ArchiveBench.Settings(
                folder: URL(fileURLWithPath: folder), queries: query.isEmpty ? ["medefin"] : query, theme: theme, builds: builds, runs: runs)
            let figures = try ArchiveBench.run(settings) { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(figures)
            if let json { try data.write(to: URL(fileURLWithPath: json)) } else { print(String(decoding: data, as: UTF8.self)) }
        }
    }

    struct JrnlArchive: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "jrnl-archive", abstract: "Write the texts of every session in a folder as one jrnl journal.")
        @Argument(help: "The archive's folder.") var folder: String
        @Argument(help: "The journal to write.") var file: String

        func run() throws {
            try JrnlJournal.write(archive: URL(fileURLWithPath: folder), to: URL(fileURLWithPath: file))
        }
    }

    struct Jrnl: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the same texts as a jrnl journal of N entries.")
        @OptionGroup var output: GeneratedFile

        func run() throws {
            try JrnlJournal.write(entries: output.entries, seed: output.seed, to: output.url)
        }
    }

    struct Capture: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Measure capture against the fsync floor, interleaved in blocks.")
        @Option(help: "Entries in the large session.") var entries = 100_000
        @Option(help: "Use this generated session as the large one.") var large: String?
        @Option(help: "Blocks of each kind.") var blocks = 40
        @Option(name: .customLong("block-size"), help: "Measurements per block.") var blockSize = 10
        @Option(help: "Where to put the sessions (a temporary folder when left out).") var work: String?
        @Option(help: "Write the figures as JSON to this file.") var json: String?

        func run() throws {
            let settings = CaptureBench.Settings(largeEntries: entries, blocks: blocks, blockSize: blockSize)
            let result = try CaptureBench.run(settings, work: work, largeSource: large) {
                FileHandle.standardError.write(Data(($0 + "\n").utf8))
            }
            print(result.table())
            try result.writeJSON(to: json)
        }
    }

    struct Room: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure the room (run --room) on loopback: frames to SSE listeners, a submission's 202, capture with the room on.")
        @Option(help: "Pages listening to GET /api/events.") var listeners = 50
        @Option(help: "Blocks of each kind.") var blocks = 10
        @Option(name: .customLong("block-size"), help: "Measurements per block.") var blockSize = 7
        @Option(help: "Milliseconds of quiet before every sample, in every series (0: back to back).") var pause = 50.0
        @Flag(help: "Diagnostic: the clients acknowledge every segment at once (TCP_QUICKACK), as no browser does.")
        var quickAckClients = false
        @Option(help: "Where to put the sessions (a temporary folder when left out).") var work: String?
        @Option(help: "Write the figures as JSON to this file.") var json: String?

        func run() throws {
            let settings = RoomBench.Settings(
                listeners: listeners, blocks: blocks, blockSize: blockSize, pauseMilliseconds: pause, quickAckClients: quickAckClients)
            let result = try RoomBench.run(settings, work: work) {
                FileHandle.standardError.write(Data(($0 + "\n").utf8))
            }
            print(result.table())
            try result.writeJSON(to: json)
        }
    }

    struct Replay: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Read and replay a session, timed.")
        @Argument(help: "The session file.") var file: String
        @Argument(help: "How many times.") var times = 1

        func run() throws {
            for _ in 0..<times {
                var events = 0
                let spent = try microseconds { events = try SessionFile.read(at: URL(fileURLWithPath: file)).eventCount }
                print(String(format: "replayed %d events in %.3f s", events, spent / 1_000_000))
            }
        }
    }

    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Read a session once, then time rendering its report.")
        @Argument(help: "The session file.") var file: String
        @Argument(help: "How many times.") var times = 10
        @Option(help: "The report's language (nl or en).") var language = "nl"
        @Option(help: "Also write the report to this file.") var output: String?

        func run() throws {
            // Read once and apart from the timing: decoding is measured by `replay`.
            guard let language = MeetingLanguage(rawValue: language) else { throw ValidationError("no language \(language)") }
            let session = try SessionFile.read(at: URL(fileURLWithPath: file))
            let options = ReportOptions(language: language)
            var report = ""
            var samples: [Double] = []
            for _ in 0..<max(1, times) {
                samples.append(microseconds { report = ReportRenderer.render(session.state, options: options, unreadableTail: session.tornTail) })
            }
            let summary = Summary(samples)
            print(
                String(
                    format: "rendered %d bytes %d times: median %.2f ms, min %.2f ms, max %.2f ms",
                    report.utf8.count, summary.count, summary.median / 1_000, summary.min / 1_000, summary.max / 1_000))
            if let output { try Data(report.utf8).write(to: URL(fileURLWithPath: output)) }
        }
    }

    struct SmokeRun: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "smoke",
            abstract: "Every in-process part on tiny sizes: fails when something is broken, never on a missed ratio.")
        @Option(help: "Write the figures as JSON to this file.") var json: String?

        func run() throws {
            let status = try Smoke.run(json: json)
            if status != 0 { throw ExitCode(status) }
        }
    }
}

/// A measurement that could not be taken, with what went wrong.
struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
