/// The plan of one meeting: what it is, where, and the items it walks through.
///
/// Agendas are written by facilitators as YAML (see `docs/agenda-format.md`)
/// and stored, as they were used, in the header of every session file.
package struct Agenda: Codable, Equatable, Sendable {
    /// The meeting's title, e.g. "Over trekkracht en veerkracht van lokale netwerken".
    package var title: String
    /// The series the meeting belongs to, e.g. "RollingStone".
    package var series: String?
    /// The meeting's number within its series.
    package var number: Int?
    /// The day of the meeting as `YYYY-MM-DD`.
    package var date: String?
    /// The language of the meeting and, by default, of its report.
    package var language: MeetingLanguage
    /// Where the meeting is held, e.g. "De Nieuwe Energie, Leiden".
    package var venue: String?
    /// The network that hosts the meeting.
    package var host: Host?
    /// The agenda items, in order; never empty.
    package var items: [AgendaItem]
    /// The next meeting, announced at the end.
    package var next: NextMeeting?
    /// Paragraphs that open the report: why this meeting, on these themes.
    package var intro: String?
    /// Who writes the report up, signed at its end.
    package var organiser: Organiser?

    package init(
        title: String, series: String? = nil, number: Int? = nil, date: String? = nil,
        language: MeetingLanguage = .en, venue: String? = nil, host: Host? = nil,
        items: [AgendaItem], next: NextMeeting? = nil, intro: String? = nil, organiser: Organiser? = nil
    ) {
        self.title = title
        self.series = series
        self.number = number
        self.date = date
        self.language = language
        self.venue = venue
        self.host = host
        self.items = items
        self.next = next
        self.intro = intro
        self.organiser = organiser
    }

    /// The person who writes the report up, e.g. a participant who matches
    /// networks for the series.
    package struct Organiser: Codable, Equatable, Sendable {
        package var name: String
        /// What they are to the meeting, e.g. "deelnemer en matchmaker".
        package var role: String?
        /// Where readers send tips and questions.
        package var contact: String?

        package init(name: String, role: String? = nil, contact: String? = nil) {
            self.name = name
            self.role = role
            self.contact = contact
        }
    }

    /// The network hosting a meeting.
    package struct Host: Codable, Equatable, Sendable {
        package var name: String
        package var website: String?
        /// A paragraph about the host network.
        package var profile: String?

        package init(name: String, website: String? = nil, profile: String? = nil) {
            self.name = name
            self.website = website
            self.profile = profile
        }
    }

    /// The meeting announced for next time.
    package struct NextMeeting: Codable, Equatable, Sendable {
        package var date: String?
        package var time: String?
        package var place: String?
        package var theme: String?
        package var contact: String?
        /// Paragraphs on what the next meeting will be about.
        package var description: String?

        package init(
            date: String? = nil, time: String? = nil, place: String? = nil,
            theme: String? = nil, contact: String? = nil, description: String? = nil
        ) {
            self.date = date
            self.time = time
            self.place = place
            self.theme = theme
            self.contact = contact
            self.description = description
        }
    }
}

/// One time-boxed part of a meeting.
package struct AgendaItem: Codable, Equatable, Sendable {
    package var title: String
    /// The time box, in minutes; always more than zero.
    package var minutes: Int
    /// Whether lessons and tips are collected under this item.
    package var theme: Bool
    /// Questions shown to the facilitator when the item starts.
    package var prompts: [String]

    package init(title: String, minutes: Int, theme: Bool = false, prompts: [String] = []) {
        self.title = title
        self.minutes = minutes
        self.theme = theme
        self.prompts = prompts
    }
}

/// The languages a meeting and its report can be in.
package enum MeetingLanguage: String, Codable, CaseIterable, Sendable {
    case nl
    case en
    case fr
    case de

    /// The Foundation locale identifier used for dates and country names.
    package var localeIdentifier: String {
        switch self {
        case .nl: "nl_NL"
        case .en: "en_GB"
        case .fr: "fr_FR"
        case .de: "de_DE"
        }
    }
}

extension Agenda {
    /// A series' name as meetings are matched by it: case, accents and the
    /// white space around it aside, no series as the empty name.
    package static func seriesKey(_ name: String?) -> String {
        (name ?? "").trimmingWhitespace.folded
    }

    /// Whether this meeting is of `other`'s series and was held before it,
    /// by number; never when `other` has no number.
    package func isEarlier(inSeriesOf other: Agenda) -> Bool {
        guard let number = other.number else { return false }
        return Self.seriesKey(series) == Self.seriesKey(other.series) && (self.number ?? Int.max) < number
    }
}
