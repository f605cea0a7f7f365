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
    let meetings: [ArchivedMeeting]
    let options: DigestOptions
    private let labels: DigestLabels

    /// One theme item of one meeting.
    private struct Appearance {
        var meeting: ArchivedMeeting
        var item: Int
        var title: String { meeting.agenda.items[item].title }
    }

    init(meetings: [ArchivedMeeting], options: DigestOptions) {
        self.meetings =
            options.series.map { series in meetings.filter { Agenda.seriesKey($0.agenda.series) == Agenda.seriesKey(series) } } ?? meetings
        self.options = options
        self.labels = DigestLabels(language: options.language)
    }

    /// The series' name when all meetings share one.
    private var series: String? {
        let names = Set(meetings.compactMap { $0.agenda.series?.trimmingWhitespace }.filter { !$0.isEmpty })
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
        let themes = self.themes
        let held = meetings.filter { meeting in themes.contains { $0.contains { $0.meeting.url == meeting.url } } }
        guard !held.isEmpty else {
            document.write(.paragraph([.text(labels.nothingFound)]))
            return
        }
        document.write(.paragraph([.text(labels.fromMeetings(held.count, ReportWords.list(held.map(MeetingNames.name), in: options.language)))]))
        for appearances in themes {
            write(theme: appearances, to: &document)
        }
    }

    /// The themes with a lesson or tip, each as its appearances in
    /// chronological order, themes in the order they first came up.
    private var themes: [[Appearance]] {
        var order: [ThemeKey] = []
        var byKey: [ThemeKey: [Appearance]] = [:]
        for meeting in meetings {
            // The items with a lesson or a tip, found once per meeting.
            let state = meeting.state
            let withContent = Set(state.lessons.map(\.item) + state.entries.filter { $0.kind == .tip }.map(\.item))
            for (index, item) in meeting.agenda.items.enumerated() where item.theme && withContent.contains(index) {
                let key = ThemeKey(title: item.title)
                if byKey[key] == nil { order.append(key) }
                byKey[key, default: []].append(Appearance(meeting: meeting, item: index))
            }
        }
        let themes = order.compactMap { byKey[$0] }
        guard let query = options.theme else { return themes }
        return themes.filter { appearances in appearances.contains { ThemeKey.title($0.title, matches: query) } }
    }

    private func write(theme appearances: [Appearance], to document: inout some ReportBlockWriter) {
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

    private func write(_ appearance: Appearance, to document: inout some ReportBlockWriter) {
        let state = appearance.meeting.state
        document.write(.heading(level: 3, [.text(MeetingNames.heading(appearance.meeting, in: options.language))]))
        let tips = state.entries.filter { $0.item == appearance.item && $0.kind == .tip }
        for lesson in state.lessons where lesson.item == appearance.item {
            document.write(.heading(level: 4, [.typed(lesson.title)]))
            for tip in tips where tip.lesson == lesson.id {
                document.write(.item([.typed(tip.text), .byline(byline(tip, in: state))], .bullets))
            }
        }
        let lessonIDs = Set(state.lessons.filter { $0.item == appearance.item }.map(\.id))
        let outside = tips.filter { $0.lesson.map { !lessonIDs.contains($0) } ?? true }
        guard !outside.isEmpty else { return }
        document.write(.paragraph([.strong(labels.practicalTips)]))
        for tip in outside {
            document.write(.item([.typed(tip.text), .byline(byline(tip, in: state))], .bullets))
        }
    }

    /// " — Stef Steyaert, Lab van Troje, België"; empty without a participant.
    private func byline(_ entry: Entry, in state: MeetingState) -> String {
        guard let id = entry.participant, let participant = state.participant(id) else { return "" }
        guard !state.privateParticipants.contains(id) else { return " — " + ReportWords.anonymous(from: participant.country, in: options.language) }
        let parts = [participant.name, participant.network ?? "", CountryResolver.name(of: participant.country, in: options.language)]
        return " — " + parts.map(ReportWords.oneLine).filter { !$0.isEmpty }.joined(separator: ", ")
    }
}
