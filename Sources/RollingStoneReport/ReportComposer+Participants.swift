import Foundation
import RollingStoneCore

/// Who took part, grouped by country.
extension ReportComposer {
    /// A country and the participants from it, in the order they joined.
    struct CountryGroup {
        var code: String
        var name: String
        var participants: [Participant]
    }

    /// Countries by number of participants, most first, then by name.
    var countryGroups: [CountryGroup] {
        var order: [String] = []
        var byCountry: [String: [Participant]] = [:]
        for participant in state.participants {
            if byCountry[participant.country] == nil { order.append(participant.country) }
            byCountry[participant.country, default: []].append(participant)
        }
        let locale = Locale(identifier: language.localeIdentifier)
        let groups = order.map { CountryGroup(code: $0, name: countryName($0), participants: byCountry[$0] ?? []) }
        return groups.sorted { left, right in
            if left.participants.count != right.participants.count {
                return left.participants.count > right.participants.count
            }
            switch left.name.compare(right.name, options: [.caseInsensitive, .diacriticInsensitive], locale: locale) {
            case .orderedAscending: return true
            case .orderedDescending: return false
            // Names Foundation does not know fall back to the code: keep a total order.
            case .orderedSame: return left.code < right.code
            }
        }
    }

    /// "15 deelnemers uit 4 landen: Nederland (10), …" and the table.
    func writeParticipantSection(to report: inout MarkdownWriter) {
        guard !state.participants.isEmpty else { return }
        let groups = countryGroups
        let countries = groups.map { "\($0.name) (\($0.participants.count))" }.joined(separator: ", ")
        let summary = labels.participantSummary(people: state.participants.count, countries: groups.count) + ": " + countries + "."

        var columns = [labels.country, labels.name, labels.network, labels.role].map { MarkdownTable.Column(title: $0) }
        if options.withContacts {
            columns.append(MarkdownTable.Column(title: labels.contact))
        }
        var table = MarkdownTable(columns: columns)
        for group in groups {
            for (index, participant) in group.participants.enumerated() {
                // The country only on a group's first row: the rows below it belong to it.
                var row = [index == 0 ? group.name : "", participant.name, participant.network ?? "", participant.role ?? ""]
                    .map { MarkdownText.escaped($0) }
                if options.withContacts {
                    row.append(present(participant.contact).map(MarkdownText.linkableAddress) ?? "")
                }
                table.rows.append(row)
            }
        }
        report.block(heading2(labels.participants))
        report.block(MarkdownText.escaped(summary, at: .blockStart))
        report.block(table.markdown)
    }
}
