import Foundation

/// Reads lines from an editor and answers them until the meeting ends.
public enum MeetingLoop {
    /// Runs the meeting. `output` receives every reply, one per call.
    ///
    /// At the end of input a person (Ctrl-D) ends the meeting like `end`;
    /// a script that runs out, or a terminal that goes away, leaves it open,
    /// to be resumed.
    public static func run(_ interpreter: MeetingInterpreter, editor: any LineEditor, output: (String) -> Void) {
        while true {
            let prompt = editor.isInteractive ? interpreter.prompt : ""
            guard let line = editor.readLine(prompt: prompt) else {
                if editor.isInteractive && !editor.inputWasLost {
                    output(interpreter.handle("end").text)
                } else if !interpreter.state.hasEnded || interpreter.state.isReopened {
                    output("End of input; the meeting stays open. Resume it with: rollingstone run --session \(shellQuoted(displayPath(interpreter.journal.url)))")
                }
                return
            }
            if editor.isInteractive && !line.trimmingWhitespace.isEmpty {
                editor.addToHistory(line)
            }
            let reply = interpreter.handle(line)
            if !reply.text.isEmpty {
                output(reply.isError ? "error: " + reply.text : reply.text)
            }
            if reply.endsMeeting { return }
        }
    }
}
