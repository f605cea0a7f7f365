import RollingStoneCore

/// The agenda as it was held: planned against actual minutes.
extension ReportComposer {
    func addTimingSection(to document: inout some ReportBlockWriter) {
        var table = ReportTable(
            columns: [
                .init(title: labels.itemNumber, alignment: .right),
                .init(title: labels.item),
                .init(title: labels.plannedMinutes, alignment: .right),
                .init(title: labels.actualMinutes, alignment: .right),
            ], hasTotalRow: true)
        var categories: [ReportChart.Category] = []
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
                .words("\(index + 1)"),
                .typed(item.title),
                .words("\(item.minutes)"),
                .words(seconds > 0 ? "\(actual)" : labels.notReached),
            ])
            categories.append(.init(label: typed(item.title), values: [item.minutes, seconds > 0 ? actual : nil]))
        }
        table.rows.append([.words(""), .strong(labels.total), .words("\(plannedTotal)"), .words("\(actualTotal)")])
        let inWords = categories.map { labels.minutesInWords($0.label, $0.values[0] ?? 0, $0.values[1]) }
        document.write(heading(2, labels.agendaAsHeld))
        document.write(
            .chart(
                ReportChart(
                    title: labels.minutesChart, description: inWords.joined(separator: "; ") + ".",
                    series: [labels.planned, labels.actual], categories: categories, missingValue: labels.notReached)))
        document.write(.table(table))
    }
}
