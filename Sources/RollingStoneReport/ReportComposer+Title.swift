import RollingStoneCore

/// The title block and the host.
extension ReportComposer {
    /// `# RollingStone 2: Title`, the notices a reader must see first, and the
    /// line with date, host and venue.
    func writeTitleBlock(unreadableTail: TornTail?, to report: inout MarkdownWriter) {
        report.block("# " + MarkdownText.escaped(fullTitle, at: .heading))
        if !state.hasEnded {
            report.block("**\(labels.draftNotice)**")
        }
        if let unreadableTail {
            report.block("**\(labels.unreadableTailNotice(line: unreadableTail.line))**")
        }
        var details: [String] = []
        if let date = present(agenda.date) {
            details.append("\(labels.date): \(ReportDates.writtenOut(date, in: language) ?? date)")
        }
        if let host = present(agenda.host?.name) {
            details.append("\(labels.host): \(host)")
        }
        if let venue = present(agenda.venue) {
            details.append("\(labels.venue): \(venue)")
        }
        if !details.isEmpty {
            report.block(MarkdownText.escaped(details.joined(separator: " · "), at: .blockStart))
        }
    }

    /// "RollingStone 2: Over trekkracht …", "RollingStone: …" without a
    /// number, or just the title without a series.
    var fullTitle: String {
        let title = typed(agenda.title)
        guard let series = present(agenda.series) else { return title }
        let numbered = agenda.number.map { "\(series) \($0)" } ?? series
        return "\(numbered): \(title)"
    }

    /// The agenda's introduction, paragraph by paragraph, before anything else.
    func writeIntroduction(to report: inout MarkdownWriter) {
        for paragraph in agenda.intro.map(MarkdownText.paragraphs) ?? [] {
            report.block(MarkdownText.escaped(paragraph, at: .blockStart))
        }
    }

    /// The host network with its website and profile; left out when the
    /// agenda says no more than the name, which the title block already shows.
    func writeHostSection(to report: inout MarkdownWriter) {
        guard let host = agenda.host, let name = present(host.name) else { return }
        let website = present(host.website)
        let profile = host.profile.map(MarkdownText.paragraphs) ?? []
        guard website != nil || !profile.isEmpty else { return }

        report.block(heading2("\(labels.host): \(name)"))
        if let website {
            report.block("\(labels.website): " + MarkdownText.linkableAddress(website))
        }
        for paragraph in profile {
            report.block(MarkdownText.escaped(paragraph, at: .blockStart))
        }
    }
}
