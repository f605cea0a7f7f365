import RollingStoneCore

/// The follow-up actions, as a task list to tick off after the meeting, and
/// the actions of earlier meetings done in this one.
extension ReportComposer {
    func addActionSection(to document: inout some ReportBlockWriter) {
        addOwnActions(to: &document)
        guard !state.closedActions.isEmpty else { return }
        document.write(heading(2, labels.earlierActionsDone))
        for closed in state.closedActions {
            let action = closed.action
            document.write(.item([.words(action.label + " "), .typed(action.text), .byline(action.owner.map { " — " + typed($0) } ?? "")], .bullets))
        }
    }

    private func addOwnActions(to document: inout some ReportBlockWriter) {
        guard entries.contains(where: { $0.kind == .action }) else { return }
        document.write(heading(2, labels.followUpActions))
        for action in entries where action.kind == .action {
            // The owner's name only: an action is about who does it, not where they are from.
            document.write(.item([.typed(action.text), .byline(owner(action.participant))], .tasks))
        }
    }
}
