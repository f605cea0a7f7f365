import RollingStoneCore
import RollingStoneReport

/// How the archive's write-ups name a meeting.
enum MeetingNames {
    /// "RollingStone 2", or the meeting's title without a series.
    static func name(_ meeting: MeetingSummary) -> String {
        let series = meeting.series?.trimmingWhitespace ?? ""
        guard !series.isEmpty else { return ReportWords.oneLine(meeting.title) }
        return meeting.number.map { "\(series) \($0)" } ?? series
    }

    /// "RollingStone 2 (26 september 2012)".
    static func nameAndDate(_ meeting: MeetingSummary, in language: MeetingLanguage) -> String {
        guard let date = meeting.date else { return name(meeting) }
        return "\(name(meeting)) (\(ReportWords.date(date, in: language) ?? ReportWords.oneLine(date)))"
    }

    /// "RollingStone 2 · 26 september 2012 · Stadslab Leiden".
    static func heading(_ meeting: MeetingSummary, in language: MeetingLanguage) -> String {
        let date = meeting.date.map { ReportWords.date($0, in: language) ?? $0 }
        return [name(meeting), date, meeting.host].compactMap { $0.map(ReportWords.oneLine) }.filter { !$0.isEmpty }
            .joined(separator: " · ")
    }
}
