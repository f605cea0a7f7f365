import RollingStoneCore
import RollingStoneReport

/// The lessons and tips of a series, theme by theme across its meetings,
/// as blocks for the report's writers (Markdown or HTML).
///
/// Themes come together by `ThemeKey`. Under each theme, its meetings in
/// the order they were held; under each meeting, its lessons with their
/// tips, then the tips outside any lesson. Each tip says who gave it, with
/// their network and country.
struct DigestComposer: ArchiveWriteUp {
    /// Each theme as its appearances, from the index.
    let themes: [[DigestAppearance]]
    let options: DigestOptions
    private let labels: DigestLabels

    init(themes: [[DigestAppearance]], options: DigestOptions) {
        self.themes = themes
        self.options = options
        self.labels = DigestLabels(language: options.language)
    }

    /// The series' name when all meetings share one.
    private var series: String? {
        let names = Set(themes.flatMap { $0.compactMap { $0.meeting.series?.trimmingWhitespace } }.filter { !$0.isEmpty })
        return names.count == 1 ? names.first : options.series
    }

    var document: ReportDocument {
        ReportDocument(title: labels.title(series: series), date: nil, language: options.language)
    }

    func write(to document: inout some ReportBlockWriter) {
        document.write(.heading(level: 1, [.text(labels.title(series: series))]))
        if let theme = options.theme {
            document.write(.paragraph([.text(labels.onlyThemes(matching: theme))]))
        }
        guard !themes.isEmpty else {
            document.write(.paragraph([.text(labels.nothingFound)]))
            return
        }
        document.write(.paragraph([.text(labels.fromMeetings(held.count, ReportWords.list(held.map(MeetingNames.name), in: options.language)))]))
        for appearances in themes {
            write(theme: appearances, to: &document)
        }
    }

    /// The meetings the themes come from, in the order they were held.
    private var held: [MeetingSummary] {
        var seen: Set<String> = []
        return themes.flatMap { $0.map(\.meeting) }.filter { seen.insert($0.file).inserted }.sorted(by: MeetingSummary.chronologically)
    }

    private func write(theme appearances: [DigestAppearance], to document: inout some ReportBlockWriter) {
        guard let latest = appearances.last else { return }
        document.write(.heading(level: 2, [.typed(latest.title)]))
        let titles = appearances.map { "\(ReportWords.oneLine($0.title)) (\(MeetingNames.name($0.meeting)))" }
        if Set(appearances.map { $0.title.folded }).count > 1 {
            document.write(.paragraph([.words(labels.titles + labels.colon), .text(titles.joined(separator: "; "))]))
        }
        for appearance in appearances {
            write(appearance, to: &document)
        }
    }

    private func write(_ appearance: DigestAppearance, to document: inout some ReportBlockWriter) {
        document.write(.heading(level: 3, [.text(MeetingNames.heading(appearance.meeting, in: options.language))]))
        for lesson in appearance.lessons {
            document.write(.heading(level: 4, [.typed(lesson.title)]))
            for tip in lesson.tips {
                document.write(.item([.typed(tip.text), .byline(byline(tip))], .bullets))
            }
        }
        guard !appearance.outside.isEmpty else { return }
        document.write(.paragraph([.strong(labels.practicalTips)]))
        for tip in appearance.outside {
            document.write(.item([.typed(tip.text), .byline(byline(tip))], .bullets))
        }
    }

    /// " — Stef Steyaert, Lab van Troje, België"; empty without a participant.
    private func byline(_ tip: DigestTip) -> String {
        guard let name = tip.person, let country = tip.country else { return "" }
        guard !tip.isPrivate else { return " — " + ReportWords.anonymous(from: country, in: options.language) }
        let parts = [name, tip.network ?? "", CountryResolver.name(of: country, in: options.language)]
        return " — " + parts.map(ReportWords.oneLine).filter { !$0.isEmpty }.joined(separator: ", ")
    }
}
