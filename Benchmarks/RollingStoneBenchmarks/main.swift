import Foundation
import RollingStoneKit
import SessionGenerator

// rollingstone-bench: the in-process half of the benchmark (scripts/bench
// runs the processes: start-up, report, jrnl).
//
//   rollingstone-bench generate N FILE [--seed S]   a seeded session of N entries
//   rollingstone-bench jrnl N FILE [--seed S]       the same texts as a jrnl journal
//   rollingstone-bench capture [options]            floor vs capture, interleaved
//   rollingstone-bench replay FILE [TIMES]          read and replay a session, timed
//   rollingstone-bench --smoke                      all of it on tiny sizes
//
// `capture` options: --entries N (the large session, 100000), --large FILE (use
// this generated session instead of generating one), --blocks B (40),
// --block-size K (10), --work DIR (a temporary folder), --json FILE.

let usage = """
    usage: rollingstone-bench generate N FILE [--seed S]
           rollingstone-bench jrnl N FILE [--seed S]
           rollingstone-bench capture [--entries N] [--large FILE] [--blocks B] [--block-size K] [--work DIR] [--json FILE]
           rollingstone-bench replay FILE [TIMES]
           rollingstone-bench --smoke [--json FILE]
    """

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// `--name value` options after the positional arguments.
struct Options {
    var positional: [String] = []
    var named: [String: String] = [:]
    var flags: Set<String> = []

    init(_ arguments: ArraySlice<String>) throws {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "--smoke" {
                flags.insert(argument)
            } else if argument.hasPrefix("--") {
                guard let value = rest.popFirst() else { throw BenchFailure("\(argument) needs a value") }
                named[argument] = value
            } else {
                positional.append(argument)
            }
        }
    }

    func int(_ name: String, default value: Int) throws -> Int {
        guard let text = named[name] else { return value }
        guard let number = Int(text), number >= 0 else { throw BenchFailure("\(name) wants a number, not '\(text)'") }
        return number
    }
}

func main() -> Int32 {
    do {
        let arguments = CommandLine.arguments.dropFirst()
        let options = try Options(arguments)
        if options.flags.contains("--smoke") {
            return try Smoke.run(json: options.named["--json"])
        }
        switch options.positional.first {
        case "replay":
            guard options.positional.count >= 2 else { throw BenchFailure(usage) }
            let times = options.positional.count > 2 ? Int(options.positional[2]) ?? 1 : 1
            for _ in 0..<times {
                var events = 0
                let spent = try microseconds { events = try SessionFile.read(at: URL(fileURLWithPath: options.positional[1])).eventCount }
                print(String(format: "replayed %d events in %.3f s", events, spent / 1_000_000))
            }
        case "generate":
            guard options.positional.count == 3, let count = Int(options.positional[1]) else { throw BenchFailure(usage) }
            let seed = UInt64(try options.int("--seed", default: 2012))
            try SessionGenerator(entries: count, seed: seed).write(to: URL(fileURLWithPath: options.positional[2]))
        case "jrnl":
            guard options.positional.count == 3, let count = Int(options.positional[1]) else { throw BenchFailure(usage) }
            let seed = UInt64(try options.int("--seed", default: 2012))
            try JrnlJournal.write(entries: count, seed: seed, to: URL(fileURLWithPath: options.positional[2]))
        case "capture":
            let settings = CaptureBench.Settings(
                largeEntries: try options.int("--entries", default: 100_000),
                blocks: try options.int("--blocks", default: 40),
                blockSize: try options.int("--block-size", default: 10))
            let result = try CaptureBench.run(settings, work: options.named["--work"], largeSource: options.named["--large"]) {
                FileHandle.standardError.write(Data(($0 + "\n").utf8))
            }
            print(result.table())
            try result.writeJSON(to: options.named["--json"])
        default:
            FileHandle.standardError.write(Data((usage + "\n").utf8))
            return 2
        }
        return 0
    } catch {
        FileHandle.standardError.write(Data("rollingstone-bench: error: \(error)\n".utf8))
        return 1
    }
}

exit(main())
