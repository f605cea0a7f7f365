import RollingStoneCore

/// The meeting announced for next time, and whom to contact about it.
extension ReportComposer {
    func writeNextMeetingSection(to report: inout MarkdownWriter) {
        guard let next = agenda.next else { return }
        var lines: [String] = []
        if let date = present(next.date) {
            // Written out when it is a real YYYY-MM-DD day, else as the agenda has it.
            let written = ReportDates.writtenOutWithWeekday(date, in: language) ?? date
            lines.append("\(labels.date): " + MarkdownText.escaped(written))
        }
        if let time = present(next.time) {
            lines.append("\(labels.time): " + MarkdownText.escaped(time))
        }
        if let place = present(next.place) {
            lines.append("\(labels.place): " + MarkdownText.escaped(place))
        }
        if let theme = present(next.theme) {
            lines.append("\(labels.theme): " + MarkdownText.escaped(theme))
        }
        if let contact = present(next.contact) {
            lines.append("\(labels.contact): " + MarkdownText.linkableAddress(contact))
        }
        let description = next.description.map(MarkdownText.paragraphs) ?? []
        guard !lines.isEmpty || !description.isEmpty else { return }
        report.block(heading2(labels.nextMeeting))
        if !lines.isEmpty {
            report.block(lines.map { "- " + $0 }.joined(separator: "\n"))
        }
        for paragraph in description {
            report.block(MarkdownText.escaped(paragraph, at: .blockStart))
        }
    }
}
