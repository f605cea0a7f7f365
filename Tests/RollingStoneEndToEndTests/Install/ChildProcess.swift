import Foundation

/// A program run to its end with its output in files, for the install test:
/// files rather than pipes, because a release build prints more than a pipe
/// holds and nothing here has to read while the child writes.
struct ChildProcess {
    var status: Int32
    var output: String
    var errors: String
    var hung: Bool

    /// Both streams, for failure messages.
    var transcript: String { "exit status \(status)\(hung ? " (killed: hung)" : "")\nstdout:\n\(output)\nstderr:\n\(errors)" }

    /// Runs `executable ARGUMENTS` in `folder` with exactly `environment`
    /// (nil: the test's own), `input` on stdin, and kills it after `hangGuard`
    /// seconds, which only a hung child can reach. Blocks: call it through
    /// `onOwnThread`, off the test runner's few threads.
    static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String]? = nil, input: String = "", in folder: URL,
        hangGuard: TimeInterval
    ) throws -> ChildProcess {
        let streams = FileManager.default.temporaryDirectory.appendingPathComponent("rollingstone-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: streams, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: streams) }
        let stdin = streams.appendingPathComponent("stdin")
        let stdout = streams.appendingPathComponent("stdout")
        let stderr = streams.appendingPathComponent("stderr")
        try Data(input.utf8).write(to: stdin)
        for file in [stdout, stderr] { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        if let environment { process.environment = environment }
        process.standardInput = try FileHandle(forReadingFrom: stdin)
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()

        let finished = DispatchSemaphore(value: 0)
        let hung = HangFlag()
        let watchdog = Thread {
            if finished.wait(timeout: .now() + hangGuard) == .timedOut {
                hung.set()
                process.terminate()
            }
        }
        watchdog.start()
        process.waitUntilExit()
        finished.signal()

        return ChildProcess(
            status: process.terminationStatus,
            output: (try? String(contentsOf: stdout, encoding: .utf8)) ?? "",
            errors: (try? String(contentsOf: stderr, encoding: .utf8)) ?? "",
            hung: hung.value
        )
    }

    /// The first `name` in the folders of `path`, as a shell would find it.
    static func find(_ name: String, path: String = "/usr/bin:/bin:/usr/sbin:/sbin") -> URL? {
        path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

/// Set by the watchdog thread, read by the one that waited.
private final class HangFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    func set() { lock.withLock { flag = true } }
    var value: Bool { lock.withLock { flag } }
}
