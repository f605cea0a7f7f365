extension ReportLabels {
    /// The write-up in Dutch.
    static let dutch = ReportLabels(
        draftNotice: "Concept — de bijeenkomst is nog niet afgesloten.",
        unreadableTailNotice: { line in
            "Let op: het einde van het sessiebestand kon niet worden gelezen (regel \(line) is bij een crash afgebroken) en is in dit verslag weggelaten."
        },
        date: "Datum", host: "Gastheer", venue: "Locatie", website: "Website", reportBy: "Verslag", colon: ": ",
        participants: "Deelnemers",
        participantSummary: { people, countries in
            "\(counted(people, "deelnemer", "deelnemers")) uit \(counted(countries, "land", "landen"))"
        },
        country: "Land", name: "Naam", network: "Netwerk", role: "Rol", contact: "Contact",
        anonymous: { "een deelnemer uit \($0)" },
        themeSummary: { lessons, tips in
            switch (lessons, tips) {
            case (0, 0): nil
            case (_, 0): "\(counted(lessons, "les", "lessen")) over dit thema."
            case (0, _): "\(counted(tips, "praktische tip", "praktische tips")) over dit thema."
            default: "\(counted(lessons, "les", "lessen")) en \(counted(tips, "praktische tip", "praktische tips")) over dit thema."
            }
        },
        practicalTips: "Praktische tips", ideas: "Ideeën", questions: "Vragen uit de zaal",
        openingQuote: "“", closingQuote: "”",
        followUpActions: "Vervolgacties", earlierActionsDone: "Afgeronde acties van eerdere bijeenkomsten", agendaAsHeld: "Verloop van de agenda",
        itemNumber: "Nr.", item: "Onderdeel",
        plannedMinutes: "Gepland (min)", actualMinutes: "Werkelijk (min)", total: "Totaal", notReached: "–",
        speakingTurns: "Spreekbeurten",
        speakingSummary: { turns, time in "\(counted(turns, "beurt", "beurten")), samen \(time) spreektijd (min:s)." },
        byCountry: "Per land", byPerson: "Per persoon", turns: "Beurten", speakingTime: "Spreektijd (min:s)",
        didNotSpeak: "Niet aan het woord geweest",
        nextMeeting: "Volgende bijeenkomst", time: "Tijd", place: "Plaats", theme: "Thema",
        participantsByCountryChart: "Deelnemers per land", minutesChart: "Geplande en werkelijke minuten per onderdeel",
        planned: "Gepland", actual: "Werkelijk",
        minutesInWords: { item, planned, actual in
            if let actual {
                "\(item): \(planned) min gepland, \(actual) min werkelijk"
            } else {
                "\(item): \(planned) min gepland, niet aan toegekomen"
            }
        },
        pageNumberCSS: #""Pagina " counter(page) " van " counter(pages)"#,
        datePattern: "d MMMM y", dateWithWeekdayPattern: "EEEE d MMMM y"
    )
}
