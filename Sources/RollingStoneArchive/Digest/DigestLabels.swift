import RollingStoneCore

/// The digest's own words in the four languages, side by side per label;
/// dates and lists come from `ReportWords`, country names from Foundation.
struct DigestLabels: Sendable {
    let language: MeetingLanguage

    private func pick(_ dutch: String, _ english: String, _ french: String, _ german: String) -> String {
        language.choose(dutch, english, french, german)
    }

    /// "RollingStone: lessen en tips per thema".
    func title(series: String?) -> String {
        guard let series else {
            return pick("Lessen en tips per thema", "Lessons and tips by theme", "Leçons et conseils par thème", "Erkenntnisse und Tipps nach Thema")
        }
        return pick(
            "\(series): lessen en tips per thema", "\(series): lessons and tips by theme",
            "\(series)\u{A0}: leçons et conseils par thème", "\(series): Erkenntnisse und Tipps nach Thema")
    }

    /// "Uit 3 bijeenkomsten: A, B en C."
    func fromMeetings(_ count: Int, _ list: String) -> String {
        switch language {
        case .nl: count == 1 ? "Uit 1 bijeenkomst: \(list)." : "Uit \(count) bijeenkomsten: \(list)."
        case .en: count == 1 ? "From 1 meeting: \(list)." : "From \(count) meetings: \(list)."
        case .fr: count < 2 ? "D’après \(count) rencontre\u{A0}: \(list)." : "D’après \(count) rencontres\u{A0}: \(list)."
        case .de: count == 1 ? "Aus 1 Treffen: \(list)." : "Aus \(count) Treffen: \(list)."
        }
    }

    /// "Alleen thema's met 'trek'."
    func onlyThemes(matching query: String) -> String {
        pick(
            "Alleen thema's met ‘\(query)’ in de titel.", "Only themes with ‘\(query)’ in their title.",
            "Seulement les thèmes dont le titre contient «\u{A0}\(query)\u{A0}».", "Nur Themen mit „\(query)“ im Titel.")
    }

    /// Before the titles a theme had in the meetings it came up in.
    var titles: String { pick("Titels", "Titles", "Titres", "Titel") }
    var colon: String { language == .fr ? "\u{A0}: " : ": " }
    var practicalTips: String { pick("Praktische tips", "Practical tips", "Conseils pratiques", "Praktische Tipps") }
    var nothingFound: String {
        pick(
            "Geen lessen of tips gevonden.", "No lessons or tips found.", "Aucune leçon ni aucun conseil trouvé.",
            "Keine Erkenntnisse oder Tipps gefunden.")
    }
}
