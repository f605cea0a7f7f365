import Foundation
import Synchronization

/// Standard output, written at once after every reply so a log or a
/// terminal shows each acknowledgement the moment it is true. Everything
/// `run` prints goes through here (readline flushes its own prompt).
struct Console: Sendable {
    /// A person is typing: readline, prompts and history are used.
    let isInteractive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    /// Replies and announcements come from several threads: one line at a time.
    private static let writing = Mutex(())

    @Sendable func write(_ text: String) {
        // Straight to the descriptor, past stdio's buffer: flushing stdio
        // (fflush(nil)) would also wait for the lock of standard input,
        // which a plain read holds while it waits for the next line.
        // A terminal that went away (a hang-up) refuses the bytes: nothing
        // to tell anyone, and the meeting goes on to close cleanly.
        Self.writing.withLock { _ in try? FileHandle.standardOutput.write(contentsOf: Data((text + "\n").utf8)) }
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
