import Foundation
import Synchronization

#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Standard output, flushed after every reply so a log or a terminal shows
/// each acknowledgement the moment it is true.
struct Console: Sendable {
    /// A person is typing: readline, prompts and history are used.
    let isInteractive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    /// Replies and announcements come from several threads: one line at a time.
    private static let writing = Mutex(())

    @Sendable func write(_ text: String) {
        Self.writing.withLock { _ in
            print(text)
            fflush(stdout)
        }
    }
}

/// An error already worded for the user: printed as it is, exit status 1.
struct UserFacingFailure: Error, CustomStringConvertible {
    let description: String

    init(_ error: any Error) {
        description = String(describing: error)
    }

    init(_ description: String) {
        self.description = description
    }
}
