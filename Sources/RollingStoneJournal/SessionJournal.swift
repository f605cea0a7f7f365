import Foundation
import RollingStoneCore

#if canImport(Glibc)
import Glibc
#endif

/// The one writer of a session file.
///
/// Every event is encoded as one JSON line, written, and `fsync`ed before
/// `append` returns: when the REPL acknowledges a capture, it is on disk. The
/// file is held with an advisory lock (`flock`) so that a second REPL on the
/// same session is refused instead of interleaving lines.
package final class SessionJournal {
    package let url: URL
    /// The meeting as recorded so far.
    package private(set) var state: MeetingState
    /// What `open` had to cut off the end of the file, if anything.
    package let recoveredTail: TornTail?
    /// Where the cut-off bytes were kept.
    package let tornTailFile: URL?

    private let sink: any JournalSink
    /// `nil` for a journal on another sink, and once closed.
    private var descriptor: Int32?
    private var validLength: UInt64
    /// A failed append left bytes after `validLength` that could not be cut off yet.
    private var hasStrayBytes = false
    private var isClosed = false
    private let encoder: JSONEncoder

    private init(
        url: URL, state: MeetingState, sink: any JournalSink, descriptor: Int32?, validLength: UInt64,
        recoveredTail: TornTail?, tornTailFile: URL?
    ) {
        self.url = url
        self.state = state
        self.sink = sink
        self.descriptor = descriptor
        self.validLength = validLength
        self.recoveredTail = recoveredTail
        self.tornTailFile = tornTailFile
        self.encoder = Self.makeEncoder()
    }

    /// The encoder every line is written with.
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    deinit {
        close()
    }

    /// Lets go of the session file: the lock, the note naming its holder,
    /// and the descriptor. What comes after is refused as not saved.
    ///
    /// Called when the meeting is done rather than left to `deinit`:
    /// readline's completion keeps the meeting, and with it the journal,
    /// alive to the end of the process, which would leave the note behind.
    package func close() {
        isClosed = true
        guard let descriptor else { return }
        self.descriptor = nil
        try? FileManager.default.removeItem(at: Self.lockInfoURL(for: url))
        Glibc.close(descriptor)
    }

    /// Creates a new session file; an existing file is never overwritten.
    ///
    /// The header is written and synced under a temporary name, with the
    /// lock already held, and only then linked to `url`: a crash while
    /// creating leaves no empty or half-written session that could not be
    /// resumed, and another REPL never sees the file unlocked.
    package static func create(at url: URL, agenda: Agenda, now: Date) throws(SessionFileError) -> SessionJournal {
        let path = url.path
        let directory = url.deletingLastPathComponent()
        try makeDirectory(directory)
        guard access(path, F_OK) != 0 else { throw .alreadyExists(path: path) }
        let line = try Self.line(SessionHeader(created: now, agenda: agenda), encoder: makeEncoder(), path: path)
        // The header as the file keeps it (milliseconds), so the live meeting and a resumed one agree to the bit.
        guard let header = try? JSONDecoder().decode(SessionHeader.self, from: Data(line)) else {
            throw .io(path: path, JournalIOError(operation: "encode", code: EINVAL))
        }

        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).creating").path
        // A leftover of a crashed process that had the same id; it never was a session.
        unlink(temporary)
        let descriptor = Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .io(path: path, JournalIOError(operation: "open", code: errno)) }
        let sink = FileJournalSink(descriptor: descriptor)
        do throws(JournalIOError) {
            // The file is new and nobody else knows its name: this cannot be refused.
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { throw JournalIOError(operation: "flock", code: errno) }
            try sink.append(line)
            try sink.sync()
            // Unlike rename, link fails when the name is taken.
            guard link(temporary, path) == 0 else { throw JournalIOError(operation: "link", code: errno) }
        } catch {
            unlink(temporary)
            Glibc.close(descriptor)
            if error.code == EEXIST { throw .alreadyExists(path: path) }
            throw .io(path: path, error)
        }
        unlink(temporary)
        writeLockNote(for: path)
        let journal = SessionJournal(
            url: url, state: MeetingState(header: header), sink: sink, descriptor: descriptor,
            validLength: UInt64(line.count), recoveredTail: nil, tornTailFile: nil)
        do {
            // The new name must survive a crash too, not only the bytes.
            try syncDirectory(directory)
        } catch {
            unlink(path)
            throw .io(path: path, error)
        }
        return journal
    }

    /// Opens an existing session file for writing, replaying it.
    ///
    /// An incomplete last line (a crash mid-write) is moved to a side file
    /// next to the session, named `<session>.torn`, and cut off.
    package static func open(at url: URL) throws(SessionFileError) -> SessionJournal {
        let path = url.path
        let descriptor = Glibc.open(path, O_RDWR | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { throw .notFound(path: path) }
            throw .io(path: path, JournalIOError(operation: "open", code: errno))
        }
        do throws(SessionFileError) {
            try lock(descriptor, path: path)
            let file = try SessionFile.parse(SessionFile.readAll(descriptor, path: path), path: path)
            let sink = FileJournalSink(descriptor: descriptor)
            var tornTailFile: URL?
            if let tail = file.tornTail {
                let side = URL(fileURLWithPath: path + ".torn")
                try keep(tail.bytes, in: side)
                do {
                    try sink.truncate(to: file.validLength)
                    try sink.sync()
                } catch {
                    throw SessionFileError.io(path: path, error)
                }
                tornTailFile = side
            }
            return SessionJournal(
                url: url, state: file.state, sink: sink, descriptor: descriptor,
                validLength: file.validLength, recoveredTail: file.tornTail, tornTailFile: tornTailFile)
        } catch {
            Glibc.close(descriptor)
            throw error
        }
    }

    /// Creates `directory` and its parents, like `mkdir -p`.
    private static func makeDirectory(_ directory: URL) throws(SessionFileError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue { return }
        let parent = directory.deletingLastPathComponent()
        if parent.path != directory.path { try makeDirectory(parent) }
        guard mkdir(directory.path, 0o755) == 0 || errno == EEXIST else {
            throw .io(path: directory.path, JournalIOError(operation: "mkdir", code: errno))
        }
    }

    /// A journal over any sink, for tests that inject faults.
    package static func inMemory(header: SessionHeader, sink: any JournalSink, url: URL) throws(SessionFileError) -> SessionJournal {
        let journal = SessionJournal(
            url: url, state: MeetingState(header: header), sink: sink, descriptor: nil,
            validLength: 0, recoveredTail: nil, tornTailFile: nil)
        let line = try Self.line(header, encoder: journal.encoder, path: url.path)
        do {
            try sink.append(line)
            try sink.sync()
        } catch {
            throw .io(path: url.path, error)
        }
        journal.validLength = UInt64(line.count)
        return journal
    }

    /// Records one event: written and `fsync`ed before this returns.
    ///
    /// On failure the file is cut back to its last complete line and the
    /// state is unchanged: the event was not saved and may be tried again.
    @discardableResult
    package func append(_ event: SessionEvent, at time: Date) throws(JournalAppendError) -> SessionRecord {
        guard !isClosed else { throw .notSaved(JournalIOError(operation: "write", code: EBADF)) }
        let record = SessionRecord(sequence: state.lastSequence + 1, time: time, event: event)
        let line: [UInt8]
        do {
            line = try Self.line(record, encoder: encoder, path: url.path)
        } catch {
            throw .notSaved(JournalIOError(operation: "encode", code: EINVAL))
        }
        do {
            try state.check(record)
        } catch {
            throw .rejected(error)
        }
        if hasStrayBytes {
            // Writing after the remains of a failed line would glue them to
            // this one and spoil it: cut them off first, or save nothing.
            do {
                try sink.truncate(to: validLength)
                hasStrayBytes = false
            } catch {
                throw .notSaved(error)
            }
        }
        do {
            try sink.append(line)
            try sink.sync()
        } catch {
            // A failed fsync may have dropped the pages it could not write:
            // retrying it could report success for bytes that are gone. Cut
            // the file back instead, and let the user try the command again.
            do {
                try sink.truncate(to: validLength)
            } catch {
                hasStrayBytes = true
            }
            try? sink.sync()
            throw .notSaved(error)
        }
        validLength += UInt64(line.count)
        // Checked above; applying in place keeps a large meeting's state
        // from being copied on every capture.
        state.applyChecked(record)
        return record
    }

    /// `value` as one line of the file, its newline included.
    /// `path` is only for the error: capturing does not build it.
    private static func line(_ value: some Encodable, encoder: JSONEncoder, path: @autoclosure () -> String) throws(SessionFileError) -> [UInt8] {
        do {
            var bytes = Array(try encoder.encode(value))
            bytes.append(0x0A)
            return bytes
        } catch {
            throw .io(path: path(), JournalIOError(operation: "encode", code: EINVAL))
        }
    }

    // MARK: Locking

    private static func lockInfoURL(for url: URL) -> URL {
        URL(fileURLWithPath: url.path + ".lock")
    }

    private static func lock(_ descriptor: Int32, path: String) throws(SessionFileError) {
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            if errno == EWOULDBLOCK {
                throw .lockedByAnother(path: path, holder: lockHolder(for: path))
            }
            throw .io(path: path, JournalIOError(operation: "flock", code: errno))
        }
        writeLockNote(for: path)
    }

    /// Only for the message a second writer sees; the lock itself is the flock.
    private static func writeLockNote(for path: String) {
        let since = SessionTimestamp.string(from: Date())
        try? "process \(getpid()) since \(since)\n".write(to: lockInfoURL(for: URL(fileURLWithPath: path)), atomically: true, encoding: .utf8)
    }

    /// The holder's note, once it names a live process: the holder writes it
    /// just after taking the lock, so it may be a moment late, and one left
    /// by a killed process names someone gone. `nil` rather than a wrong name.
    private static func lockHolder(for path: String) -> String? {
        let noteURL = lockInfoURL(for: URL(fileURLWithPath: path))
        for _ in 0..<40 {
            if let note = try? String(contentsOf: noteURL, encoding: .utf8).trimmingWhitespaceAndNewlines,
                let pid = note.split(separator: " ").dropFirst().first.flatMap({ Int32($0) }),
                kill(pid, 0) == 0 || errno == EPERM
            {
                return note
            }
            usleep(5_000)
        }
        return nil
    }

    private static func keep(_ bytes: [UInt8], in side: URL) throws(SessionFileError) {
        let descriptor = Glibc.open(side.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .io(path: side.path, JournalIOError(operation: "open", code: errno)) }
        defer { Glibc.close(descriptor) }
        let sink = FileJournalSink(descriptor: descriptor)
        do {
            try sink.append(bytes)
            try sink.sync()
        } catch {
            throw .io(path: side.path, error)
        }
    }

    private static func syncDirectory(_ directory: URL) throws(JournalIOError) {
        let descriptor = Glibc.open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw JournalIOError(operation: "open directory", code: errno) }
        defer { Glibc.close(descriptor) }
        guard fsync(descriptor) == 0 else { throw JournalIOError(operation: "fsync directory", code: errno) }
    }
}

/// Why an event was not recorded.
package enum JournalAppendError: Error, Equatable, CustomStringConvertible, Sendable {
    /// Writing or syncing failed; nothing of the event is in the file.
    case notSaved(JournalIOError)
    /// The event does not fit the meeting; nothing was written.
    case rejected(MeetingStateError)

    package var description: String {
        switch self {
        case .notSaved(let error): "not saved: \(error)"
        case .rejected(let error): "not saved: \(error)"
        }
    }
}
