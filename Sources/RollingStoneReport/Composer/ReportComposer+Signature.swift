import RollingStoneCore

/// Who wrote the report up, signed after the meeting's own sections.
extension ReportComposer {
    /// "Verslag: Anouk Jansen, deelnemer en matchmaker · verslag@…": who
    /// wrote the report up, where readers can reach them.
    func addSignature(to document: inout some ReportBlockWriter) {
        guard let organiser = agenda.organiser, let name = present(organiser.name) else { return }
        var signature = labelled(labels.reportBy, [name, present(organiser.role)].compactMap { $0 }.joined(separator: ", "))
        if let contact = present(organiser.contact) {
            signature += [.words(" · "), .address(contact)]
        }
        document.write(.paragraph(signature))
    }
}
