import CRename
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The calls that give a finished new file its name: a seam, so that tests
/// can fail them the way FAT and FUSE file systems do. Each returns 0 or the
/// `errno`.
package protocol FileNamingCalls: Sendable {
    /// `link(2)`: a second name for the file, refused when the name is taken.
    func link(_ existing: String, _ new: String) -> Int32
    /// A rename that is refused (`EEXIST`) rather than replace a file.
    func renameNoReplace(_ old: String, _ new: String) -> Int32
}

/// The real calls.
package struct SystemFileNaming: FileNamingCalls {
    package init() {}
    package func link(_ existing: String, _ new: String) -> Int32 { Glibc.link(existing, new) == 0 ? 0 : errno }
    package func renameNoReplace(_ old: String, _ new: String) -> Int32 { rollingstone_rename_noreplace(old, new) }
}

/// Gives a new session file its name without ever replacing a file that has
/// content, on whatever the file system offers (docs/reliability.md).
enum NewFileName {
    /// How the finished file got its name, or that it could not.
    enum Outcome: Equatable {
        /// `link`: the name appeared with the whole file.
        case linked
        /// A rename that cannot replace, where there are no hard links (FAT
        /// or exFAT under Linux's own drivers): as safe as `link`.
        case renamed
        /// Neither (FUSE's fusefat): the file must be written under its name.
        case neitherAvailable
    }

    /// Names `temporary` (complete and synced) `path`, when the file system can do it in one step.
    ///
    /// - Throws: `.alreadyExists` when a file has the name, `.io` when the calls fail otherwise.
    static func give(_ temporary: String, name path: String, calls: some FileNamingCalls) throws(SessionFileError) -> Outcome {
        switch calls.link(temporary, path) {
        case 0:
            unlink(temporary)
            return .linked
        case EEXIST:
            throw .alreadyExists(path: path)
        // No hard links on this file system (FAT, exFAT, many FUSE ones).
        case EPERM, EOPNOTSUPP, ENOSYS, EMLINK:
            break
        case let code:
            throw .io(path: path, JournalIOError(operation: "link", code: code))
        }
        switch calls.renameNoReplace(temporary, path) {
        case 0: return .renamed
        case EEXIST: throw .alreadyExists(path: path)
        // A kernel or a file system without the flag (fusefat says EINVAL).
        case EINVAL, ENOSYS, EOPNOTSUPP: return .neitherAvailable
        case let code: throw .io(path: path, JournalIOError(operation: "rename", code: code))
        }
    }

    /// A descriptor on a new, empty, locked file named `path`, to write the
    /// session in place where no name can be given in one step: created, or
    /// an empty file taken over that nobody holds (what a crash between
    /// creating and writing leaves, with nothing in it to lose).
    ///
    /// - Throws: `.alreadyExists` when a file with content has the name, or
    ///   another process is creating it.
    static func openInPlace(_ path: String) throws(SessionFileError) -> Int32 {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o644)
        if descriptor < 0 {
            guard errno == EEXIST else { throw .io(path: path, JournalIOError(operation: "open", code: errno)) }
            // Not waiting on a pipe or a device that has the name: they are refused below.
            descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
            guard descriptor >= 0 else { throw .alreadyExists(path: path) }
            guard isEmptyFile(descriptor) else {
                close(descriptor)
                throw .alreadyExists(path: path)
            }
        }
        // Whoever holds the lock on the file the name leads to may write it:
        // two processes creating the same session cannot both succeed.
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0, isEmptyFile(descriptor), isStill(descriptor, namedAt: path) else {
            close(descriptor)
            throw .alreadyExists(path: path)
        }
        return descriptor
    }

    private static func isEmptyFile(_ descriptor: Int32) -> Bool {
        var held = stat()
        return fstat(descriptor, &held) == 0 && (held.st_mode & S_IFMT) == S_IFREG && held.st_size == 0
    }

    /// Whether the name `path` still leads to the file open as `descriptor`.
    private static func isStill(_ descriptor: Int32, namedAt path: String) -> Bool {
        var held = stat()
        var named = stat()
        return fstat(descriptor, &held) == 0 && stat(path, &named) == 0 && held.st_dev == named.st_dev && held.st_ino == named.st_ino
    }
}
