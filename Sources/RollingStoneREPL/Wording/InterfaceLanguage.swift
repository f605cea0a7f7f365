import RollingStoneCore

/// The language the REPL speaks to the facilitator: its replies, help,
/// errors and prompt, and the command words it understands beside the
/// English ones.
///
/// It follows the agenda's language unless `run --ui-lang` says otherwise;
/// the report keeps the agenda's language either way. A meeting language
/// the REPL has no wording for is spoken to in English.
package enum InterfaceLanguage: String, CaseIterable, Sendable {
    case en
    case nl

    /// The interface language for a meeting held in `language`.
    package init(_ language: MeetingLanguage) {
        // By raw value, not case by case: the report may learn languages
        // (French, German) before the REPL does, and they fall back to English.
        self = InterfaceLanguage(rawValue: language.rawValue) ?? .en
    }

    /// The same language as the report knows it, for country names and dates.
    package var meetingLanguage: MeetingLanguage { MeetingLanguage(rawValue: rawValue) ?? .en }
}
