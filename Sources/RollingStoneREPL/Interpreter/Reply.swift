import RollingStoneCore
import RollingStoneJournal
import RollingStoneMeeting
import RollingStoneReport

/// What the REPL prints after a line.
package struct Reply: Equatable, Sendable {
    package var text: String
    /// The line was refused; nothing was recorded.
    package var isError: Bool
    /// The meeting is over and the loop should stop.
    package var endsMeeting: Bool

    package static func ok(_ text: String) -> Reply { Reply(text: text, isError: false, endsMeeting: false) }
    package static func error(_ text: String) -> Reply { Reply(text: text, isError: true, endsMeeting: false) }
}
