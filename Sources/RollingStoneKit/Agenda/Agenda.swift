/// The plan of one meeting: what it is, where, and the items it walks through.
///
/// Agendas are written by facilitators as YAML (see `docs/agenda-format.md`)
/// and stored, as they were used, in the header of every session file.
public struct Agenda: Codable, Equatable, Sendable {
    /// The meeting's title, e.g. "Over trekkracht en veerkracht van lokale netwerken".
    public var title: String
    /// The series the meeting belongs to, e.g. "RollingStone".
    public var series: String?
    /// The meeting's number within its series.
    public var number: Int?
    /// The day of the meeting as `YYYY-MM-DD`.
    public var date: String?
    /// The language of the meeting and, by default, of its report.
    public var language: MeetingLanguage
    /// Where the meeting is held, e.g. "De Nieuwe Energie, Leiden".
    public var venue: String?
    /// The network that hosts the meeting.
    public var host: Host?
    /// The agenda items, in order; never empty.
    public var items: [AgendaItem]
    /// The next meeting, announced at the end.
    public var next: NextMeeting?
    /// Paragraphs that open the report: why this meeting, on these themes.
    public var intro: String?
    /// Who writes the report up, signed at its end.
    public var organiser: Organiser?

    public init(
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
    public struct Organiser: Codable, Equatable, Sendable {
        public var name: String
        /// What they are to the meeting, e.g. "deelnemer en matchmaker".
        public var role: String?
        /// Where readers send tips and questions.
        public var contact: String?

        public init(name: String, role: String? = nil, contact: String? = nil) {
            self.name = name
            self.role = role
            self.contact = contact
        }
    }

    /// The network hosting a meeting.
    public struct Host: Codable, Equatable, Sendable {
        public var name: String
        public var website: String?
        /// A paragraph about the host network.
        public var profile: String?

        public init(name: String, website: String? = nil, profile: String? = nil) {
            self.name = name
            self.website = website
            self.profile = profile
        }
    }

    /// The meeting announced for next time.
    public struct NextMeeting: Codable, Equatable, Sendable {
        public var date: String?
        public var time: String?
        public var place: String?
        public var theme: String?
        public var contact: String?
        /// Paragraphs on what the next meeting will be about.
        public var description: String?

        public init(
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
public struct AgendaItem: Codable, Equatable, Sendable {
    public var title: String
    /// The time box, in minutes; always more than zero.
    public var minutes: Int
    /// Whether lessons and tips are collected under this item.
    public var theme: Bool
    /// Questions shown to the facilitator when the item starts.
    public var prompts: [String]

    public init(title: String, minutes: Int, theme: Bool = false, prompts: [String] = []) {
        self.title = title
        self.minutes = minutes
        self.theme = theme
        self.prompts = prompts
    }
}

/// The languages a meeting and its report can be in.
public enum MeetingLanguage: String, Codable, CaseIterable, Sendable {
    case nl
    case en

    /// The Foundation locale identifier used for dates and country names.
    public var localeIdentifier: String {
        switch self {
        case .nl: "nl_NL"
        case .en: "en_GB"
        }
    }
}
