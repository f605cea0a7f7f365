import Foundation

/// Standard output, flushed after every reply so a log or a terminal shows
/// each acknowledgement the moment it is true.
struct Console {
    /// A person is typing: readline, prompts and history are used.
    let isInteractive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1

    func write(_ text: String) {
        print(text)
        fflush(nil)
    }
}

/// An error already worded for the user: printed as it is, exit status 1.
struct UserFacingFailure: Error, CustomStringConvertible {
    let description: String

    init(_ error: any Error) {
        description = String(describing: error)
    }
}
