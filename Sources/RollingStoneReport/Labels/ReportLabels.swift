import Foundation
import RollingStoneCore

/// Every fixed word of a write-up in one language: one table per language
/// (`ReportLabels+Dutch.swift` and its siblings), each filled in whole, so a
/// label missing in one language does not compile.
///
/// Labels hold no character that Markdown acts on (they are written by us,
/// never typed live), so they can stand beside escaped text as they are.
/// Sentences with a number in them are whole sentences per language, with
/// the plural each language needs, never fragments glued in English order.
struct ReportLabels: Sendable {
    // MARK: Title block

    var draftNotice: String
    /// "Note: the end of the session file … (line 12 …)".
    var unreadableTailNotice: @Sendable (_ line: Int) -> String
    var date: String
    var host: String
    var venue: String
    var website: String
    /// Before the name of whoever wrote the report up.
    var reportBy: String
    /// Between a label and what it labels: ": ", or French's ": " with a
    /// no-break space before the colon.
    var colon: String

    // MARK: Participants

    var participants: String
    /// "15 deelnemers uit 4 landen" / "1 participant from 1 country".
    var participantSummary: @Sendable (_ people: Int, _ countries: Int) -> String
    var country: String
    var name: String
    var network: String
    var role: String
    var contact: String
    /// Who a participant kept out of the write-ups is (`private @NAME`):
    /// "een deelnemer uit België", given the country's name.
    var anonymous: @Sendable (_ country: String) -> String

    // MARK: Agenda items

    /// The line under a theme's heading, "3 lessen en 5 praktische tips over
    /// dit thema."; `nil` when there are neither.
    var themeSummary: @Sendable (_ lessons: Int, _ tips: Int) -> String?
    var practicalTips: String
    var ideas: String
    var questions: String
    var openingQuote: String
    var closingQuote: String

    // MARK: Actions, timing, next meeting

    var followUpActions: String
    /// Above the actions of earlier meetings that were done in this one.
    var earlierActionsDone: String
    var agendaAsHeld: String
    var itemNumber: String
    var item: String
    var plannedMinutes: String
    var actualMinutes: String
    var total: String
    /// Shown for an item the meeting never reached.
    var notReached: String

    // MARK: Speaking turns

    var speakingTurns: String
    /// "12 beurten, samen 34:05 spreektijd (min:s)."
    var speakingSummary: @Sendable (_ turns: Int, _ time: String) -> String
    var byCountry: String
    var byPerson: String
    var turns: String
    var speakingTime: String
    /// Before the names of those who joined and had no turn.
    var didNotSpeak: String

    var nextMeeting: String
    var time: String
    var place: String
    var theme: String

    // MARK: Charts and the printed page

    var participantsByCountryChart: String
    var minutesChart: String
    var planned: String
    var actual: String
    /// One item of the minutes chart in words: "Welkom: 15 minuten gepland,
    /// 17 werkelijk"; `actual` is `nil` for an item not reached.
    var minutesInWords: @Sendable (_ item: String, _ planned: Int, _ actual: Int?) -> String
    /// The page number at the foot of a printed page, as CSS `content`:
    /// `"Pagina " counter(page) " van " counter(pages)`.
    var pageNumberCSS: String

    // MARK: Dates

    /// The `DateFormatter` pattern of a meeting's date: "26 september 2012".
    var datePattern: String
    /// The same with the weekday, for the next meeting: people plan by it.
    var dateWithWeekdayPattern: String

}

extension ReportLabels {
    /// The labels of `language`.
    ///
    /// In an extension, so the tables keep the memberwise initializer.
    init(_ language: MeetingLanguage) {
        switch language {
        case .nl: self = .dutch
        case .en: self = .english
        case .fr: self = .french
        case .de: self = .german
        }
    }

    /// "1 les", "3 lessen": the count with the noun in the number Dutch,
    /// English and German give it (one is singular, zero is not).
    static func counted(_ count: Int, _ one: String, _ many: String) -> String {
        "\(count) \(count == 1 ? one : many)"
    }

    /// The same in French, where zero and one are singular.
    static func countedInFrench(_ count: Int, _ one: String, _ many: String) -> String {
        "\(count) \(abs(count) < 2 ? one : many)"
    }

    /// Names joined the way `language` lists them: "A, B en C", "A, B et C".
    static func list(_ names: [String], in language: MeetingLanguage) -> String {
        names.formatted(.list(type: .and).locale(Locale(identifier: language.localeIdentifier)))
    }
}
