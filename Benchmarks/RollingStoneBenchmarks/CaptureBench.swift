import Foundation
import RollingStoneCore
import RollingStoneJournal
import RollingStoneMeeting
import RollingStoneREPL
import SessionGenerator

#if canImport(Glibc)
import Glibc
#endif

/// The capture path against the disk's floor, in one process.
///
/// Three series run in blocks that take turns, so that whatever the shared
/// machine does meanwhile falls on all of them alike:
/// - floor: one 200-byte `write` + `fsync` to a file in the sessions' folder;
/// - capture on a fresh session: `CommandInterpreter.handle("tip @Stef …")`,
///   the real path from a typed line to an event on disk (parse, resolve,
///   encode, write, fsync, apply);
/// - the same on a copy of a generated session of `largeEntries` entries.
enum CaptureBench {
    struct Settings: Codable {
        var largeEntries: Int
        var blocks: Int
        var blockSize: Int
    }

    struct Result: Codable {
        var settings: Settings
        var folder: String
        var floor: Summary
        var captureFresh: Summary
        var captureLarge: Summary
        /// `SessionJournal.open` on the large session: read and replay, in process.
        var openLargeSeconds: Double
        var checks: [Check]

        func table() -> String {
            let rows: [[String]] = [
                ["floor: 200 B append + fsync", formatMicroseconds(floor.median), formatMicroseconds(floor.p99), "", ""],
                [
                    "capture, fresh session", formatMicroseconds(captureFresh.median), formatMicroseconds(captureFresh.p99),
                    formatRatio(captureFresh.median / floor.median), formatRatio(captureFresh.p99 / floor.p99),
                ],
                [
                    "capture, \(settings.largeEntries)-entry session", formatMicroseconds(captureLarge.median), formatMicroseconds(captureLarge.p99),
                    formatRatio(captureLarge.median / floor.median), formatRatio(captureLarge.p99 / floor.p99),
                ],
            ]
            let timings = textTable(["in process (\(floor.count) of each, \(settings.blocks) blocks)", "median", "p99", "median/floor", "p99/floor"], rows)
            let checks = textTable(
                ["target", "figure", "ratio", "target", "met"],
                checks.map {
                    [$0.name, $0.figure, formatRatio($0.ratio), $0.target, $0.met ? "yes" : "MISSED"]
                })
            let open = String(format: "open + replay of the %d-entry session, in process: %.3f s", settings.largeEntries, openLargeSeconds)
            return [timings, open, checks].joined(separator: "\n\n")
        }

        func writeJSON(to path: String?) throws {
            guard let path else { return }
            try Self.encoder.encode(self).write(to: URL(fileURLWithPath: path))
        }

        static var encoder: JSONEncoder {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            return encoder
        }
    }

    /// One 200-byte line appended and `fsync`ed: what any durable append costs here.
    final class Floor {
        let descriptor: Int32
        let line: [UInt8] = Array(repeating: UInt8(ascii: "x"), count: 199) + [0x0A]

        init(at url: URL) throws {
            descriptor = open(url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw BenchFailure("\(url.path): open failed: \(String(cString: strerror(errno)))") }
        }

        deinit { close(descriptor) }

        func once() throws {
            let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress!, $0.count) }
            guard written == line.count else { throw BenchFailure("floor: write failed") }
            guard fsync(descriptor) == 0 else { throw BenchFailure("floor: fsync failed") }
        }
    }

    /// Types tips into a meeting, as the facilitator would.
    final class Capturer {
        let label: String
        let interpreter: CommandInterpreter
        private(set) var count = 0

        init(label: String, journal: sending SessionJournal) throws {
            self.label = label
            interpreter = CommandInterpreter(meeting: Meeting(journal: journal))
            try interpreter.open()
        }

        func say(_ line: String) throws {
            let reply = interpreter.handle(line)
            guard !reply.isError else { throw BenchFailure("\(label): '\(line)' was answered with an error: \(reply.text)") }
        }

        static func tip(_ label: String, _ number: Int) -> String {
            "tip @Stef Investeer in je contactpersoon bij de gemeente, niet in het loket (\(label) \(number))"
        }

        func once() throws {
            count += 1
            try say(Self.tip(label, count))
        }
    }

    static func run(_ settings: Settings, work: String?, largeSource: String? = nil, log: (String) -> Void = { _ in }) throws -> Result {
        let folder =
            try work.map { path -> URL in
                let url = URL(fileURLWithPath: path)
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
                return url
            } ?? temporaryFolder("rollingstone-bench")
        defer { if work == nil { try? FileManager.default.removeItem(at: folder) } }

        // The large session: a copy of a generated one, opened as `run --session` would.
        let largeURL = folder.appendingPathComponent("capture-large.jsonl")
        let freshURL = folder.appendingPathComponent("capture-fresh.jsonl")
        let floorURL = folder.appendingPathComponent("floor.bin")
        for url in [largeURL, freshURL, floorURL] {
            try? FileManager.default.removeItem(at: url)
            try? FileManager.default.removeItem(at: URL(fileURLWithPath: url.path + ".lock"))
        }
        if let largeSource {
            try FileManager.default.copyItem(at: URL(fileURLWithPath: largeSource), to: largeURL)
        } else {
            log("generating a session of \(settings.largeEntries) entries …")
            try SessionGenerator(entries: settings.largeEntries).write(to: largeURL)
        }
        var largeJournal: SessionJournal?
        let openMicroseconds = try microseconds { largeJournal = try SessionJournal.open(at: largeURL) }
        let largeEventsBefore = largeJournal!.state.lastSequence
        var large: Capturer? = try Capturer(label: "large", journal: largeJournal.take()!)

        let freshJournal = try SessionJournal.create(at: freshURL, agenda: SessionGenerator.agenda, now: Date())
        var fresh: Capturer? = try Capturer(label: "fresh", journal: freshJournal)
        // The same people as in the large session, so the two differ only in their entries.
        for participant in large!.interpreter.state.participants {
            try fresh!.say("join \(participant.name), \(participant.country)" + (participant.network.map { ", \($0)" } ?? ""))
        }
        let freshEventsBefore = fresh!.interpreter.state.lastSequence

        var floor: Floor? = try Floor(at: floorURL)
        defer { try? FileManager.default.removeItem(at: floorURL) }

        // Warm up every path once per block size, untimed.
        for _ in 0..<settings.blockSize {
            try floor!.once()
            try fresh!.once()
            try large!.once()
        }

        var floorSamples: [Double] = []
        var freshSamples: [Double] = []
        var largeSamples: [Double] = []
        let series: [(inout [Double]) throws -> Void] = [
            { samples in for _ in 0..<settings.blockSize { samples.append(try microseconds { try floor!.once() }) } },
            { samples in for _ in 0..<settings.blockSize { samples.append(try microseconds { try fresh!.once() }) } },
            { samples in for _ in 0..<settings.blockSize { samples.append(try microseconds { try large!.once() }) } },
        ]
        log("measuring \(settings.blocks) blocks of \(settings.blockSize) …")
        for block in 0..<settings.blocks {
            // Each series goes first, second and third in turn.
            for turn in 0..<3 {
                switch (block + turn) % 3 {
                case 0: try series[0](&floorSamples)
                case 1: try series[1](&freshSamples)
                default: try series[2](&largeSamples)
                }
            }
        }

        // Every acknowledged tip must be in the files, in order.
        let freshCount = fresh!.count
        let largeCount = large!.count
        fresh = nil
        large = nil
        floor = nil
        try verify(freshURL, events: freshEventsBefore + freshCount, lastTip: Capturer.tip("fresh", freshCount))
        // The large session also got its `opened` event.
        try verify(largeURL, events: largeEventsBefore + 1 + largeCount, lastTip: Capturer.tip("large", largeCount))
        try? FileManager.default.removeItem(at: freshURL)
        try? FileManager.default.removeItem(at: largeURL)

        let floorSummary = Summary(floorSamples)
        let freshSummary = Summary(freshSamples)
        let largeSummary = Summary(largeSamples)
        let checks = [
            Check(
                "capture median, fresh session", figure: formatMicroseconds(freshSummary.median),
                ratio: freshSummary.median / floorSummary.median, target: "≤ 1.5× floor median", limit: 1.5),
            Check(
                "capture p99, fresh session", figure: formatMicroseconds(freshSummary.p99),
                ratio: freshSummary.p99 / floorSummary.p99, target: "≤ 3× floor p99", limit: 3),
            Check(
                "capture median, \(settings.largeEntries) entries", figure: formatMicroseconds(largeSummary.median),
                ratio: largeSummary.median / floorSummary.median, target: "≤ 1.5× floor median", limit: 1.5),
            Check(
                "capture p99, \(settings.largeEntries) entries", figure: formatMicroseconds(largeSummary.p99),
                ratio: largeSummary.p99 / floorSummary.p99, target: "≤ 3× floor p99", limit: 3),
            Check(
                "size independence (median at \(settings.largeEntries) / at 0)", figure: formatMicroseconds(largeSummary.median),
                ratio: largeSummary.median / freshSummary.median, target: "≤ 1.2× fresh median", limit: 1.2),
        ]
        return Result(
            settings: settings, folder: folder.path, floor: floorSummary, captureFresh: freshSummary, captureLarge: largeSummary,
            openLargeSeconds: openMicroseconds / 1_000_000, checks: checks)
    }

    private static func verify(_ url: URL, events: Int, lastTip: String) throws {
        let file = try SessionFile.read(at: url)
        guard file.tornTail == nil, file.eventCount == events else {
            throw BenchFailure("\(url.lastPathComponent): \(file.eventCount) events on disk, \(events) acknowledged")
        }
        let expected = String(lastTip.drop { $0 != " " }.dropFirst().drop { $0 != " " }.dropFirst())
        guard let last = file.state.entries.last, last.text == expected, last.kind == .tip, last.participant != nil else {
            throw BenchFailure("\(url.lastPathComponent): the last tip on disk is not the last one acknowledged")
        }
    }
}
