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

    /// "15 deelnemers uit 4 landen: Nederland (10), …", a chart and the table.
    func addParticipantSection(to document: inout some ReportBlockWriter) {
        guard !state.participants.isEmpty else { return }
        let groups = countryGroups
        let countries = ReportLabels.list(groups.map { "\($0.name) (\($0.participants.count))" }, in: language)
        let summary = labels.participantSummary(state.participants.count, groups.count) + labels.colon + countries + "."

        var columns = [labels.country, labels.name, labels.network, labels.role].map { ReportTable.Column(title: $0) }
        if options.withContacts {
            columns.append(ReportTable.Column(title: labels.contact))
        }
        var table = ReportTable(columns: columns)
        for group in groups {
            for (index, participant) in group.participants.enumerated() {
                // The country only on a group's first row: the rows below it belong to it.
                // One kept private is "een deelnemer uit België", with nothing more.
                let hidden = isPrivate(participant)
                var row: [ReportInline] = [
                    .text(index == 0 ? group.name : ""), .text(shownName(participant)), .typed(hidden ? "" : participant.network ?? ""),
                    .typed(hidden ? "" : participant.role ?? ""),
                ]
                if options.withContacts {
                    row.append((hidden ? nil : present(participant.contact)).map(ReportInline.address) ?? .words(""))
                }
                table.rows.append(row)
            }
        }
        document.write(heading(2, labels.participants))
        document.write(.paragraph([.text(summary)]))
        // A chart only says more than the sentence when there is more than one country.
        if groups.count > 1 {
            document.write(
                .chart(
                    ReportChart(
                        title: labels.participantsByCountryChart, description: summary, series: [labels.participants],
                        categories: groups.map { .init(label: $0.name, values: [$0.participants.count]) },
                        missingValue: labels.notReached)))
        }
        document.write(.table(table))
    }
}
