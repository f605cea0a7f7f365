/// The follow-up actions, as a task list to tick off after the meeting.
extension ReportComposer {
    func actionSection() -> [String] {
        let actions = state.entries.filter { $0.kind == .action }
        guard !actions.isEmpty else { return [] }
        let tasks = actions.map { action in
            // The owner's name only: an action is about who does it, not where they are from.
            let owner = action.participant.flatMap(state.participant).map { " — \(typed($0.name))" } ?? ""
            return "- [ ] " + MarkdownText.escaped(typed(action.text) + owner, at: .blockStart)
        }
        return [heading2(labels.followUpActions), tasks.joined(separator: "\n")]
    }
}
