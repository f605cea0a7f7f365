extension ReportLabels {
    /// The write-up in French. French typography puts a no-break space
    /// (U+00A0) before a colon and inside guillemets.
    static let french = ReportLabels(
        draftNotice: "Brouillon — la rencontre n’est pas encore terminée.",
        unreadableTailNotice: { line in
            "Attention\u{A0}: la fin du fichier de session n’a pas pu être lue (la ligne \(line) a été coupée par un plantage) et ne figure pas dans ce compte rendu."
        },
        date: "Date", host: "Hôte", venue: "Lieu", website: "Site web", reportBy: "Compte rendu", colon: "\u{A0}: ",
        participants: "Participants",
        participantSummary: { people, countries in
            "\(countedInFrench(people, "participant", "participants")) de \(countedInFrench(countries, "pays", "pays"))"
        },
        country: "Pays", name: "Nom", network: "Réseau", role: "Rôle", contact: "Contact",
        anonymous: { "une personne venue de \($0)" },
        themeSummary: { lessons, tips in
            switch (lessons, tips) {
            case (0, 0): nil
            case (_, 0): "\(countedInFrench(lessons, "leçon", "leçons")) sur ce thème."
            case (0, _): "\(countedInFrench(tips, "conseil pratique", "conseils pratiques")) sur ce thème."
            default:
                "\(countedInFrench(lessons, "leçon", "leçons")) et \(countedInFrench(tips, "conseil pratique", "conseils pratiques")) sur ce thème."
            }
        },
        practicalTips: "Conseils pratiques", ideas: "Idées", questions: "Questions de la salle",
        openingQuote: "«\u{A0}", closingQuote: "\u{A0}»",
        followUpActions: "Actions de suivi", earlierActionsDone: "Actions des rencontres précédentes, faites", agendaAsHeld: "Déroulement de l’ordre du jour",
        itemNumber: "N°",
        item: "Point", plannedMinutes: "Prévu (min)", actualMinutes: "Réel (min)", total: "Total", notReached: "–",
        speakingTurns: "Prises de parole",
        speakingSummary: { turns, time in
            "\(countedInFrench(turns, "prise de parole", "prises de parole")), \(time) de temps de parole au total (min:s)."
        },
        byCountry: "Par pays", byPerson: "Par personne", turns: "Prises de parole", speakingTime: "Temps de parole (min:s)",
        didNotSpeak: "N’ont pas pris la parole",
        nextMeeting: "Prochaine rencontre", time: "Heure", place: "Lieu", theme: "Thème",
        participantsByCountryChart: "Participants par pays", minutesChart: "Minutes prévues et réelles par point",
        planned: "Prévu", actual: "Réel",
        minutesInWords: { item, planned, actual in
            if let actual {
                "\(item)\u{A0}: \(planned) min prévues, \(actual) min réelles"
            } else {
                "\(item)\u{A0}: \(planned) min prévues, non abordé"
            }
        },
        pageNumberCSS: #""Page " counter(page) " sur " counter(pages)"#,
        datePattern: "d MMMM y", dateWithWeekdayPattern: "EEEE d MMMM y"
    )
}
