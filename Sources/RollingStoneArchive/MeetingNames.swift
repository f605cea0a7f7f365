import RollingStoneCore
import RollingStoneReport

/// How the archive's write-ups name a meeting.
enum MeetingNames {
    /// "RollingStone 2", or the meeting's title without a series.
    static func name(_ meeting: ArchivedMeeting) -> String {
        let agenda = meeting.agenda
        let series = agenda.series?.trimmingWhitespace ?? ""
        guard !series.isEmpty else { return ReportWords.oneLine(agenda.title) }
        return agenda.number.map { "\(series) \($0)" } ?? series
    }

    /// "RollingStone 2 (26 september 2012)".
    static func nameAndDate(_ meeting: ArchivedMeeting, in language: MeetingLanguage) -> String {
        guard let date = meeting.agenda.date else { return name(meeting) }
        return "\(name(meeting)) (\(ReportWords.date(date, in: language) ?? ReportWords.oneLine(date)))"
    }

    /// "RollingStone 2 · 26 september 2012 · Stadslab Leiden".
    static func heading(_ meeting: ArchivedMeeting, in language: MeetingLanguage) -> String {
        let agenda = meeting.agenda
        let date = agenda.date.map { ReportWords.date($0, in: language) ?? $0 }
        return [name(meeting), date, agenda.host?.name].compactMap { $0.map(ReportWords.oneLine) }.filter { !$0.isEmpty }
            .joined(separator: " · ")
    }
}
