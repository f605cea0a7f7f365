import Foundation
import Glibc

/// A child process whose standard input, output and error are a
/// pseudo-terminal, driven the way a person at a keyboard would drive it.
///
/// Only this shows what readline does (Tab completion, Ctrl-C, Ctrl-D,
/// history, UTF-8 editing): with piped input the program doesn't use readline.
///
/// The child runs in its own session with the terminal as its controlling
/// terminal, so Ctrl-C (`"\u{03}"`) becomes SIGINT as in a real terminal.
/// Unless `environment` says otherwise, `TERM` is `xterm` (what a
/// facilitator's terminal emulator reports; its terminfo entry ships with
/// ncurses-base) and `INPUTRC` is `Fixtures/inputrc`, which turns off
/// bracketed paste and the bell and ignores the developer's own inputrc.
///
/// The transcript is what readline wrote, not what the screen shows:
/// readline redraws with cursor movements and insert-character sequences,
/// so an edit in the middle of a line, a completion list or a Ctrl-R search
/// doesn't appear as contiguous text. Assert on what the program prints
/// after Return, or on text readline writes in one piece.
///
/// Linux only: flag values and function look-ups are glibc's.
///
/// Reading is synchronous: ``waitFor(_:timeout:)`` and
/// ``waitForExit(timeout:)`` block the calling thread while they wait.
final class PseudoTerminal {
    /// How the child ended.
    enum Termination: Equatable, CustomStringConvertible {
        case exited(Int32)
        case signaled(Int32)

        var description: String {
            switch self {
            case .exited(let status): "exited with status \(status)"
            case .signaled(let signal): "killed by signal \(signal)"
            }
        }
    }

    /// Why starting or driving the child failed; carries what the child
    /// printed, so a failing test shows what the screen looked like.
    struct Failure: Error, CustomStringConvertible {
        let description: String

        static func systemCall(_ name: String, error: Int32) -> Failure {
            Failure(description: "\(name) failed: \(String(cString: strerror(error))) (\(error))")
        }

        static func withTranscript(_ message: String, _ transcript: String) -> Failure {
            Failure(description: "\(message)\n--- transcript ---\n\(transcript)\n--- end of transcript ---")
        }
    }

    /// The child's process id.
    let processIdentifier: pid_t

    /// The parent's side of the terminal: reads what the child prints,
    /// writes what the "keyboard" types.
    private let controller: Int32
    private var output: [UInt8] = []
    /// The child and everything it started closed the terminal.
    private var outputEnded = false
    /// UTF-8 length of the part of ``transcript`` that earlier
    /// ``waitFor(_:timeout:)`` calls matched; later calls search after it.
    private var consumed = 0
    private var termination: Termination?

    /// Starts `executable` on a new pseudo-terminal.
    ///
    /// - Parameters:
    ///   - executable: the program; not looked up in `PATH`.
    ///   - arguments: arguments after the program name.
    ///   - environment: the child's whole environment: nothing is inherited
    ///     from the test process, so a test can't write to the developer's
    ///     real state (set `XDG_STATE_HOME` or `HOME` to a temporary folder).
    ///     `TERM` and `INPUTRC` get the defaults above when missing.
    ///   - workingDirectory: the child's current directory; `nil` keeps the
    ///     test process's.
    ///   - columns: terminal width; wide enough that test lines don't wrap.
    ///   - rows: terminal height.
    init(
        executable: URL,
        arguments: [String] = [],
        environment: [String: String],
        workingDirectory: URL? = nil,
        columns: UInt16 = 200,
        rows: UInt16 = 50
    ) throws {
        var controller: Int32 = -1
        var device: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&controller, &device, nil, nil, &size) == 0 else {
            throw Failure.systemCall("openpty", error: errno)
        }
        // Children spawned concurrently by other tests must not inherit
        // either side: a stray copy of the device keeps this terminal open
        // after our child exits. (openpty can't set this atomically; the
        // window is a few instructions long.)
        _ = fcntl(controller, F_SETFD, FD_CLOEXEC)
        _ = fcntl(device, F_SETFD, FD_CLOEXEC)
        // The child opens the device by name; the parent needs only the
        // controller.
        defer { close(device) }

        do {
            let deviceName = try Self.name(ofTerminal: device)
            var childEnvironment = environment
            if childEnvironment["TERM"] == nil {
                childEnvironment["TERM"] = "xterm"
            }
            if childEnvironment["INPUTRC"] == nil {
                childEnvironment["INPUTRC"] = try Self.testInputrc().path
            }
            processIdentifier = try Self.spawn(
                executable: executable,
                arguments: arguments,
                environment: childEnvironment,
                workingDirectory: workingDirectory,
                terminalName: deviceName
            )
        } catch {
            close(controller)
            throw error
        }
        self.controller = controller
    }

    deinit {
        // A test that failed half-way must not leave its child running.
        if termination == nil {
            _ = Glibc.kill(processIdentifier, SIGKILL)
            var status: Int32 = 0
            while waitpid(processIdentifier, &status, 0) < 0 && errno == EINTR {}
        }
        if !hungUp { close(controller) }
    }

    /// Whether ``hangUp()`` closed the terminal.
    private var hungUp = false

    /// Closes the terminal, as closing its window or losing an SSH
    /// connection does: the child gets SIGHUP, and its reads end. Nothing
    /// more can be sent or read.
    func hangUp() {
        guard !hungUp else { return }
        hungUp = true
        outputEnded = true
        close(controller)
    }

    /// Everything the child printed so far, with ANSI escape sequences and
    /// carriage returns removed. Other control characters (such as the
    /// backspaces readline uses to move the cursor) are kept.
    var transcript: String {
        Self.removingTerminalControls(from: Self.decodingCompleteCharacters(output))
    }

    /// Everything the child printed so far, byte for byte (as UTF-8).
    var rawOutput: String {
        String(decoding: output, as: UTF8.self)
    }

    /// Types `text`: its UTF-8 bytes go to the child as keystrokes, e.g.
    /// `"\t"` for Tab, `"\r"` for Return, `"\u{03}"` for Ctrl-C, `"\u{04}"`
    /// for Ctrl-D, `"\u{7F}"` for Backspace, `"\u{1B}[A"` for up-arrow.
    ///
    /// Wait for the prompt before typing, also after each Return: readline
    /// switches the terminal to raw mode before printing it. Keys sent
    /// earlier meet a terminal in line mode, which echoes them a second time
    /// and turns Ctrl-D into an end-of-file that readline never sees.
    /// Wait for the echo of typed text before sending Ctrl-C: the terminal
    /// discards input nobody has read yet when it turns ^C into SIGINT.
    func send(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(controller, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure.systemCall("write to the terminal", error: errno)
            }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Waits until the transcript shows `text` after the previous match.
    ///
    /// Each call searches only after what earlier calls matched, so waiting
    /// for the prompt twice waits for two prompts.
    ///
    /// - Returns: the transcript from the end of the previous match through
    ///   the end of this one.
    /// - Throws: ``Failure`` with the transcript when `timeout` passes or the
    ///   child closes the terminal first.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(60)) throws -> String {
        let deadline = ContinuousClock.now + timeout
        while true {
            let unmatched = String(decoding: transcript.utf8.dropFirst(consumed), as: UTF8.self)
            if let range = unmatched.firstRange(of: text) {
                let matched = unmatched[..<range.upperBound]
                consumed += matched.utf8.count
                return String(matched)
            }
            if outputEnded {
                throw Failure.withTranscript("The child closed the terminal before printing \(text.debugDescription).", transcript)
            }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else {
                throw Failure.withTranscript("Timed out after \(timeout) waiting for \(text.debugDescription).", transcript)
            }
            _ = try readAvailableOutput(waitingAtMost: remaining)
        }
    }

    /// Sends `signal` to the child (e.g. `SIGKILL`), unless it has already
    /// been reaped (its process id may have been reused since).
    func kill(signal: Int32) {
        guard termination == nil else { return }
        _ = Glibc.kill(processIdentifier, signal)
    }

    /// Waits for the child to end, reading its output meanwhile so it can't
    /// block on a full terminal.
    ///
    /// - Throws: ``Failure`` with the transcript when `timeout` passes.
    @discardableResult
    func waitForExit(timeout: Duration = .seconds(60)) throws -> Termination {
        if let termination { return termination }
        let deadline = ContinuousClock.now + timeout
        while true {
            var status: Int32 = 0
            let result = waitpid(processIdentifier, &status, WNOHANG)
            if result == processIdentifier {
                let ended = Self.termination(fromWaitStatus: status)
                termination = ended
                // What the child printed just before exiting may still be
                // in the terminal.
                while try readAvailableOutput(waitingAtMost: .zero) > 0 {}
                return ended
            }
            if result < 0 && errno != EINTR {
                throw Failure.systemCall("waitpid", error: errno)
            }
            guard ContinuousClock.now < deadline else {
                throw Failure.withTranscript("The child still runs after \(timeout).", transcript)
            }
            // Waiting for output doubles as the pause between waitpid polls.
            if outputEnded {
                usleep(10_000)
            } else {
                _ = try readAvailableOutput(waitingAtMost: .milliseconds(10))
            }
        }
    }

    // MARK: - Reading

    /// Appends what the child printed, waiting up to `timeout` for it.
    ///
    /// - Returns: the number of bytes read; 0 on timeout or at the end.
    private func readAvailableOutput(waitingAtMost timeout: Duration) throws -> Int {
        guard !outputEnded else { return 0 }
        var descriptor = pollfd(fd: controller, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Self.pollMilliseconds(timeout))
        if ready < 0 {
            if errno == EINTR { return 0 }
            throw Failure.systemCall("poll", error: errno)
        }
        guard ready > 0 else { return 0 }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(controller, &buffer, buffer.count)
        if count > 0 {
            output += buffer[..<count]
            return count
        }
        // Linux reports EIO once every copy of the device is closed, i.e.
        // the child exited; the data it wrote before that has been read.
        if count == 0 || errno == EIO {
            outputEnded = true
            return 0
        }
        if errno == EINTR || errno == EAGAIN { return 0 }
        throw Failure.systemCall("read from the terminal", error: errno)
    }

    private static func pollMilliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        // Round a few microseconds left up to 1 ms instead of busy-polling.
        if milliseconds == 0 && duration > .zero { return 1 }
        return Int32(clamping: max(0, milliseconds))
    }

    /// Decodes the output, leaving out a multi-byte character whose last
    /// bytes haven't arrived: decoded now it would be U+FFFD, later the real
    /// character, and the transcript would change behind `consumed`.
    private static func decodingCompleteCharacters(_ bytes: [UInt8]) -> String {
        var end = bytes.count
        var back = 1
        while back <= min(3, bytes.count) {
            let byte = bytes[bytes.count - back]
            if byte & 0b1100_0000 == 0b1000_0000 {  // continuation byte: look further back
                back += 1
                continue
            }
            if byte & 0b1000_0000 != 0 {  // lead byte: is its sequence complete?
                let length = byte >= 0b1111_0000 ? 4 : byte >= 0b1110_0000 ? 3 : 2
                if back < length { end = bytes.count - back }
            }
            break
        }
        return String(decoding: bytes[..<end], as: UTF8.self)
    }

    /// Removes ANSI escape sequences (CSI, OSC and the two- and three-byte
    /// forms) and carriage returns, which readline emits while redrawing.
    static func removingTerminalControls(from text: String) -> String {
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case "\u{1B}": skipEscapeSequence(&scalars)
            case "\r": continue
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    private static func skipEscapeSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let introducer = scalars.next() else { return }
        switch introducer {
        case "[":
            // Parameters and intermediates, then one final byte in @...~.
            while let scalar = scalars.next(), !(0x40...0x7E).contains(scalar.value) {}
        case "]", "P", "X", "^", "_":
            // String sequences end with BEL or ESC \.
            while let scalar = scalars.next() {
                if scalar == "\u{07}" { break }
                if scalar == "\u{1B}" {
                    _ = scalars.next()
                    break
                }
            }
        case "(", ")", "*", "+", "#", "%", " ":
            _ = scalars.next()
        default:
            break  // Two-byte sequences such as ESC = and ESC >.
        }
    }

    // MARK: - Starting the child

    /// glibc's value; Swift's Glibc module doesn't show it (it sits behind
    /// _GNU_SOURCE). /usr/include/spawn.h: `# define POSIX_SPAWN_SETSID 0x80`.
    private static let spawnSetSID: Int32 = 0x80

    private static func spawn(
        executable: URL,
        arguments: [String],
        environment: [String: String],
        workingDirectory: URL?,
        terminalName: String
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // posix_spawn applies setsid before the file actions, so the child
        // has no controlling terminal when it opens the device; opening it
        // without O_NOCTTY makes it the controlling terminal, which is what
        // lets the terminal turn ^C into SIGINT for the child.
        try check(posix_spawn_file_actions_addopen(&actions, 0, terminalName, O_RDWR, 0), "posix_spawn_file_actions_addopen")
        try check(posix_spawn_file_actions_adddup2(&actions, 0, 1), "posix_spawn_file_actions_adddup2")
        try check(posix_spawn_file_actions_adddup2(&actions, 0, 2), "posix_spawn_file_actions_adddup2")
        try check(InheritedDescriptors.closeFromThree(&actions), "posix_spawn_file_actions_addclosefrom_np (glibc 2.34+)")
        if let workingDirectory {
            try addChangeDirectory(&actions, path: workingDirectory.path)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Test threads block most signals and a child inherits the mask:
        // without this reset, ^C never reaches it.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        try check(posix_spawnattr_setsigmask(&attributes, &noSignals), "posix_spawnattr_setsigmask")
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        try check(posix_spawnattr_setsigdefault(&attributes, &allSignals), "posix_spawnattr_setsigdefault")
        let flags = Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF) | spawnSetSID
        try check(posix_spawnattr_setflags(&attributes, Int16(flags)), "posix_spawnattr_setflags")

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        try check(posix_spawn(&pid, executable.path, &actions, &attributes, argv, envp), "posix_spawn \(executable.path)")
        return pid
    }

    private typealias AddChangeDirectory =
        @convention(c) (
            UnsafeMutablePointer<posix_spawn_file_actions_t>?, UnsafePointer<CChar>?
        ) -> Int32

    /// `posix_spawn_file_actions_addchdir_np` (glibc 2.29+) is hidden behind
    /// _GNU_SOURCE like SETSID, so it is looked up at run time; changing
    /// the test process's own directory would race with parallel tests.
    private static func addChangeDirectory(_ actions: inout posix_spawn_file_actions_t, path: String) throws {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else {
            throw Failure(description: "This C library lacks posix_spawn_file_actions_addchdir_np (glibc 2.29+).")
        }
        let addChangeDirectory = unsafeBitCast(symbol, to: AddChangeDirectory.self)
        try check(addChangeDirectory(&actions, path), "posix_spawn_file_actions_addchdir_np")
    }

    /// posix_spawn and its helpers return an error number instead of
    /// setting errno.
    private static func check(_ result: Int32, _ name: String) throws {
        guard result == 0 else { throw Failure.systemCall(name, error: result) }
    }

    private static func name(ofTerminal descriptor: Int32) throws -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        let result = ttyname_r(descriptor, &buffer, buffer.count)
        guard result == 0 else { throw Failure.systemCall("ttyname_r", error: result) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The inputrc fixture, found through this target's resource bundle
    /// (a `#filePath` default would name the caller's file, not this one).
    private static func testInputrc() throws -> URL {
        guard let url = Bundle.module.url(forResource: "inputrc", withExtension: nil, subdirectory: "Fixtures") else {
            throw Failure(description: "Fixtures/inputrc is missing from \(Bundle.module.bundlePath).")
        }
        return url
    }

    private static func termination(fromWaitStatus status: Int32) -> Termination {
        // WIFEXITED / WEXITSTATUS / WTERMSIG are macros Swift can't import.
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
    }
}
