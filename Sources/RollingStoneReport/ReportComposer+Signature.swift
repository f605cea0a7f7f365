import RollingStoneCore

/// Who wrote the report up, signed after the meeting's own sections.
extension ReportComposer {
    /// "Verslag: Anouk Jansen, deelnemer en matchmaker · verslag@…": who
    /// wrote the report up, where readers can reach them.
    func writeSignature(to report: inout MarkdownWriter) {
        guard let organiser = agenda.organiser, let name = present(organiser.name) else { return }
        var signature = "\(labels.reportBy): " + MarkdownText.escaped([name, present(organiser.role)].compactMap { $0 }.joined(separator: ", "))
        if let contact = present(organiser.contact) {
            signature += " · " + MarkdownText.linkableAddress(contact)
        }
        report.block(signature)
    }
}
