import Foundation
import RollingStoneCore
import RollingStoneMeeting

extension MeetingOpener.Opened {
    /// What the REPL tells the facilitator first, in English.
    package var messages: [String] { messages(in: .en) }

    /// What the REPL tells the facilitator first, in `language`: the
    /// meeting, its session file, and what resuming found.
    package func messages(in language: InterfaceLanguage) -> [String] {
        let state = meeting.state
        let agenda = state.agenda
        let path = displayPath(meeting.url)
        let name = MeetingOpener.meetingName(agenda)
        switch how {
        case .created(let earlier):
            let planned = agenda.items.reduce(0) { $0 + $1.minutes }
            let items = language.counted(agenda.items.count, .item)
            var messages: [String]
            switch language {
            case .en:
                messages = [
                    "\(name) — \(items), \(planned) min planned.",
                    "Session file: \(path) (every entry is saved as you type it).",
                    "Type 'help' for the commands; Tab completes them.",
                ]
            case .nl:
                messages = [
                    "\(name) — \(items), \(planned) min gepland.",
                    "Sessiebestand: \(path) (elke bijdrage wordt bewaard zodra je haar typt).",
                    "Typ 'hulp' voor de commando's; Tab vult ze aan. De Engelse commando's werken ook.",
                ]
            }
            if let earlier {
                let earlierPath = displayPath(earlier)
                let command = "rollingstone run --session \(shellQuoted(earlierPath))"
                switch language {
                case .en:
                    messages.append("A session from today already exists (\(earlierPath)); starting a new one. To continue that one instead: \(command)")
                case .nl:
                    messages.append("Er is al een sessie van vandaag (\(earlierPath)); er begint een nieuwe. Om met die andere verder te gaan: \(command)")
                }
            }
            return messages

        case .resumed(let resumption):
            return resumedMessages(resumption, in: language)
        }
    }

    private func resumedMessages(_ resumption: MeetingOpener.Resumption, in language: InterfaceLanguage) -> [String] {
        let state = meeting.state
        let agenda = state.agenda
        let path = displayPath(meeting.url)
        let name = MeetingOpener.meetingName(agenda)
        let position = "\(state.currentItem + 1)/\(agenda.items.count) \"\(agenda.items[state.currentItem].title)\""
        let people = language.counted(state.participants.count, .participant)
        let entries = language.counted(state.entries.count, .entry)
        var messages: [String]
        switch language {
        case .en: messages = ["Resumed \(path): \(name), at item \(position), \(people), \(entries)."]
        case .nl: messages = ["Verder met \(path): \(name), bij punt \(position), \(people), \(entries)."]
        }
        // After a crash the facilitator may not remember that new tips still
        // go under the lesson that was open.
        if let id = state.currentLesson, let lesson = state.lesson(id) {
            switch language {
            case .en:
                messages.append("Lesson \"\(lesson.title)\" is still open: tips, notes and quotes go under it until another lesson or item starts.")
            case .nl:
                messages.append("Les \"\(lesson.title)\" is nog open: tips, notities en citaten komen eronder tot een andere les of een ander punt begint.")
            }
        }
        // Who had the floor and who waited is part of the meeting too.
        let speakers = state.speakers
        let waiting = language.counted(speakers.waiting.count, .speaker)
        if let turn = speakers.current, let speaker = state.participant(turn.request.participant) {
            switch (language, speakers.waiting.isEmpty) {
            case (.en, true): messages.append("\(speaker.name) has the floor; nobody waits ('q' shows it).")
            case (.en, false): messages.append("\(speaker.name) has the floor; \(waiting) in the queue ('q' shows it).")
            case (.nl, true): messages.append("\(speaker.name) heeft het woord; er wacht niemand ('q' toont de lijst).")
            case (.nl, false): messages.append("\(speaker.name) heeft het woord; \(waiting) op de lijst ('q' toont de lijst).")
            }
        } else if !speakers.waiting.isEmpty {
            switch language {
            case .en: messages.append("\(waiting) in the queue ('q' shows it, 'ack' gives the floor).")
            case .nl: messages.append("\(waiting) op de lijst ('q' toont de lijst, 'beurt' geeft het woord).")
            }
        }
        if let tail = resumption.recoveredTail {
            let side = resumption.tornTailFile.map(displayPath)
            let bytes = tail.bytes.count
            switch language {
            case .en:
                messages.append(
                    "warning: line \(tail.line) of the session file was incomplete (\(bytes) bytes, cut off by a crash while writing); it had not been acknowledged. It was kept in \(side ?? "a side file") and removed from the session."
                )
            case .nl:
                messages.append(
                    "waarschuwing: regel \(tail.line) van het sessiebestand was onvolledig (\(bytes) bytes, afgebroken door een crash tijdens het schrijven); hij was nog niet bevestigd. Hij is bewaard in \(side ?? "een apart bestand") en uit de sessie gehaald."
                )
            }
        }
        if state.hasEnded {
            switch language {
            case .en: messages.append("This meeting had ended; it is reopened to correct or add. 'end' closes it again.")
            case .nl: messages.append("Deze bijeenkomst was beëindigd; ze is heropend om te verbeteren of aan te vullen. 'einde' sluit haar weer af.")
            }
        }
        if resumption.agendaDiffers {
            switch language {
            case .en: messages.append("note: the agenda given differs from the one stored in the session; the stored agenda is kept.")
            case .nl: messages.append("let op: de opgegeven agenda verschilt van die in de sessie; de opgeslagen agenda blijft.")
            }
        }
        return messages
    }
}
