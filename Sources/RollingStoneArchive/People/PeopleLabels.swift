import RollingStoneCore

/// The who's who's own words in the four languages, side by side per label.
struct PeopleLabels: Sendable {
    let language: MeetingLanguage

    private func pick(_ dutch: String, _ english: String, _ french: String, _ german: String) -> String {
        language.choose(dutch, english, french, german)
    }

    /// "RollingStone: wie is wie".
    func title(series: String?) -> String {
        let title = pick("Wie is wie", "Who's who", "Qui est qui", "Wer ist wer")
        guard let series else { return title }
        return pick("\(series): wie is wie", "\(series): who's who", "\(series)\u{A0}: qui est qui", "\(series): Wer ist wer")
    }

    /// "Bijeenkomsten (2): A en B." — `list` already joined.
    func meetings(_ count: Int, _ list: String) -> String {
        switch language {
        case .nl: count == 1 ? "Bijeenkomst: \(list)." : "Bijeenkomsten (\(count)): \(list)."
        case .en: count == 1 ? "Meeting: \(list)." : "Meetings (\(count)): \(list)."
        case .fr: count < 2 ? "Rencontre\u{A0}: \(list)." : "Rencontres (\(count))\u{A0}: \(list)."
        case .de: count == 1 ? "Treffen: \(list)." : "Treffen (\(count)): \(list)."
        }
    }

    /// "Bijdragen: 3 tips en 1 citaat." — `list` already joined.
    func contributions(_ list: String) -> String {
        pick("Bijdragen: \(list).", "Contributions: \(list).", "Contributions\u{A0}: \(list).", "Beiträge: \(list).")
    }

    var noContributions: String {
        pick("Geen bijdragen op naam.", "No contributions in their name.", "Aucune contribution à son nom.", "Keine Beiträge unter dem Namen.")
    }

    var tipsByTheme: String { pick("Tips per thema", "Tips by theme", "Conseils par thème", "Tipps nach Thema") }

    func nobody(matching query: String) -> String {
        pick(
            "Niemand heet ‘\(query)’.", "Nobody is called ‘\(query)’.", "Personne ne s’appelle «\u{A0}\(query)\u{A0}».",
            "Niemand heißt „\(query)“.")
    }

    /// "3 tips", "1 citaat": a count of entries of `kind`, in the right number.
    func count(_ count: Int, of kind: EntryKind) -> String {
        let (one, many): (String, String)
        switch (kind, language) {
        case (.note, .nl): (one, many) = ("notitie", "notities")
        case (.note, .en): (one, many) = ("note", "notes")
        case (.note, .fr): (one, many) = ("note", "notes")
        case (.note, .de): (one, many) = ("Notiz", "Notizen")
        case (.tip, .nl): (one, many) = ("tip", "tips")
        case (.tip, .en): (one, many) = ("tip", "tips")
        case (.tip, .fr): (one, many) = ("conseil", "conseils")
        case (.tip, .de): (one, many) = ("Tipp", "Tipps")
        case (.quote, .nl): (one, many) = ("citaat", "citaten")
        case (.quote, .en): (one, many) = ("quote", "quotes")
        case (.quote, .fr): (one, many) = ("citation", "citations")
        case (.quote, .de): (one, many) = ("Zitat", "Zitate")
        case (.idea, .nl): (one, many) = ("idee", "ideeën")
        case (.idea, .en): (one, many) = ("idea", "ideas")
        case (.idea, .fr): (one, many) = ("idée", "idées")
        case (.idea, .de): (one, many) = ("Idee", "Ideen")
        case (.action, .nl): (one, many) = ("actie", "acties")
        case (.action, .en): (one, many) = ("action", "actions")
        case (.action, .fr): (one, many) = ("action", "actions")
        case (.action, .de): (one, many) = ("Aufgabe", "Aufgaben")
        case (.question, .nl): (one, many) = ("vraag", "vragen")
        case (.question, .en): (one, many) = ("question", "questions")
        case (.question, .fr): (one, many) = ("question", "questions")
        case (.question, .de): (one, many) = ("Frage", "Fragen")
        }
        let singular = language == .fr ? count < 2 : count == 1
        return "\(count) \(singular ? one : many)"
    }
}
