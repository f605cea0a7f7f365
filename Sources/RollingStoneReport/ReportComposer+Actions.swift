import RollingStoneCore

/// The follow-up actions, as a task list to tick off after the meeting.
extension ReportComposer {
    func writeActionSection(to report: inout MarkdownWriter) {
        guard entries.contains(where: { $0.kind == .action }) else { return }
        report.block(heading2(labels.followUpActions))
        report.startBlock()
        for action in entries where action.kind == .action {
            report.startLine()
            report.append("- [ ] ")
            // The owner's name only: an action is about who does it, not where they are from.
            report.appendEscaped(typed: action.text, then: owner(action.participant), at: .blockStart)
        }
    }
}
