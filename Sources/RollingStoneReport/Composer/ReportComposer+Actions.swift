import RollingStoneCore

/// The follow-up actions, as a task list to tick off after the meeting.
extension ReportComposer {
    func addActionSection(to document: inout some ReportBlockWriter) {
        guard entries.contains(where: { $0.kind == .action }) else { return }
        document.write(heading(2, labels.followUpActions))
        for action in entries where action.kind == .action {
            // The owner's name only: an action is about who does it, not where they are from.
            document.write(.item([.typed(action.text), .byline(owner(action.participant))], .tasks))
        }
    }
}
