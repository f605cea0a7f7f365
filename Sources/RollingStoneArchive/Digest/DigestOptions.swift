import RollingStoneCore

/// What a digest holds and in which language.
package struct DigestOptions: Sendable {
    package var language: MeetingLanguage
    /// Only themes whose title has these words (each starting a word of it).
    package var theme: String?
    /// Only meetings of this series.
    package var series: String?

    package init(language: MeetingLanguage, theme: String? = nil, series: String? = nil) {
        self.language = language
        self.theme = theme
        self.series = series
    }
}
