import Foundation
import RollingStoneCore

#if canImport(Glibc)
import Glibc
#endif

extension SessionJournal {
    /// Creates a new session file; an existing file with content is never
    /// overwritten.
    ///
    /// The header is written and synced under a temporary name, with the
    /// lock already held, and only then given the name `url` in one step
    /// (`link`, or a rename that cannot replace): a crash while creating
    /// leaves no half-written session that could not be resumed, and another
    /// REPL never sees the file unlocked. Where the file system has neither
    /// (fusefat), the header is written in one `write` under the name itself;
    /// a crash before it leaves an empty file, which the next creation takes
    /// over. `id` is the session's id (a new random one unless given);
    /// `naming` is a seam for tests.
    package static func create(
        at url: URL, agenda: Agenda, now: Date, id: String = SessionHeader.newID(), naming: some FileNamingCalls = SystemFileNaming()
    ) throws(SessionFileError) -> SessionJournal {
        let path = url.path
        let directory = url.deletingLastPathComponent()
        try makeDirectory(directory)
        let found = existingFile(atPath: path)
        if found == .withContent { throw .alreadyExists(path: path) }
        let takesOverEmptyFile = found == .empty
        let line = try Self.line(SessionHeader(created: now, agenda: agenda, id: id), encoder: makeEncoder(), path: path)
        // The header as the file keeps it (milliseconds), so the live meeting and a resumed one agree to the bit.
        guard let header = try? JSONDecoder().decode(SessionHeader.self, from: Data(line)) else {
            throw .io(path: path, JournalIOError(operation: "encode", code: EINVAL))
        }

        let descriptor =
            takesOverEmptyFile
            ? try writtenInPlace(line, at: path) : try writtenThenNamed(line, at: url, naming: naming)
        SessionLockNote.write(for: path)
        let journal = SessionJournal(
            url: url, state: MeetingState(header: header), sink: FileJournalSink(descriptor: descriptor), descriptor: descriptor,
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

    /// A descriptor, locked, on the file named `url` that holds just `line`:
    /// written under a temporary name, then named in one step, or written in
    /// place where the file system cannot do that.
    private static func writtenThenNamed(_ line: [UInt8], at url: URL, naming: some FileNamingCalls) throws(SessionFileError) -> Int32 {
        let path = url.path
        let temporary = SessionLockNote.temporaryURL(for: url).path
        let descriptor = Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .io(path: path, JournalIOError(operation: "open", code: errno)) }
        do throws(JournalIOError) {
            // The file is new and nobody else knows its name: this cannot be refused.
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else { throw JournalIOError(operation: "flock", code: errno) }
            try writeWhole(line, to: descriptor)
        } catch {
            unlink(temporary)
            Glibc.close(descriptor)
            throw .io(path: path, error)
        }
        let outcome: NewFileName.Outcome
        do throws(SessionFileError) {
            outcome = try NewFileName.give(temporary, name: path, calls: naming)
        } catch {
            unlink(temporary)
            Glibc.close(descriptor)
            throw error
        }
        guard outcome == .neitherAvailable else { return descriptor }
        unlink(temporary)
        Glibc.close(descriptor)
        return try writtenInPlace(line, at: path)
    }

    /// A descriptor, locked, on a new or empty file named `path`, into which
    /// `line` was written in one `write`: a crash leaves it empty or whole.
    private static func writtenInPlace(_ line: [UInt8], at path: String) throws(SessionFileError) -> Int32 {
        let descriptor = try NewFileName.openInPlace(path)
        do throws(JournalIOError) {
            try writeWhole(line, to: descriptor)
        } catch {
            // The file is this process's, empty or cut short: it must not stay as a session.
            unlink(path)
            Glibc.close(descriptor)
            throw .io(path: path, error)
        }
        return descriptor
    }

    /// What has a session's name before it is opened or created.
    package enum ExistingFile: Equatable, Sendable {
        case none
        /// An empty regular file: no session, and nothing to lose. What a
        /// crash while writing in place leaves, or a `touch`.
        case empty
        /// A file with content, or something that is not a regular file:
        /// never replaced, and `open` says what it is.
        case withContent
    }

    /// The one rule that decides whether `path` is a session to resume or a name to create.
    package static func existingFile(atPath path: String) -> ExistingFile {
        guard let found = try? FileManager.default.attributesOfItem(atPath: path) else { return .none }
        let isEmptyRegularFile = found[.type] as? FileAttributeType == .typeRegular && (found[.size] as? UInt64 ?? 0) == 0
        return isEmptyRegularFile ? .empty : .withContent
    }

    /// `bytes` appended and synced.
    private static func writeWhole(_ bytes: [UInt8], to descriptor: Int32) throws(JournalIOError) {
        let sink = FileJournalSink(descriptor: descriptor)
        try sink.append(bytes)
        try sink.sync()
    }
}
