import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What the index remembers of a session file to tell whether it changed
/// since it was read: size, inode and both times to the nanosecond.
///
/// Any write changes the change time (which no program can set back) and a
/// replaced file has another inode, so an edited, extended, truncated or
/// replaced session is read again.
struct SessionFileSignature: Equatable, Sendable {
    let text: String

    /// The signature of the file at `path`; `nil` when it cannot be seen.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let parts: [Int] = [
            Int(info.st_size), Int(info.st_ino), Int(info.st_dev), info.st_mtim.tv_sec, info.st_mtim.tv_nsec, info.st_ctim.tv_sec,
            info.st_ctim.tv_nsec,
        ]
        text = parts.map(String.init).joined(separator: ":")
    }
}
