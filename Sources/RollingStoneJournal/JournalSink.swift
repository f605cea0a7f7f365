import Foundation
import RollingStoneCore

#if canImport(Glibc)
import Glibc
#endif

/// Where a session journal's bytes go.
///
/// A seam, as SQLite's VFS is: the journal is written through it so tests can
/// swap in a sink that fails the k-th write or sync.
package protocol JournalSink: AnyObject {
    /// The length of what is on disk, in bytes.
    func length() throws(JournalIOError) -> UInt64
    /// Writes all of `bytes` at the end.
    func append(_ bytes: [UInt8]) throws(JournalIOError)
    /// Forces what was written to stable storage (`fsync`).
    func sync() throws(JournalIOError)
    /// Cuts the file back to `length` bytes.
    func truncate(to length: UInt64) throws(JournalIOError)
}

/// A failed system call on the session file, with the reason the system gave.
package struct JournalIOError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The operation that failed, e.g. "write" or "fsync".
    package var operation: String
    package var code: Int32

    package init(operation: String, code: Int32) {
        self.operation = operation
        self.code = code
    }

    package var description: String {
        "\(operation) failed: \(String(cString: strerror(code)))"
    }
}

/// A journal sink on an open file descriptor.
package final class FileJournalSink: JournalSink {
    package let descriptor: Int32

    package init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    package func length() throws(JournalIOError) -> UInt64 {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw JournalIOError(operation: "fstat", code: errno) }
        return UInt64(info.st_size)
    }

    package func append(_ bytes: [UInt8]) throws(JournalIOError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw JournalIOError(operation: "write", code: errno)
            }
            written += result
        }
    }

    package func sync() throws(JournalIOError) {
        guard fsync(descriptor) == 0 else { throw JournalIOError(operation: "fsync", code: errno) }
    }

    package func truncate(to length: UInt64) throws(JournalIOError) {
        guard ftruncate(descriptor, off_t(length)) == 0 else { throw JournalIOError(operation: "ftruncate", code: errno) }
    }
}
