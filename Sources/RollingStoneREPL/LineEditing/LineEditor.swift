import RollingStoneCore
import RollingStoneJournal
import RollingStoneMeeting
import RollingStoneReport

/// A source of command lines for the meeting loop.
///
/// The interpreter never talks to a terminal itself: the executable hands it
/// a readline-backed editor when a person is typing, and a plain reader when
/// a script is piped in. Tests drive it with a scripted editor.
package protocol LineEditor: AnyObject, Sendable {
    /// Whether a person is typing: prompts are shown and history is kept.
    var isInteractive: Bool { get }

    /// Reads one line without its line terminator.
    ///
    /// - Returns: the line, or `nil` at the end of input (Ctrl-D, EOF).
    func readLine(prompt: String) -> String?

    /// Remembers a line the user entered so it can be recalled later.
    func addToHistory(_ line: String)

    /// Whether input ended because the terminal went away rather than by
    /// the person's choice (Ctrl-D): a closed window does not end a meeting.
    var inputWasLost: Bool { get }

    /// Shows a message that comes from elsewhere (a timer, the room) at
    /// once, above the prompt, keeping what is half typed. Safe to call
    /// from any thread.
    func announce(_ message: String)
}

extension LineEditor {
    /// Input that ends is the person's choice, or a script's end.
    package var inputWasLost: Bool { false }
}

/// Offers completions for the word under the cursor.
///
/// Offsets are UTF-8 byte offsets into `line`, as readline reports them.
/// Each completion replaces the bytes `wordStart..<wordEnd` of the line.
package protocol CompletionSource: AnyObject {
    func completions(line: String, wordStart: Int, wordEnd: Int) -> [String]
}
