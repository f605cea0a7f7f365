import Foundation

/// Writes the sections of one report; each section is a list of Markdown
/// blocks, empty when the section has nothing to show.
///
/// Typed text only ever enters the Markdown through `MarkdownText`; fixed
/// words come from `ReportLabels`. The sections live in extensions, one file
/// each.
struct ReportComposer {
    let state: MeetingState
    let options: ReportOptions
    let labels: ReportLabels
    /// Looked up once per country: a `Locale` per attributed entry was a
    /// large part of a long report's time.
    private let countryNames: [String: String]

    init(state: MeetingState, options: ReportOptions) {
        self.state = state
        self.options = options
        self.labels = ReportLabels(options.language)
        var names: [String: String] = [:]
        for code in Set(state.participants.map(\.country)) {
            names[code] = CountryResolver.name(of: code, in: options.language)
        }
        self.countryNames = names
    }

    var agenda: Agenda { state.agenda }
    var language: MeetingLanguage { options.language }

    /// The country's name in the report's language.
    func countryName(_ code: String) -> String {
        countryNames[code] ?? CountryResolver.name(of: code, in: language)
    }

    /// Typed text as a reader sees it: one line, trimmed. Applied before
    /// typed text is combined with other words, so its leading or trailing
    /// white space cannot end up in the middle of a line.
    func typed(_ text: String) -> String {
        MarkdownText.oneLine(text)
    }

    /// " — Stef Steyaert, België" for an entry's participant, as plain text;
    /// empty when the entry has none.
    func attribution(_ participantID: Int?) -> String {
        guard let participantID, let participant = state.participant(participantID) else { return "" }
        return " — \(typed(participant.name)), \(countryName(participant.country))"
    }

    /// A `##` heading showing `text`.
    func heading2(_ text: String) -> String {
        "## " + MarkdownText.escaped(text, at: .heading)
    }

    /// A `###` heading showing `text`.
    func heading3(_ text: String) -> String {
        "### " + MarkdownText.escaped(text, at: .heading)
    }

    /// A bulleted list showing `items`, one line each.
    func bulletList(_ items: [String]) -> String {
        items.map { "- " + MarkdownText.escaped($0, at: .blockStart) }.joined(separator: "\n")
    }

    /// `text` as a reader sees it, unless it is missing, empty or only white space.
    func present(_ text: String?) -> String? {
        guard let text else { return nil }
        let shown = typed(text)
        return shown.isEmpty ? nil : shown
    }

    /// The minutes `seconds` come to, rounded half away from zero.
    func minutes(_ seconds: TimeInterval) -> Int {
        Int((seconds / 60).rounded())
    }
}
