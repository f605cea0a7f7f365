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

    init(
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
    package static func makeEncoder() -> JSONEncoder {
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
        SessionLockNote.remove(for: url)
        Glibc.close(descriptor)
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
    static func makeDirectory(_ directory: URL) throws(SessionFileError) {
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
    static func line(_ value: some Encodable, encoder: JSONEncoder, path: @autoclosure () -> String) throws(SessionFileError) -> [UInt8] {
        do {
            var bytes = Array(try encoder.encode(value))
            bytes.append(0x0A)
            return bytes
        } catch {
            throw .io(path: path(), JournalIOError(operation: "encode", code: EINVAL))
        }
    }

    // MARK: Locking

    private static func lock(_ descriptor: Int32, path: String) throws(SessionFileError) {
        // A lock that is gone within a moment was no other meeting: a child
        // that another thread of a process which just closed the session was
        // starting holds a copy of its descriptor until it execs.
        for attempt in 0..<20 {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 {
                SessionLockNote.write(for: path)
                return
            }
            guard errno == EWOULDBLOCK else { throw .io(path: path, JournalIOError(operation: "flock", code: errno)) }
            if attempt < 19 { usleep(10_000) }
        }
        throw .lockedByAnother(path: path, holder: SessionLockNote.holder(for: path))
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

    static func syncDirectory(_ directory: URL) throws(JournalIOError) {
        let descriptor = Glibc.open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw JournalIOError(operation: "open directory", code: errno) }
        defer { Glibc.close(descriptor) }
        // A file system that cannot sync a folder (some FUSE ones) refuses;
        // on FAT the name lives in the entry the file's own fsync wrote.
        guard fsync(descriptor) == 0 || [EINVAL, ENOSYS, EOPNOTSUPP].contains(errno) else {
            throw JournalIOError(operation: "fsync directory", code: errno)
        }
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
