extension ReportLabels {
    /// The write-up in (British) English.
    static let english = ReportLabels(
        draftNotice: "Draft — the meeting has not ended yet.",
        unreadableTailNotice: { line in
            "Note: the end of the session file could not be read (line \(line) was cut off by a crash) and has been left out of this report."
        },
        date: "Date", host: "Host", venue: "Venue", website: "Website", reportBy: "Report by", colon: ": ",
        participants: "Participants",
        participantSummary: { people, countries in
            "\(counted(people, "participant", "participants")) from \(counted(countries, "country", "countries"))"
        },
        country: "Country", name: "Name", network: "Network", role: "Role", contact: "Contact",
        anonymous: { "a participant from \($0)" },
        themeSummary: { lessons, tips in
            switch (lessons, tips) {
            case (0, 0): nil
            case (_, 0): "\(counted(lessons, "lesson", "lessons")) on this theme."
            case (0, _): "\(counted(tips, "practical tip", "practical tips")) on this theme."
            default: "\(counted(lessons, "lesson", "lessons")) and \(counted(tips, "practical tip", "practical tips")) on this theme."
            }
        },
        practicalTips: "Practical tips", ideas: "Ideas", questions: "Questions from the room",
        openingQuote: "‘", closingQuote: "’",
        followUpActions: "Follow-up actions", earlierActionsDone: "Actions of earlier meetings, done", agendaAsHeld: "The agenda as held", itemNumber: "No.",
        item: "Item",
        plannedMinutes: "Planned (min)", actualMinutes: "Actual (min)", total: "Total", notReached: "–",
        speakingTurns: "Speaking turns",
        speakingSummary: { turns, time in "\(counted(turns, "turn", "turns")), \(time) of speaking time in all (min:s)." },
        byCountry: "By country", byPerson: "By person", turns: "Turns", speakingTime: "Speaking time (min:s)",
        didNotSpeak: "Did not speak",
        nextMeeting: "Next meeting", time: "Time", place: "Place", theme: "Theme",
        participantsByCountryChart: "Participants by country", minutesChart: "Planned and actual minutes per item",
        planned: "Planned", actual: "Actual",
        minutesInWords: { item, planned, actual in
            if let actual {
                "\(item): \(planned) min planned, \(actual) min actual"
            } else {
                "\(item): \(planned) min planned, not reached"
            }
        },
        pageNumberCSS: #""Page " counter(page) " of " counter(pages)"#,
        datePattern: "d MMMM y", dateWithWeekdayPattern: "EEEE d MMMM y"
    )
}
