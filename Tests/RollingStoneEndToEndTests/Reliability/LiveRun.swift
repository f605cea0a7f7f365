import Foundation

/// The built `rollingstone` running while the test talks to it: a line
/// written to its standard input, its replies read one by one as they come,
/// and the process killed or ended whenever the test says.
///
/// `ScriptedRun` feeds a whole script and waits for the end; the reliability
/// tests need to know which replies had been printed at the moment of a kill.
final class LiveRun {
    let process = Process()
    var pid: Int32 { process.processIdentifier }
    private let stdin = Pipe()
    private let stdout = Pipe()
    private let errorFile: URL
    private var pending: [UInt8] = []
    private var sawEndOfOutput = false

    /// Starts `rollingstone ARGUMENTS` in `folder`; with `wrapper`, as its
    /// last argument (e.g. `prlimit --fsize=N`).
    init(_ arguments: [String], in folder: URL, wrapper: [String] = []) throws {
        // A write to a child that was just killed must fail with EPIPE, not kill the test runner.
        signal(SIGPIPE, SIG_IGN)
        let binary = BuiltProduct.url("rollingstone")
        if let tool = wrapper.first {
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = Array(wrapper.dropFirst()) + [binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = folder
        // Standard error goes to a file: it is read once the process is gone,
        // and a file never blocks the child as an unread pipe could.
        errorFile = folder.appendingPathComponent(".stderr-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: errorFile.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: errorFile.path])
        }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
    }

    deinit {
        if process.isRunning {
            kill(pid, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: errorFile)
    }

    /// Writes `line` and its newline to the child's standard input.
    @discardableResult
    func send(_ line: String) -> Bool {
        send(bytes: Array(line.utf8) + [0x0A])
    }

    /// Writes raw bytes; false when the child no longer reads (it died or exited).
    @discardableResult
    func send(bytes: [UInt8]) -> Bool {
        writeAll(bytes, to: stdin.fileHandleForWriting.fileDescriptor)
    }

    func closeInput() {
        try? stdin.fileHandleForWriting.close()
    }

    enum Next: Equatable {
        case line(String)
        case endOfOutput
        case timedOut
    }

    /// The next complete line of standard output, waiting at most `timeout`.
    func nextLine(timeout: Duration = .seconds(30)) -> Next {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return .line(line)
            }
            if sawEndOfOutput { return .endOfOutput }
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { return .timedOut }
            let milliseconds = Int32(clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1)
            guard fill(waitingMilliseconds: milliseconds) else { continue }
        }
    }

    /// Reads what is in the pipe now; false when nothing came within the wait.
    private func fill(waitingMilliseconds: Int32) -> Bool {
        var poller = pollfd(fd: stdout.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, waitingMilliseconds)
        guard ready > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let count = chunk.withUnsafeMutableBytes { read(poller.fd, $0.baseAddress!, $0.count) }
        if count > 0 {
            pending += chunk[..<count]
        } else if count == 0 || errno != EINTR {
            sawEndOfOutput = true
        }
        return true
    }

    /// Waits for the first line that satisfies `matches`, skipping others;
    /// `nil` if the output ends or the time runs out first.
    func waitForLine(timeout: Duration = .seconds(30), where matches: (String) -> Bool) -> String? {
        let deadline = ContinuousClock.now + timeout
        while case .line(let line) = nextLine(timeout: ContinuousClock.now.duration(to: deadline)) {
            if matches(line) { return line }
        }
        return nil
    }

    /// Kills the process with SIGKILL, as a dead battery or the OOM killer
    /// would, and returns the complete lines it had printed but the test had
    /// not read yet: they were on the facilitator's screen.
    func killNow() -> [String] {
        kill(pid, SIGKILL)
        process.waitUntilExit()
        return drainAfterExit()
    }

    /// Closes standard input and waits for the process to end; the exit status.
    func finish() -> Int32 {
        closeInput()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Every complete line still in the pipe once the process is gone. Nothing
    /// more can arrive, so this never waits; a half-printed last line is not
    /// a reply anyone saw and is dropped.
    func drainAfterExit() -> [String] {
        precondition(!process.isRunning)
        while !sawEndOfOutput, fill(waitingMilliseconds: 0) {}
        var lines: [String] = []
        while let newline = pending.firstIndex(of: 0x0A) {
            lines.append(String(decoding: pending[..<newline], as: UTF8.self))
            pending.removeSubrange(...newline)
        }
        return lines
    }

    /// What the process wrote to standard error, once it has ended.
    var errors: String {
        (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
    }
}

/// Runs blocking work (pipes, `poll`, `waitpid`) on a thread of its own, so a
/// long reliability test does not hold one of the few threads Swift's
/// concurrency pool has, which the other tests running meanwhile need.
func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Result { try work() })
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
