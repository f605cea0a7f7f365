import Foundation

/// Reads lines from standard input with no editing, prompt or history.
///
/// Used when standard input or output is not a terminal, so that a piped
/// script produces a clean log.
public final class PlainLineEditor: LineEditor {
    public let isInteractive = false

    public init() {}

    public func readLine(prompt: String) -> String? {
        Swift.readLine(strippingNewline: true)
    }

    public func addToHistory(_ line: String) {}
}
