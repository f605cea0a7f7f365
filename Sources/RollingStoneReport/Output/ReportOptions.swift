import RollingStoneCore

/// How a report is written.
package struct ReportOptions: Equatable, Sendable {
    /// The language of labels, dates and country names.
    package var language: MeetingLanguage
    /// Whether participants' contact details appear (they do not by default).
    package var withContacts: Bool

    package init(language: MeetingLanguage, withContacts: Bool = false) {
        self.language = language
        self.withContacts = withContacts
    }
}
