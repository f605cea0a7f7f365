import RollingStoneCore

/// The agenda as it was held: planned against actual minutes.
extension ReportComposer {
    func writeTimingSection(to report: inout MarkdownWriter) {
        var table = MarkdownTable(columns: [
            .init(title: labels.itemNumber, alignment: .right),
            .init(title: labels.item),
            .init(title: labels.plannedMinutes, alignment: .right),
            .init(title: labels.actualMinutes, alignment: .right),
        ])
        var plannedTotal = 0
        var actualTotal = 0
        for (index, item) in agenda.items.enumerated() {
            let seconds = state.secondsSpent(onItem: index)
            let actual = minutes(seconds)
            plannedTotal += item.minutes
            // The total adds up the rounded minutes shown, so the column sums
            // as a reader would check it.
            actualTotal += actual
            table.rows.append([
                "\(index + 1)",
                MarkdownText.escaped(item.title),
                "\(item.minutes)",
                seconds > 0 ? "\(actual)" : labels.notReached,
            ])
        }
        table.rows.append(["", "**\(labels.total)**", "\(plannedTotal)", "\(actualTotal)"])
        report.block(heading2(labels.agendaAsHeld))
        report.block(table.markdown)
    }
}
