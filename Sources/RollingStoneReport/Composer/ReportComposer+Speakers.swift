import Foundation
import RollingStoneCore

/// Who was heard: speaking turns by country and by person, and who did not
/// speak. Left out entirely when no one had the floor, so a meeting that
/// never used the queue reads as before.
extension ReportComposer {
    func addSpeakerSection(to document: inout some ReportBlockWriter) {
        guard state.speakers.hasTurns else { return }
        // A draft counts the turn under way up to the last event: the report has no clock.
        let totals = SpeakingTotals(state)
        document.write(heading(2, labels.speakingTurns))
        document.write(.paragraph([.text(labels.speakingSummary(totals.all.turns, Self.clock(totals.all.seconds)))]))

        var byCountry = ReportTable(columns: [
            .init(title: labels.country), .init(title: labels.turns, alignment: .right), .init(title: labels.speakingTime, alignment: .right),
        ])
        for country in totals.countries {
            byCountry.rows.append([.text(countryName(country.code))] + cells(country.total))
        }
        document.write(.paragraph([.strong(labels.byCountry)]))
        document.write(.table(byCountry))

        var byPerson = ReportTable(columns: [
            .init(title: labels.name), .init(title: labels.country), .init(title: labels.turns, alignment: .right),
            .init(title: labels.speakingTime, alignment: .right),
        ])
        for person in totals.people {
            let participant = person.participant
            byPerson.rows.append([.text(shownName(participant)), .text(countryName(participant.country))] + cells(person.total))
        }
        document.write(.paragraph([.strong(labels.byPerson)]))
        document.write(.table(byPerson))

        if !totals.unheard.isEmpty {
            let names = ReportLabels.list(totals.unheard.map(shownName), in: language)
            document.write(.paragraph([.text(labels.didNotSpeak + labels.colon + names + ".")]))
        }
    }

    private func cells(_ total: SpeakerQueue.Total) -> [ReportInline] {
        [.words("\(total.turns)"), .words(Self.clock(total.seconds))]
    }

    /// "2:05": minutes and seconds, as turns are short.
    static func clock(_ seconds: TimeInterval) -> String {
        let whole = Int(Swift.max(0, seconds).rounded(.down))
        return String(format: "%d:%02d", whole / 60, whole % 60)
    }
}
