import Foundation
import RollingStoneCore
import RollingStoneJournal
import RollingStoneReport
import SessionGenerator

/// Everything the benchmark does, on sizes small enough for every test run:
/// it fails when something is broken, never because a ratio was missed.
enum Smoke {
    static func run(json: String?) throws -> Int32 {
        let started = monotonicNanoseconds()
        let folder = try temporaryFolder("rollingstone-bench-smoke")
        defer { try? FileManager.default.removeItem(at: folder) }

        // The generator: the same bytes for the same seed, and a file that replays.
        let entries = 300
        let first = folder.appendingPathComponent("a.jsonl")
        let second = folder.appendingPathComponent("b.jsonl")
        try SessionGenerator(entries: entries, seed: 7).write(to: first)
        try SessionGenerator(entries: entries, seed: 7).write(to: second)
        guard try Data(contentsOf: first) == Data(contentsOf: second) else {
            throw BenchFailure("the generator made two different sessions from one seed")
        }
        let replayed = try SessionFile.read(at: first)
        guard replayed.tornTail == nil, replayed.state.nextEntryNumber - 1 == entries, replayed.state.hasEnded else {
            throw BenchFailure("the generated session does not replay to \(entries) entries")
        }

        // The jrnl journal: one entry per capture.
        let journal = JrnlJournal.text(entries: 50, seed: 7)
        let journalEntries = journal.split(separator: "\n\n").filter { $0.hasPrefix("[") }.count
        guard journalEntries == 50 else { throw BenchFailure("the jrnl journal has \(journalEntries) entries, not 50") }

        // The capture measurement, tiny.
        let settings = CaptureBench.Settings(largeEntries: entries, blocks: 3, blockSize: 3)
        let result = try CaptureBench.run(settings, work: folder.appendingPathComponent("capture").path, largeSource: first.path)
        print("rollingstone-bench smoke (tiny sizes: the ratios mean nothing here)\n")
        print(result.table())

        // The room, tiny: it fails when a frame does not reach every
        // listener, in order, or a submission is not answered 202.
        let room = try RoomBench.run(
            RoomBench.Settings(listeners: 3, blocks: 2, blockSize: 3, pauseMilliseconds: 0), work: folder.appendingPathComponent("room").path)
        print("")
        print(room.table())
        if let json {
            // The capture's figures as before, the room's under "room".
            var document = try JSONSerialization.jsonObject(with: CaptureBench.Result.encoder.encode(result)) as? [String: Any] ?? [:]
            document["room"] = try JSONSerialization.jsonObject(with: RoomBench.Result.encoder.encode(room))
            try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: json))
        }
        let seconds = Double(monotonicNanoseconds() - started) / 1e9
        print(String(format: "\nsmoke run ok in %.2f s", seconds))
        return 0
    }
}
