import Foundation
import Testing

@testable import RollingStoneCore
@testable import RollingStoneReport

/// The four tables of labels: complete, really translated, with plurals,
/// dates and lists the way each language has them.
@Suite struct ReportLabelsTests {
    /// Every text label of `labels`, by property name (the tables' closures
    /// are checked by calling them, below).
    static func texts(_ labels: ReportLabels) -> [(name: String, text: String)] {
        Mirror(reflecting: labels).children.compactMap { child in
            guard let name = child.label, let text = child.value as? String else { return nil }
            return (name, text)
        }
    }

    @Test(arguments: MeetingLanguage.allCases)
    func everyLabelIsThereAndHoldsNoMarkdown(language: MeetingLanguage) {
        let texts = Self.texts(ReportLabels(language))
        #expect(texts.count >= 40)
        for (name, text) in texts {
            #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(language): \(name)")
            // Labels stand beside escaped text as they are.
            if !["colon", "pageNumberCSS", "datePattern", "dateWithWeekdayPattern"].contains(name) {
                // (Escaping trims; French quotes hold a no-break space on their inner side.)
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                #expect(MarkdownText.escaped(text, at: .blockStart) == trimmed, "\(language): \(name) needs escaping")
            }
        }
    }

    /// A table copied from English and left would compile; this catches it.
    @Test(arguments: [MeetingLanguage.nl, .fr, .de])
    func labelsAreTranslated(language: MeetingLanguage) {
        let english = Dictionary(uniqueKeysWithValues: Self.texts(.english).map { ($0.name, $0.text) })
        let same = Self.texts(ReportLabels(language)).filter { english[$0.name] == $0.text }.map(\.name)
        // Words that are the same in some languages: Website, Contact, Date, Total, the dash …
        #expect(same.count <= 10, "\(language) has \(same) as in English")
    }

    @Test func pluralsInEachLanguage() {
        #expect(ReportLabels.dutch.participantSummary(1, 1) == "1 deelnemer uit 1 land")
        #expect(ReportLabels.dutch.participantSummary(2, 3) == "2 deelnemers uit 3 landen")
        #expect(ReportLabels.english.participantSummary(1, 2) == "1 participant from 2 countries")
        #expect(ReportLabels.french.participantSummary(1, 1) == "1 participant de 1 pays")
        #expect(ReportLabels.french.participantSummary(0, 0) == "0 participant de 0 pays")
        #expect(ReportLabels.french.participantSummary(2, 2) == "2 participants de 2 pays")
        #expect(ReportLabels.german.participantSummary(1, 1) == "1 Person aus 1 Land")
        #expect(ReportLabels.german.participantSummary(5, 2) == "5 Personen aus 2 Ländern")
        #expect(ReportLabels.german.themeSummary(1, 1) == "1 Erkenntnis und 1 praktischer Tipp zu diesem Thema.")
        #expect(ReportLabels.german.themeSummary(2, 3) == "2 Erkenntnisse und 3 praktische Tipps zu diesem Thema.")
        #expect(ReportLabels.french.themeSummary(1, 0) == "1 leçon sur ce thème.")
        #expect(ReportLabels.french.themeSummary(0, 2) == "2 conseils pratiques sur ce thème.")
        for language in MeetingLanguage.allCases {
            #expect(ReportLabels(language).themeSummary(0, 0) == nil)
        }
        #expect(ReportLabels.french.speakingSummary(1, "2:05").hasPrefix("1 prise de parole, "))
        #expect(ReportLabels.german.speakingSummary(2, "2:05").hasPrefix("2 Wortbeiträge, "))
    }

    @Test func datesFromFoundationInEachLanguage() {
        func written(_ language: MeetingLanguage, weekday: Bool = false) -> String? {
            let labels = ReportLabels(language)
            return ReportDates.writtenOut("2012-09-26", pattern: weekday ? labels.dateWithWeekdayPattern : labels.datePattern, in: language)
        }
        #expect(written(.nl) == "26 september 2012")
        #expect(written(.en) == "26 September 2012")
        #expect(written(.fr) == "26 septembre 2012")
        #expect(written(.de) == "26. September 2012")
        #expect(written(.nl, weekday: true) == "woensdag 26 september 2012")
        #expect(written(.fr, weekday: true) == "mercredi 26 septembre 2012")
        #expect(written(.de, weekday: true) == "Mittwoch, 26. September 2012")
    }

    @Test func listsJoinedTheLanguagesWay() {
        let names = ["Marije", "Stef", "Anne"]
        #expect(ReportLabels.list(names, in: .nl) == "Marije, Stef en Anne")
        #expect(ReportLabels.list(names, in: .en) == "Marije, Stef and Anne")
        #expect(ReportLabels.list(names, in: .fr) == "Marije, Stef et Anne")
        #expect(ReportLabels.list(names, in: .de) == "Marije, Stef und Anne")
        #expect(ReportLabels.list(["Marije"], in: .de) == "Marije")
    }
}
