import RollingStoneCore

/// The title block and the host.
extension ReportComposer {
    /// `# RollingStone 2: Title`, the notices a reader must see first, and the
    /// line with date, host and venue.
    func addTitleBlock(unreadableTail: TornTail?, to document: inout some ReportBlockWriter) {
        document.write(heading(1, fullTitle))
        if !state.hasEnded {
            document.write(.notice(labels.draftNotice))
        }
        if let unreadableTail {
            document.write(.notice(labels.unreadableTailNotice(unreadableTail.line)))
        }
        let details = [
            writtenDate.map { labelled(labels.date, $0) },
            present(agenda.host?.name).map { labelled(labels.host, $0) },
            present(agenda.venue).map { labelled(labels.venue, $0) },
        ].compactMap { $0 }
        if !details.isEmpty {
            document.write(.paragraph(Array(details.joined(separator: [.words(" · ")]))))
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
    func addIntroduction(to document: inout some ReportBlockWriter) {
        for paragraph in agenda.intro.map(MarkdownText.paragraphs) ?? [] {
            document.write(.paragraph([.text(paragraph)]))
        }
    }

    /// The host network with its website and profile; left out when the
    /// agenda says no more than the name, which the title block already shows.
    func addHostSection(to document: inout some ReportBlockWriter) {
        guard let host = agenda.host, let name = present(host.name) else { return }
        let website = present(host.website)
        let profile = host.profile.map(MarkdownText.paragraphs) ?? []
        guard website != nil || !profile.isEmpty else { return }

        document.write(.heading(level: 2, labelled(labels.host, name)))
        if let website {
            document.write(.paragraph([.words(labels.website + labels.colon), .address(website)]))
        }
        for paragraph in profile {
            document.write(.paragraph([.text(paragraph)]))
        }
    }
}
