import RollingStoneCore

/// The meeting announced for next time, and whom to contact about it.
extension ReportComposer {
    func addNextMeetingSection(to document: inout some ReportBlockWriter) {
        guard let next = agenda.next else { return }
        var lines: [[ReportInline]] = []
        if let date = present(next.date) {
            // Written out when it is a real YYYY-MM-DD day, else as the agenda has it.
            let written = ReportDates.writtenOut(date, pattern: labels.dateWithWeekdayPattern, in: language) ?? date
            lines.append(labelled(labels.date, written))
        }
        if let time = present(next.time) {
            lines.append(labelled(labels.time, time))
        }
        if let place = present(next.place) {
            lines.append(labelled(labels.place, place))
        }
        if let theme = present(next.theme) {
            lines.append(labelled(labels.theme, theme))
        }
        if let contact = present(next.contact) {
            lines.append([.words(labels.contact + labels.colon), .address(contact)])
        }
        let description = next.description.map(MarkdownText.paragraphs) ?? []
        guard !lines.isEmpty || !description.isEmpty else { return }
        document.write(heading(2, labels.nextMeeting))
        for line in lines {
            document.write(.item(line, .bullets))
        }
        for paragraph in description {
            document.write(.paragraph([.text(paragraph)]))
        }
    }
}
