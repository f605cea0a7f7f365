import RollingStoneMeeting

extension SpeakerOverrun {
    /// The alert shown above the prompt, in `language`.
    func wording(in language: InterfaceLanguage) -> String {
        let used = CommandInterpreter.minutes(allowedSeconds)
        switch (language, waiting == 0) {
        case (.en, true): return "Speaker time: \(speaker.name) has used \(used); 'q done' ends the turn."
        case (.en, false): return "Speaker time: \(speaker.name) has used \(used); 'ack' gives the floor to the next."
        case (.nl, true): return "Spreektijd: \(speaker.name) heeft \(used) gehad; 'q klaar' sluit de beurt af."
        case (.nl, false): return "Spreektijd: \(speaker.name) heeft \(used) gehad; 'beurt' geeft het woord aan de volgende."
        }
    }
}
