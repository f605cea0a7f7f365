import RollingStoneCore
import RollingStoneReport

/// The who's who of an archive: for each person, the meetings they came to,
/// their networks, country and roles, what they contributed, and their tips
/// by theme. Written as the report's blocks through the report's writers.
struct PeopleComposer: ArchiveWriteUp {
    let meetings: [ArchivedMeeting]
    /// Only people whose name has these words, when given.
    let query: String?
    let language: MeetingLanguage
    private let labels: PeopleLabels

    init(meetings: [ArchivedMeeting], query: String?, language: MeetingLanguage) {
        self.meetings = meetings
        self.query = query
        self.language = language
        self.labels = PeopleLabels(language: language)
    }

    /// The series' name when all meetings share one.
    private var series: String? {
        let names = Set(meetings.compactMap { $0.agenda.series?.trimmingWhitespace }.filter { !$0.isEmpty })
        return names.count == 1 ? names.first : nil
    }

    var document: ReportDocument {
        ReportDocument(title: labels.title(series: series), date: nil, language: language)
    }

    func write(to document: inout some ReportBlockWriter) {
        document.write(.heading(level: 1, [.text(labels.title(series: series))]))
        // Someone kept private is not found by their name either.
        let people = ArchivedPerson.people(in: meetings).filter { person in query.map { !person.isPrivate && person.matches($0) } ?? true }
        if people.isEmpty, let query {
            document.write(.paragraph([.text(labels.nobody(matching: ReportWords.oneLine(query)))]))
        }
        for person in people {
            write(person, to: &document)
        }
    }

    private func write(_ person: ArchivedPerson, to document: inout some ReportBlockWriter) {
        let hidden = person.isPrivate
        let shown = hidden ? ReportWords.anonymous(from: person.country, in: language).capitalizedFirstLetter : person.name
        document.write(.heading(level: 2, [.typed(shown)]))
        let details = [CountryResolver.name(of: person.country, in: language)] + (hidden ? [] : person.networks + person.roles)
        document.write(.paragraph([.text(details.map(ReportWords.oneLine).joined(separator: " · "))]))
        let attended = person.attendances.map { MeetingNames.nameAndDate($0.meeting.summary, in: language) }
        document.write(.paragraph([.text(labels.meetings(attended.count, ReportWords.list(attended, in: language)))]))
        let counts = person.counts
        let kinds: [EntryKind] = [.tip, .note, .quote, .idea, .question, .action]
        let counted = kinds.compactMap { kind in counts[kind].map { labels.count($0, of: kind) } }
        document.write(.paragraph([.text(counted.isEmpty ? labels.noContributions : labels.contributions(ReportWords.list(counted, in: language)))]))
        let tips = person.attendances.flatMap { attendance in
            attendance.entries.filter { $0.kind == .tip }.map { (attendance.meeting, $0) }
        }
        guard !tips.isEmpty else { return }
        document.write(.paragraph([.strong(labels.tipsByTheme)]))
        for (meeting, tip) in tips {
            let item = meeting.agenda.items.indices.contains(tip.item) ? ReportWords.oneLine(meeting.agenda.items[tip.item].title) : ""
            let whereGiven = [item, MeetingNames.name(meeting.summary)].filter { !$0.isEmpty }.joined(separator: ", ")
            document.write(.item([.typed(tip.text), .byline(" (" + whereGiven + ")")], .bullets))
        }
    }
}

extension String {
    fileprivate var capitalizedFirstLetter: String { prefix(1).uppercased() + dropFirst() }
}
