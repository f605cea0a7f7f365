/// The title block and the host.
extension ReportComposer {
    /// `# RollingStone 2: Title`, the notices a reader must see first, and the
    /// line with date, host and venue.
    func titleBlock(unreadableTail: SessionFile.TornTail?) -> [String] {
        var blocks = ["# " + MarkdownText.escaped(fullTitle, at: .heading)]
        if !state.hasEnded {
            blocks.append("**\(labels.draftNotice)**")
        }
        if let unreadableTail {
            blocks.append("**\(labels.unreadableTailNotice(line: unreadableTail.line))**")
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
            blocks.append(MarkdownText.escaped(details.joined(separator: " · "), at: .blockStart))
        }
        return blocks
    }

    /// "RollingStone 2: Over trekkracht …", "RollingStone: …" without a
    /// number, or just the title without a series.
    var fullTitle: String {
        let title = typed(agenda.title)
        guard let series = present(agenda.series) else { return title }
        let numbered = agenda.number.map { "\(series) \($0)" } ?? series
        return "\(numbered): \(title)"
    }

    /// The host network with its website and profile; left out when the
    /// agenda says no more than the name, which the title block already shows.
    func hostSection() -> [String] {
        guard let host = agenda.host, let name = present(host.name) else { return [] }
        let website = present(host.website)
        let profile = host.profile.map(MarkdownText.paragraphs) ?? []
        guard website != nil || !profile.isEmpty else { return [] }

        var blocks = [heading2("\(labels.host): \(name)")]
        if let website {
            blocks.append("\(labels.website): " + MarkdownText.linkableAddress(website))
        }
        blocks += profile.map { MarkdownText.escaped($0, at: .blockStart) }
        return blocks
    }
}
