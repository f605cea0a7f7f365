import Foundation
import RollingStoneCore
import RollingStoneJournal
import RollingStoneMeeting
import RollingStoneReport

/// Reads lines from standard input with no editing, prompt or history.
///
/// Used when standard input or output is not a terminal, so that a piped
/// script produces a clean log.
package final class PlainLineEditor: LineEditor {
    package let isInteractive = false
    private let output: @Sendable (String) -> Void

    /// - Parameter output: where announcements go; it must be safe to call
    ///   from any thread, as the replies' output is.
    package init(output: @escaping @Sendable (String) -> Void) {
        self.output = output
    }

    package func readLine(prompt: String) -> String? {
        Swift.readLine(strippingNewline: true)
    }

    package func addToHistory(_ line: String) {}

    /// With no prompt to keep, a message is simply the next line of output.
    package func announce(_ message: String) {
        output(message)
    }
}
