import CReadline
import Foundation
import RollingStoneCore
import RollingStoneREPL
import Synchronization

/// A line editor backed by GNU readline: line editing, Tab completion,
/// history that survives restarts, Ctrl-C that discards the line instead
/// of ending the meeting, and messages from other threads shown above the
/// prompt (``announce(_:)``).
///
/// readline is one per process (its state is global), so create a single
/// editor and only when standard input and output are terminals: on piped
/// input readline still echoes the prompt and the input.
///
/// `Sendable` so that a timer or a request handler can hold it to call
/// ``announce(_:)``. Everything else (reading lines, history) belongs to one
/// thread, the one that reads the lines and writes the replies: readline is
/// not thread-safe.
package final class ReadlineLineEditor: LineEditor, Sendable {
    /// Lines kept in memory and in the history file.
    package static let historyLimit: Int32 = 1000

    package let isInteractive = true

    private let historyFile: URL?

    /// Prepares readline and loads the history.
    ///
    /// - Parameters:
    ///   - completionSource: offers completions on Tab; `nil` makes Tab do
    ///     nothing (there is never a fall-back to file names).
    ///   - historyFile: where history is loaded from and appended to, usually
    ///     ``defaultHistoryFile()``; `nil` keeps history for this run only.
    package init(completionSource: CompletionSource?, historyFile: URL?) {
        Self.configureReadlineOnce
        currentCompletion.withLock { $0.source = completionSource.map(CompletionSourceReference.init) }
        self.historyFile = historyFile

        using_history()
        stifle_history(Self.historyLimit)
        if let historyFile {
            // The result is an errno: ENOENT on the first run is expected,
            // and any other failure just means starting with no history.
            _ = read_history(historyFile.path)
        }
    }

    /// The per-user history file: `$XDG_STATE_HOME/rollingstone/history`, or
    /// `~/.local/state/rollingstone/history`. Creates the folder.
    ///
    /// History is per user, not per project: it holds what the facilitator
    /// typed, which may include names, so the folder is private (0700).
    /// If the folder can't be created, writing history fails silently:
    /// history is a convenience and must not disturb the meeting.
    package static func defaultHistoryFile() -> URL {
        let environment = ProcessInfo.processInfo.environment
        let stateHome: URL
        // The XDG spec says to ignore relative paths.
        if let value = environment["XDG_STATE_HOME"], value.hasPrefix("/") {
            stateHome = URL(fileURLWithPath: value, isDirectory: true)
        } else {
            stateHome = FileManager.default.homeDirectoryForCurrentUser
                .appendingPathComponent(".local/state", isDirectory: true)
        }
        let folder = stateHome.appendingPathComponent("rollingstone", isDirectory: true)
        try? FileManager.default.createDirectory(
            at: folder,
            withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700]
        )
        return folder.appendingPathComponent("history", isDirectory: false)
    }

    /// Reads one line with editing.
    ///
    /// Ctrl-C discards what was typed and shows a fresh prompt; Ctrl-D on an
    /// empty line ends input. The prompt must be plain text for now (escape
    /// sequences would need `\u{01}`…`\u{02}` around them).
    ///
    /// - Returns: the line, or `nil` after Ctrl-D on an empty line.
    package func readLine(prompt: String) -> String? {
        // A Ctrl-C pressed while a command ran must not wipe this line.
        interruptPending.store(false, ordering: .relaxed)
        guard let line = readline(prompt) else {
            // readline leaves the cursor after the prompt; end that line so
            // whatever is printed next starts at the left margin.
            crl_end_output_line()
            return nil
        }
        defer { free(line) }
        return String(cString: line)
    }

    /// Shows `message` above the prompt at once, keeping what is half typed.
    /// Safe to call from any thread (not from a signal handler).
    ///
    /// While a line is being read, the message appears within moments: the
    /// thread in `readline()` is woken, prints it above the prompt and draws
    /// the prompt again with the half-typed text and the cursor where they
    /// were. While a command runs, the message waits, in order, and appears
    /// above the next prompt as soon as it is drawn, so it never lands in
    /// the middle of a reply. (While Tab lists matches and asks whether to
    /// show them all, it waits for that to end.) After the last line is
    /// read, ``printPendingAnnouncements()`` shows what is still waiting.
    ///
    /// Each line of `message` is shown on its own line; escape sequences and
    /// control characters are removed (the text may come from outside and
    /// must not repaint the terminal), and blank lines at either end are
    /// dropped. A message with nothing to show is ignored.
    package func announce(_ message: String) {
        var lines = message.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { TextSanitizer.clean(String($0)) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let first = lines.firstIndex(where: { !$0.isEmpty }) else { return }
        let text = lines[first...].joined(separator: "\n") + "\n"
        pendingAnnouncements.withLock { $0.append(text) }
        if let wakeUp = keyReaderWakeUp {
            var byte: UInt8 = 0
            _ = write(wakeUp.write, &byte, 1)  // a full pipe already wakes the reader
        }
    }

    /// Prints the announcements still waiting, for after the last
    /// ``readLine(prompt:)``: once the meeting ends no prompt shows them.
    /// Call it on the thread that reads the lines and writes the replies.
    package func printPendingAnnouncements() {
        let texts = takePendingAnnouncements()
        guard !texts.isEmpty else { return }
        print(texts.joined(), terminator: "")
        fflush(nil)
    }

    /// Adds a line to the history and appends it to the history file.
    ///
    /// Blank lines and a repeat of the previous line are skipped, so the
    /// up-arrow walks through distinct commands.
    package func addToHistory(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace) else { return }
        if let last = crl_last_history_line(), String(cString: last) == line { return }
        add_history(line)
        guard let historyFile else { return }
        let path = historyFile.path
        // append_history opens without O_CREAT, so the first line creates
        // the file with write_history (mode 0600, set by readline).
        if FileManager.default.fileExists(atPath: path) {
            _ = append_history(1, path)
        } else {
            _ = write_history(path)
        }
        _ = history_truncate_file(path, Self.historyLimit)
    }

    /// readline's settings are process-wide: apply them once, before the
    /// first `readline()` call.
    private static let configureReadlineOnce: Void = {
        useUTF8CharacterType()
        crl_set_readline_name("rollingstone")
        crl_set_word_break_characters()
        crl_set_attempted_completion_function(attemptCompletion)
        crl_disable_signal_catching()
        installSignalHandlers()
    }()

    /// Whether input ended because the terminal went away (its window
    /// closed, SIGHUP, a dropped connection) rather than by Ctrl-D, which
    /// readline turns into the end of input itself.
    package var inputWasLost: Bool { terminalLost.load(ordering: .relaxed) }
}

// MARK: - Locale

/// readline decodes multi-byte characters only under a UTF-8 `LC_CTYPE`;
/// without it, backspace over `ö` leaves half a character behind. Takes the
/// user's locale, or `C.UTF-8` when that isn't UTF-8 (CI, cron, `env -i`,
/// `LANG=C`, a locale that isn't installed).
///
/// Only `LC_CTYPE` changes: `LC_ALL` would also switch `LC_NUMERIC`, and C
/// formatting (`String(format:)`) would start writing `1,5` in some locales.
private func useUTF8CharacterType() {
    if setlocale(LC_CTYPE, "") != nil && isUTF8CharacterType() { return }
    setlocale(LC_CTYPE, "C.UTF-8")
    // At its first use readline calls setlocale(LC_CTYPE, …) itself with the
    // first of $LC_ALL, $LC_CTYPE, $LANG that is set, which would undo the
    // fall-back (LANG=C). Make the environment name the fall-back too;
    // dropping LC_ALL lets LC_CTYPE win without touching other categories
    // of this process, which are already set.
    unsetenv("LC_ALL")
    setenv("LC_CTYPE", "C.UTF-8", 1)
}

private func isUTF8CharacterType() -> Bool {
    guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
    let name = String(cString: codeset).lowercased()
    return name == "utf-8" || name == "utf8"
}

// MARK: - Completion

/// A reference to the caller's completion source, which need not be
/// `Sendable`.
///
/// `@unchecked` because readline calls back only from inside `readline()`,
/// on the thread that called ``ReadlineLineEditor/readLine(prompt:)``: the
/// source is never used from two threads at once.
private struct CompletionSourceReference: @unchecked Sendable {
    let source: CompletionSource
}

private struct CompletionState: Sendable {
    var source: CompletionSourceReference?
    /// The matches being handed to readline one by one by `nextMatch`.
    var matches: [String] = []
}

/// readline's callbacks are C function pointers and can't capture the
/// editor, so what they need lives here.
private let currentCompletion = Mutex(CompletionState())

/// readline's attempted-completion function: asks the completion source
/// about the word between the byte offsets `start` and `end` of the line.
private func attemptCompletion(
    _ text: UnsafePointer<CChar>?,
    _ start: Int32,
    _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    crl_set_attempted_completion_over()
    // Offsets are bytes: a line that isn't valid UTF-8 would be repaired on
    // conversion and the offsets would no longer fit it, so offer nothing.
    guard let text,
        let buffer = crl_line_buffer(),
        let line = String(validatingCString: buffer),
        0 <= start, start <= end, Int(end) <= line.utf8.count
    else { return nil }

    // Called outside the lock, so a source may do anything, even make an editor.
    let reference = currentCompletion.withLock { $0.source }
    let matches = reference?.source.completions(line: line, wordStart: Int(start), wordEnd: Int(end)) ?? []
    guard !matches.isEmpty else { return nil }
    currentCompletion.withLock { $0.matches = matches }
    defer { currentCompletion.withLock { $0.matches = [] } }
    // Computes the common prefix readline inserts and lists the matches.
    return rl_completion_matches(text, nextMatch)
}

/// readline's generator: called with `state` 0, 1, 2, … until it returns
/// NULL. readline frees the strings, so they are `malloc`ed copies.
private func nextMatch(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    let index = Int(state)
    guard let match = currentCompletion.withLock({ $0.matches.indices.contains(index) ? $0.matches[index] : nil })
    else { return nil }
    return strdup(match)
}

// MARK: - Ctrl-C and hang-up

/// Set by the SIGINT handler, consumed by `readKey`.
private let interruptPending = Atomic<Bool>(false)

/// The SIGINT and SIGHUP handler, and ``ReadlineLineEditor/announce(_:)``,
/// write a byte here so that `readKey`, waiting for a key, wakes up and
/// looks at what changed. A flag alone isn't enough: the signal or message
/// may arrive just before the wait starts, or on another thread (the kernel
/// hands a process-wide signal to any thread), and the wait would sleep on.
/// Both ends are non-blocking (the handler must never block) and
/// close-on-exec. `nil` if no pipe could be made: Ctrl-C and announcements
/// then take effect at the next key.
private let keyReaderWakeUp: (read: Int32, write: Int32)? = {
    var descriptors: [Int32] = [-1, -1]
    guard pipe(&descriptors) == 0 else { return nil }
    for descriptor in descriptors {
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    }
    return (descriptors[0], descriptors[1])
}()

/// Set when the terminal is gone: by the SIGHUP handler, or by `readKey`
/// when the terminal's input ends (Ctrl-D never gets there: readline reads
/// it as a key).
private let terminalLost = Atomic<Bool>(false)

/// Makes Ctrl-C discard the line being typed, and a hang-up end input,
/// instead of either ending the process: after a hang-up the meeting loop
/// leaves the meeting open and the journal lets go of its lock, as after
/// any other end of input.
///
/// The handler only records the signal and wakes `readKey`: redisplaying
/// allocates and writes through stdio, which is not safe inside a signal
/// handler. The line is cleared by `readKey`, readline's key reader, in
/// normal context. SA_RESTART keeps other system calls interrupted by a
/// signal while a command runs (writes to the terminal) from failing with
/// EINTR.
private func installSignalHandlers() {
    // Initialise the globals here: lazy initialisation isn't safe in a handler.
    _ = interruptPending.load(ordering: .relaxed)
    _ = terminalLost.load(ordering: .relaxed)
    _ = keyReaderWakeUp
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { signal in
        let savedErrno = errno
        if signal == SIGHUP {
            terminalLost.store(true, ordering: .relaxed)
        } else {
            interruptPending.store(true, ordering: .relaxed)
        }
        if let wakeUp = keyReaderWakeUp {
            var byte: UInt8 = 0
            _ = write(wakeUp.write, &byte, 1)  // a full pipe already wakes the reader
        }
        errno = savedErrno
    }
    sigemptyset(&action.sa_mask)
    action.sa_flags = SA_RESTART
    sigaction(SIGINT, &action, nil)
    sigaction(SIGHUP, &action, nil)
    crl_set_getc_function(readKey)
}

/// Ctrl-G, bound to abort in readline's keymaps.
private let abortKey: Int32 = 0x07

/// readline's key reader (in place of `rl_getc`): reads one byte, discards
/// the line when Ctrl-C was pressed, and shows announcements above the
/// prompt. It runs on the thread in `readline()`, the only thread that may
/// call readline.
private func readKey(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
    guard let stream else { return EOF }
    var waitFor = [pollfd(fd: fileno(stream), events: Int16(POLLIN), revents: 0)]
    if let wakeUp = keyReaderWakeUp {
        waitFor.append(pollfd(fd: wakeUp.read, events: Int16(POLLIN), revents: 0))
    }
    while true {
        // Signals readline caught itself, such as SIGWINCH (window resized).
        rl_check_signals()
        if terminalLost.load(ordering: .relaxed) { return EOF }
        if interruptPending.load(ordering: .relaxed) {
            // A search keeps reading keys after the line is cleared: end it
            // the way Ctrl-G does; the next call (with the search over)
            // discards the line.
            if crl_is_searching() != 0 { return abortKey }
            interruptPending.store(false, ordering: .relaxed)
            crl_discard_line()
        }
        // Checked on every call, not only when woken: messages that came
        // while a command ran appear as soon as the next prompt is drawn.
        showAnnouncements()
        if poll(&waitFor, nfds_t(waitFor.count), -1) < 0 {
            if errno == EINTR { continue }
            return EOF
        }
        if waitFor.count > 1 && waitFor[1].revents != 0 {
            drainWakeUps()
            continue
        }
        var byte: UInt8 = 0
        let count = read(waitFor[0].fd, &byte, 1)
        if count == 1 { return Int32(byte) }
        if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
        // End of input, or the terminal is gone: either way, not Ctrl-D.
        terminalLost.store(true, ordering: .relaxed)
        return EOF
    }
}

private func drainWakeUps() {
    guard let wakeUp = keyReaderWakeUp else { return }
    var bytes = [UInt8](repeating: 0, count: 64)
    while read(wakeUp.read, &bytes, bytes.count) > 0 {}
}

// MARK: - Announcements

/// Messages from ``ReadlineLineEditor/announce(_:)``, oldest first, each
/// cleaned and ending in a newline, waiting for `readKey` to show them.
private let pendingAnnouncements = Mutex<[String]>([])

private func takePendingAnnouncements() -> [String] {
    pendingAnnouncements.withLock { pending in
        let taken = pending
        pending = []
        return taken
    }
}

/// Shows the waiting announcements above the prompt, all at once. Called by
/// `readKey`, so only while readline reads a key, with its prompt and line
/// on the screen and nothing else writing to it.
private func showAnnouncements() {
    // The wake-up byte is gone by now: the messages stay queued for the
    // next call, which comes with the first key read after completion.
    guard crl_is_completing() == 0 else { return }
    let texts = takePendingAnnouncements()
    guard !texts.isEmpty else { return }
    crl_show_above_line(texts.joined())
}
