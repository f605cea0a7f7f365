extension ReportLabels {
    /// The write-up in German.
    static let german = ReportLabels(
        draftNotice: "Entwurf — das Treffen ist noch nicht beendet.",
        unreadableTailNotice: { line in
            "Hinweis: Das Ende der Sitzungsdatei konnte nicht gelesen werden (Zeile \(line) wurde bei einem Absturz abgeschnitten) und fehlt in diesem Bericht."
        },
        date: "Datum", host: "Gastgeber", venue: "Ort", website: "Website", reportBy: "Bericht", colon: ": ",
        participants: "Teilnehmende",
        participantSummary: { people, countries in
            "\(counted(people, "Person", "Personen")) aus \(counted(countries, "Land", "Ländern"))"
        },
        country: "Land", name: "Name", network: "Netzwerk", role: "Rolle", contact: "Kontakt",
        anonymous: { "eine teilnehmende Person aus \($0)" },
        themeSummary: { lessons, tips in
            switch (lessons, tips) {
            case (0, 0): nil
            case (_, 0): "\(counted(lessons, "Erkenntnis", "Erkenntnisse")) zu diesem Thema."
            case (0, _): "\(counted(tips, "praktischer Tipp", "praktische Tipps")) zu diesem Thema."
            default:
                "\(counted(lessons, "Erkenntnis", "Erkenntnisse")) und \(counted(tips, "praktischer Tipp", "praktische Tipps")) zu diesem Thema."
            }
        },
        practicalTips: "Praktische Tipps", ideas: "Ideen", questions: "Fragen aus dem Publikum",
        openingQuote: "„", closingQuote: "“",
        followUpActions: "Vereinbarte Schritte", earlierActionsDone: "Erledigte Schritte früherer Treffen", agendaAsHeld: "Ablauf der Tagesordnung",
        itemNumber: "Nr.",
        item: "Punkt", plannedMinutes: "Geplant (Min.)", actualMinutes: "Tatsächlich (Min.)", total: "Summe",
        notReached: "–",
        speakingTurns: "Wortbeiträge",
        speakingSummary: { turns, time in
            "\(counted(turns, "Wortbeitrag", "Wortbeiträge")), insgesamt \(time) Redezeit (Min.:Sek.)."
        },
        byCountry: "Nach Land", byPerson: "Nach Person", turns: "Beiträge", speakingTime: "Redezeit (Min.:Sek.)",
        didNotSpeak: "Nicht zu Wort gekommen",
        nextMeeting: "Nächstes Treffen", time: "Uhrzeit", place: "Ort", theme: "Thema",
        participantsByCountryChart: "Teilnehmende nach Land", minutesChart: "Geplante und tatsächliche Minuten je Punkt",
        planned: "Geplant", actual: "Tatsächlich",
        minutesInWords: { item, planned, actual in
            if let actual {
                "\(item): \(planned) Min. geplant, \(actual) Min. tatsächlich"
            } else {
                "\(item): \(planned) Min. geplant, nicht erreicht"
            }
        },
        pageNumberCSS: #""Seite " counter(page) " von " counter(pages)"#,
        datePattern: "d. MMMM y", dateWithWeekdayPattern: "EEEE, d. MMMM y"
    )
}
