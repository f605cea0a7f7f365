import Foundation
import RollingStoneCore

/// Who was heard: speaking turns by country and by person, and who did not
/// speak. Left out entirely when no one had the floor, so a meeting that
/// never used the queue reads as before.
extension ReportComposer {
    func writeSpeakerSection(to report: inout MarkdownWriter) {
        guard state.speakers.hasTurns else { return }
        // A draft counts the turn under way up to the last event: the report has no clock.
        let totals = SpeakingTotals(state)
        report.block(heading2(labels.speakingTurns))
        report.block(MarkdownText.escaped(labels.speakingSummary(turns: totals.all.turns, time: Self.clock(totals.all.seconds)), at: .blockStart))

        var byCountry = MarkdownTable(columns: [
            .init(title: labels.country), .init(title: labels.turns, alignment: .right), .init(title: labels.speakingTime, alignment: .right),
        ])
        for country in totals.countries {
            byCountry.rows.append([MarkdownText.escaped(countryName(country.code))] + cells(country.total))
        }
        report.block("**\(labels.byCountry)**")
        report.block(byCountry.markdown)

        var byPerson = MarkdownTable(columns: [
            .init(title: labels.name), .init(title: labels.country), .init(title: labels.turns, alignment: .right),
            .init(title: labels.speakingTime, alignment: .right),
        ])
        for person in totals.people {
            let participant = person.participant
            byPerson.rows.append([MarkdownText.escaped(participant.name), MarkdownText.escaped(countryName(participant.country))] + cells(person.total))
        }
        report.block("**\(labels.byPerson)**")
        report.block(byPerson.markdown)

        if !totals.unheard.isEmpty {
            let names = totals.unheard.map { typed($0.name) }.joined(separator: ", ")
            report.block(MarkdownText.escaped(labels.didNotSpeak + ": " + names + ".", at: .blockStart))
        }
    }

    private func cells(_ total: SpeakerQueue.Total) -> [String] {
        ["\(total.turns)", Self.clock(total.seconds)]
    }

    /// "2:05": minutes and seconds, as turns are short.
    static func clock(_ seconds: TimeInterval) -> String {
        let whole = Int(Swift.max(0, seconds).rounded(.down))
        return String(format: "%d:%02d", whole / 60, whole % 60)
    }
}
