/// The bytes after the last complete line of a session file: a line cut off
/// by a crash while it was written, so never acknowledged.
package struct TornTail: Equatable, Sendable {
    /// The 1-based line number the torn bytes start on.
    package var line: Int
    package var bytes: [UInt8]
    /// Why the line is not a complete event.
    package var reason: String

    package init(line: Int, bytes: [UInt8], reason: String) {
        self.line = line
        self.bytes = bytes
        self.reason = reason
    }
}
