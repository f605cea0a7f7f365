import Foundation
import RollingStoneCore
import RollingStoneMeeting

extension MeetingOpener.Opened {
    /// What the REPL tells the facilitator first: the meeting, its session
    /// file, and what resuming found.
    package var messages: [String] {
        let state = meeting.state
        let agenda = state.agenda
        let path = displayPath(meeting.url)
        switch how {
        case .created(let earlier):
            let planned = agenda.items.reduce(0) { $0 + $1.minutes }
            var messages = [
                "\(MeetingOpener.meetingName(agenda)) — \(plural(agenda.items.count, "item")), \(planned) min planned.",
                "Session file: \(path) (every entry is saved as you type it).",
                "Type 'help' for the commands; Tab completes them.",
            ]
            if let earlier {
                let earlierPath = displayPath(earlier)
                messages.append(
                    "A session from today already exists (\(earlierPath)); starting a new one. To continue that one instead: rollingstone run --session \(shellQuoted(earlierPath))"
                )
            }
            return messages

        case .resumed(let resumption):
            let item = "item \(state.currentItem + 1)/\(agenda.items.count) \"\(agenda.items[state.currentItem].title)\""
            let counts = "\(plural(state.participants.count, "participant")), \(plural(state.entries.count, "entry", "entries"))"
            var messages = ["Resumed \(path): \(MeetingOpener.meetingName(agenda)), at \(item), \(counts)."]
            // After a crash the facilitator may not remember that new tips still
            // go under the lesson that was open.
            if let id = state.currentLesson, let lesson = state.lesson(id) {
                messages.append("Lesson \"\(lesson.title)\" is still open: tips, notes and quotes go under it until another lesson or item starts.")
            }
            // Who had the floor and who waited is part of the meeting too.
            let speakers = state.speakers
            if let turn = speakers.current, let speaker = state.participant(turn.request.participant) {
                let waiting = speakers.waiting.isEmpty ? "nobody waits" : "\(plural(speakers.waiting.count, "speaker")) in the queue"
                messages.append("\(speaker.name) has the floor; \(waiting) ('q' shows it).")
            } else if !speakers.waiting.isEmpty {
                messages.append("\(plural(speakers.waiting.count, "speaker")) in the queue ('q' shows it, 'ack' gives the floor).")
            }
            if let tail = resumption.recoveredTail {
                let side = resumption.tornTailFile.map(displayPath) ?? "a side file"
                messages.append(
                    "warning: line \(tail.line) of the session file was incomplete (\(tail.bytes.count) bytes, cut off by a crash while writing); it had not been acknowledged. It was kept in \(side) and removed from the session."
                )
            }
            if state.hasEnded {
                messages.append("This meeting had ended; it is reopened to correct or add. 'end' closes it again.")
            }
            if resumption.agendaDiffers {
                messages.append("note: the agenda given differs from the one stored in the session; the stored agenda is kept.")
            }
            return messages
        }
    }
}
