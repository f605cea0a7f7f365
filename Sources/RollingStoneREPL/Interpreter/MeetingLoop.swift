import Foundation
import RollingStoneMeeting

/// Reads lines from an editor and answers them until the meeting ends.
package enum MeetingLoop {
    /// Runs the meeting. `output` receives every reply, one per call.
    ///
    /// At the end of input a person (Ctrl-D) ends the meeting like `end`;
    /// a script that runs out, or a terminal that goes away, leaves it open,
    /// to be resumed. While it runs, the time box is watched: when the
    /// current item has used its minutes, the editor says so once, above the
    /// prompt, whatever is being typed; so it does when a phone sends something.
    package static func run(_ interpreter: CommandInterpreter, editor: any LineEditor, output: (String) -> Void) {
        let language = interpreter.language
        let watch = TimeBoxWatch(meeting: interpreter.meeting) { [editor] overrun in
            editor.announce(overrun.wording(in: language))
        }
        watch.start()
        defer { watch.stop() }
        // The same for a speaker who has used the time `q time` gives, once per turn.
        let speakerWatch = SpeakerTimeWatch(meeting: interpreter.meeting) { [editor] overrun in
            editor.announce(overrun.wording(in: language))
        }
        speakerWatch.start()
        defer { speakerWatch.stop() }
        let meeting = interpreter.meeting
        // Observers run under the meeting's lock: the announcement is handed on, never written there.
        let announcing = DispatchQueue(label: "rollingstone.announcements")
        let submissions = meeting.observe { [editor] update in
            guard case .submitted(let submission) = update.record.event else { return }
            let direct = meeting.acceptsSubmissionsDirectly
            announcing.async { editor.announce(RoomAnnouncement.text(for: submission, direct: direct, in: language)) }
        }
        defer {
            submissions.cancel()
            // What was announced before the end is said before the loop returns.
            announcing.sync {}
        }
        while true {
            let prompt = editor.isInteractive ? interpreter.prompt : ""
            guard let line = editor.readLine(prompt: prompt) else {
                if editor.isInteractive && !editor.inputWasLost {
                    output(interpreter.handle("end").text)
                } else if !interpreter.state.hasEnded || interpreter.state.isReopened {
                    let session = shellQuoted(displayPath(interpreter.meeting.url))
                    switch language {
                    case .en: output("End of input; the meeting stays open. Resume it with: rollingstone run --session \(session)")
                    case .nl: output("Einde van de invoer; de bijeenkomst blijft open. Ga verder met: rollingstone run --session \(session)")
                    }
                }
                return
            }
            if editor.isInteractive && !line.trimmingWhitespace.isEmpty {
                editor.addToHistory(line)
            }
            let reply = interpreter.handle(line)
            if !reply.text.isEmpty {
                output(reply.isError ? errorPrefix(language) + reply.text : reply.text)
            }
            if reply.endsMeeting { return }
        }
    }

    /// What starts a refused line's reply: "error: ", "fout: ".
    package static func errorPrefix(_ language: InterfaceLanguage) -> String {
        switch language {
        case .en: "error: "
        case .nl: "fout: "
        }
    }
}
