import RollingStoneCore

/// What names a meeting in the archive's write-ups and search results, as
/// its agenda says: the same whether it comes from a session file read
/// whole or from the index.
package struct MeetingSummary: Hashable, Sendable {
    /// The session file's name in the archive's folder.
    package var file: String
    package var series: String?
    package var number: Int?
    package var title: String
    /// `YYYY-MM-DD`, as the agenda has it.
    package var date: String?
    /// The host's name.
    package var host: String?
    package var language: MeetingLanguage

    package init(
        file: String, series: String?, number: Int?, title: String, date: String?, host: String?, language: MeetingLanguage
    ) {
        self.file = file
        self.series = series
        self.number = number
        self.title = title
        self.date = date
        self.host = host
        self.language = language
    }

    /// Earlier meetings first: by the agenda's date (`YYYY-MM-DD` sorts as
    /// text; a meeting without one last), then number, then file name. The
    /// index orders its rows by the same rule (`ArchiveIndex.chronologically`).
    package static func chronologically(_ left: MeetingSummary, _ right: MeetingSummary) -> Bool {
        (left.date ?? "~", left.number ?? Int.max, left.file) < (right.date ?? "~", right.number ?? Int.max, right.file)
    }

    package init(file: String, agenda: Agenda) {
        self.init(
            file: file, series: agenda.series, number: agenda.number, title: agenda.title, date: agenda.date, host: agenda.host?.name,
            language: agenda.language)
    }
}
