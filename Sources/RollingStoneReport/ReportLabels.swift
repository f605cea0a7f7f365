import RollingStoneCore

/// Every fixed word of a report, in Dutch and English, in one place.
///
/// Labels are Markdown already (they are written by us, never typed live),
/// and must stay free of characters that would need escaping so they can be
/// combined with escaped text without surprises.
struct ReportLabels: Sendable {
    let language: MeetingLanguage

    init(_ language: MeetingLanguage) {
        self.language = language
    }

    private func pick(_ dutch: String, _ english: String) -> String {
        switch language {
        case .nl: dutch
        case .en: english
        }
    }

    // MARK: Title block

    var draftNotice: String { pick("Concept — de bijeenkomst is nog niet afgesloten.", "Draft — the meeting has not ended yet.") }

    func unreadableTailNotice(line: Int) -> String {
        pick(
            "Let op: het einde van het sessiebestand kon niet worden gelezen (regel \(line) is bij een crash afgebroken) en is in dit verslag weggelaten.",
            "Note: the end of the session file could not be read (line \(line) was cut off by a crash) and has been left out of this report.")
    }

    var date: String { pick("Datum", "Date") }
    var host: String { pick("Gastheer", "Host") }
    var venue: String { pick("Locatie", "Venue") }
    var website: String { "Website" }
    /// Before the name of whoever wrote the report up.
    var reportBy: String { pick("Verslag", "Report by") }

    // MARK: Participants

    var participants: String { pick("Deelnemers", "Participants") }

    /// "15 deelnemers uit 4 landen" / "1 participant from 1 country".
    func participantSummary(people: Int, countries: Int) -> String {
        let people = counted(people, dutch: ("deelnemer", "deelnemers"), english: ("participant", "participants"))
        let countries = counted(countries, dutch: ("land", "landen"), english: ("country", "countries"))
        return pick("\(people) uit \(countries)", "\(people) from \(countries)")
    }

    var country: String { pick("Land", "Country") }
    var name: String { pick("Naam", "Name") }
    var network: String { pick("Netwerk", "Network") }
    var role: String { pick("Rol", "Role") }
    var contact: String { "Contact" }

    // MARK: Agenda items

    /// The line under a theme's heading: "3 lessen en 5 praktische tips over
    /// dit thema."; `nil` when there are neither.
    func themeSummary(lessons: Int, tips: Int) -> String? {
        let lessonPart = lessons == 0 ? nil : counted(lessons, dutch: ("les", "lessen"), english: ("lesson", "lessons"))
        let tipPart = tips == 0 ? nil : counted(tips, dutch: ("praktische tip", "praktische tips"), english: ("practical tip", "practical tips"))
        let parts = [lessonPart, tipPart].compactMap { $0 }
        guard !parts.isEmpty else { return nil }
        let listed = parts.joined(separator: pick(" en ", " and "))
        return pick("\(listed) over dit thema.", "\(listed) on this theme.")
    }

    /// "1 les", "3 lessen": the count with the noun in the right number.
    private func counted(_ count: Int, dutch: (one: String, many: String), english: (one: String, many: String)) -> String {
        let forms = language == .nl ? dutch : english
        return "\(count) \(count == 1 ? forms.one : forms.many)"
    }

    var practicalTips: String { pick("Praktische tips", "Practical tips") }
    var ideas: String { pick("Ideeën", "Ideas") }
    var questions: String { pick("Vragen uit de zaal", "Questions from the room") }
    var openingQuote: String { pick("“", "‘") }
    var closingQuote: String { pick("”", "’") }

    // MARK: Actions, timing, next meeting

    var followUpActions: String { pick("Vervolgacties", "Follow-up actions") }

    var agendaAsHeld: String { pick("Verloop van de agenda", "The agenda as held") }
    var itemNumber: String { pick("Nr.", "No.") }
    var item: String { pick("Onderdeel", "Item") }
    var plannedMinutes: String { pick("Gepland (min)", "Planned (min)") }
    var actualMinutes: String { pick("Werkelijk (min)", "Actual (min)") }
    var total: String { pick("Totaal", "Total") }
    /// Shown for an item the meeting never reached.
    var notReached: String { "–" }

    // MARK: Speaking turns

    var speakingTurns: String { pick("Spreekbeurten", "Speaking turns") }

    /// "12 beurten, samen 34:05 spreektijd (min:s)." / "1 turn, 2:05 of speaking time in all (min:s)."
    func speakingSummary(turns: Int, time: String) -> String {
        let count = counted(turns, dutch: ("beurt", "beurten"), english: ("turn", "turns"))
        return pick("\(count), samen \(time) spreektijd (min:s).", "\(count), \(time) of speaking time in all (min:s).")
    }

    var byCountry: String { pick("Per land", "By country") }
    var byPerson: String { pick("Per persoon", "By person") }
    var turns: String { pick("Beurten", "Turns") }
    var speakingTime: String { pick("Spreektijd (min:s)", "Speaking time (min:s)") }
    /// Before the names of those who joined and had no turn.
    var didNotSpeak: String { pick("Niet aan het woord geweest", "Did not speak") }

    var nextMeeting: String { pick("Volgende bijeenkomst", "Next meeting") }
    var time: String { pick("Tijd", "Time") }
    var place: String { pick("Plaats", "Place") }
    var theme: String { pick("Thema", "Theme") }
}
