/// What the REPL prints after a line.
public struct Reply: Equatable, Sendable {
    public var text: String
    /// The line was refused; nothing was recorded.
    public var isError: Bool
    /// The meeting is over and the loop should stop.
    public var endsMeeting: Bool

    public static func ok(_ text: String) -> Reply { Reply(text: text, isError: false, endsMeeting: false) }
    public static func error(_ text: String) -> Reply { Reply(text: text, isError: true, endsMeeting: false) }
}
