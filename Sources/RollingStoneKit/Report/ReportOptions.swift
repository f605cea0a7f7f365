/// How a report is written.
public struct ReportOptions: Equatable, Sendable {
    /// The language of labels, dates and country names.
    public var language: MeetingLanguage
    /// Whether participants' contact details appear (they do not by default).
    public var withContacts: Bool

    public init(language: MeetingLanguage, withContacts: Bool = false) {
        self.language = language
        self.withContacts = withContacts
    }
}
