import RollingStoneCore

/// What other write-ups (the archive's digest) share with the report: dates
/// written out and lists joined the way each language does.
package enum ReportWords {
    /// "26 september 2012", "26. September 2012"; `nil` when `text` is not a
    /// real `YYYY-MM-DD` day.
    package static func date(_ text: String, in language: MeetingLanguage) -> String? {
        ReportDates.writtenOut(text, pattern: ReportLabels(language).datePattern, in: language)
    }

    /// Who a participant kept out of the write-ups is: "een deelnemer uit
    /// België" (given the country's code).
    package static func anonymous(from country: String, in language: MeetingLanguage) -> String {
        ReportLabels(language).anonymous(CountryResolver.name(of: country, in: language))
    }

    /// "A, B en C", "A, B et C".
    package static func list(_ names: [String], in language: MeetingLanguage) -> String {
        ReportLabels.list(names, in: language)
    }

    /// Typed text as a reader sees it: line breaks and tabs made spaces, trimmed.
    package static func oneLine(_ text: String) -> String {
        MarkdownText.oneLine(text)
    }
}
