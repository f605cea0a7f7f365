import RollingStoneMeeting

extension TimeBoxOverrun {
    /// The alert shown above the prompt, in `language`.
    func wording(in language: InterfaceLanguage) -> String {
        let item = "\(self.item + 1) \"\(title)\""
        switch (language, isLastItem) {
        case (.en, false): return "Time box: item \(item) has used its \(plannedMinutes) min; 'next' moves on."
        case (.en, true): return "Time box: item \(item) has used its \(plannedMinutes) min; 'end' closes the meeting."
        case (.nl, false): return "Tijd: punt \(item) heeft zijn \(plannedMinutes) min gehad; 'volgende' gaat verder."
        case (.nl, true): return "Tijd: punt \(item) heeft zijn \(plannedMinutes) min gehad; 'einde' sluit de bijeenkomst af."
        }
    }
}
