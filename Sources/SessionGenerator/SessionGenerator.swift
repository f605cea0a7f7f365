import Foundation
import RollingStoneCore

/// Makes realistic session files of any size, the same for the same seed:
/// participants from several countries, themes with lessons, attributed
/// tips, quotes, ideas and actions, with edits, deletes and undos among them,
/// and submissions from phones in the room, accepted or rejected.
package struct SessionGenerator {
    package var entries: Int
    package var seed: UInt64

    /// How far this laptop's clock is off: added to every time, the header's too.
    package var clockSkew: TimeInterval = 0
    /// Which of the generator's twelve people join, by index (0..<12): a
    /// breakout's group; all of them when `nil`.
    package var group: [Int]?

    /// What a meeting of a generated series sets apart; the defaults are
    /// this generator's own afternoon, which other tests and benchmarks
    /// compare against byte for byte.
    var agenda = Self.agenda
    var people = Self.people
    var start = Date(timeIntervalSince1970: 1_773_489_600)
    var words = Self.words
    /// Rarer words mixed in, about one word in three; none in this
    /// generator's own afternoon.
    var tail: LongTailWords?
    /// Events put between the captures, each once `captures` entries are
    /// in: closings of earlier actions, a participant made private. They
    /// draw nothing from the random numbers until their turn comes, so
    /// without them the session is the one it always was.
    var scheduled: [ScheduledEvent] = []
    /// Whether every action is given an owner: the series follow actions
    /// up by who took them on.
    var ownsActions = false

    /// An event of `scheduled`.
    struct ScheduledEvent {
        /// How many entries are captured before it.
        var captures: Int
        var event: SessionEvent
    }

    package init(entries: Int, seed: UInt64 = 2012) {
        self.entries = entries
        self.seed = seed
    }

    /// One meeting of a series: its own agenda, people, words, start and
    /// scheduled events.
    init(
        entries: Int, seed: UInt64, agenda: Agenda, people: [GeneratedPerson], start: Date, words: [String], tail: LongTailWords,
        scheduled: [ScheduledEvent]
    ) {
        self.init(entries: entries, seed: seed)
        self.agenda = agenda
        self.people = people
        self.start = start
        self.words = words
        self.tail = tail
        self.scheduled = scheduled
        ownsActions = true
    }

    /// A breakout's session on the same agenda: `group` of the people, its
    /// own seed, the clock off by `clockSkew` seconds.
    package static func breakout(entries: Int, seed: UInt64, group: [Int], clockSkew: TimeInterval) -> SessionGenerator {
        var generator = SessionGenerator(entries: entries, seed: seed)
        generator.group = group
        generator.clockSkew = clockSkew
        return generator
    }

    package static let agenda = Agenda(
        title: "Een gegenereerde middag", series: "RollingStone", number: 99, date: "2026-03-14", language: .nl,
        venue: "Het Pand, Gent", host: .init(name: "Buurtlab Gent", website: "https://buurtlab.example.org"),
        items: [
            AgendaItem(title: "Welkom en kennismaking", minutes: 20),
            AgendaItem(title: "Trekkracht aan instanties", minutes: 45, theme: true),
            AgendaItem(title: "Geld en onafhankelijkheid", minutes: 40, theme: true),
            AgendaItem(title: "Veerkracht", minutes: 40, theme: true),
            AgendaItem(title: "Afsluiting", minutes: 15),
        ],
        next: .init(date: "2026-06-20", place: "Gouda"))

    static let people: [GeneratedPerson] = [
        .init("Marije de Vries", "NL", "Stadslab Leiden"), .init("Stef Steyaert", "BE", "Lab van Troje"),
        .init("Hannah Schröder", "DE", "Stadtteilnetz Köln"), .init("Siobhan O'Neill", "IE", "Dublin Commons"),
        .init("Çağla Yılmaz", "NL", "GoudaBruist"), .init("Stéphanie Brüggemann", "BE", "Buurtlab Gent"),
        .init("Pieter Bakker", "NL", "Makassarplein Community"), .init("Jonas Weber", "DE", "Nachbarschaft Aachen"),
        .init("Aoife Byrne", "IE", "Cork Together"), .init("Lotte Jansen", "NL", "Stadslab Leiden"),
        .init("Wim Peeters", "BE", "Antwerpen Buurt"), .init("Femke Visser", "NL", "GoudaBruist"),
    ]
    static let words = [
        "gemeente", "netwerk", "buurt", "plan", "subsidie", "partner", "vertrouwen", "tijd",
        "energie", "geld", "wethouder", "project", "mensen", "ruimte", "ideeën", "samen",
    ]

    /// The header and events of the session.
    package func records() -> (SessionHeader, [SessionRecord]) {
        let (state, records) = generated()
        return (state.header, records)
    }

    /// The events of the session and the state they replay to.
    func generated() -> (MeetingState, [SessionRecord]) {
        var random = SplitMix64(seed: seed)
        let start = self.start + clockSkew
        let people = group.map { $0.map { self.people[$0] } } ?? self.people
        var state = MeetingState(header: SessionHeader(created: start, agenda: agenda))
        var records: [SessionRecord] = []
        var time = start
        func add(_ event: SessionEvent) {
            time += Double(random.next() % 20_000) / 1000
            let record = SessionRecord(sequence: state.lastSequence + 1, time: time, event: event)
            // Generated events always fit; a failure here is a bug in the generator.
            do { try state.apply(record) } catch { preconditionFailure("generator made an invalid event: \(error)") }
            records.append(record)
        }
        func sentence() -> String {
            (0..<(4 + Int(random.next() % 10))).map { _ in
                if let tail, random.next() % 3 == 0 { return tail.word(random.next()) }
                return words[Int(random.next() % UInt64(words.count))]
            }
            .joined(separator: " ").capitalizedFirstLetter + "."
        }

        var nextScheduled = 0
        func addScheduled(upTo captured: Int) {
            while nextScheduled < scheduled.count && scheduled[nextScheduled].captures <= captured {
                let event = scheduled[nextScheduled].event
                nextScheduled += 1
                // An undo may have taken the join back, or the person is private already.
                if case .madePrivate(let id) = event, state.participant(id) == nil || state.privateParticipants.contains(id) { continue }
                add(event)
            }
        }

        add(.opened)
        for (index, person) in people.enumerated() {
            add(.joined(Participant(id: index + 1, name: person.name, country: person.country, network: person.network)))
        }
        let perItem = Swift.max(1, entries / agenda.items.count)
        var captured = 0
        while captured < entries {
            addScheduled(upTo: captured)
            let item = Swift.min(agenda.items.count - 1, captured / perItem)
            if item != state.currentItem { add(.wentTo(item: item)) }
            let roll = random.next() % 100
            if agenda.items[item].theme && (state.currentLesson == nil || roll < 3) {
                add(.lessonOpened(Lesson(id: state.nextLessonID, title: sentence(), item: item)))
            }
            let live = state.nextEntryNumber - 1
            if roll < 4 && live > 0, state.entry(live) != nil {
                add(.edited(entry: live, text: sentence()))
            } else if roll < 6 && live > 0, state.entry(live) != nil {
                add(.deleted(entry: live))
            } else if roll < 7, let undoable = state.nextUndoSequence {
                add(.undone(sequence: undoable))
            } else if roll < 10 {
                // Something sent from a phone in the room, then accepted or rejected.
                let kind = SubmissionKind.allCases[Int(random.next() % UInt64(SubmissionKind.allCases.count))]
                let sender = people[Int(random.next() % UInt64(people.count))].name
                let submission = Submission(
                    number: state.submissions.count + 1, kind: kind, text: sentence(), name: String(sender.split(separator: " ")[0]))
                add(.submitted(submission))
                if random.next() % 3 > 0 {
                    let entry = Entry(
                        number: state.nextEntryNumber, kind: kind.entryKind, text: submission.text,
                        participant: state.participant(named: submission.name)?.id, item: item, lesson: state.currentLesson)
                    add(.accepted(submission: submission.number, entry: entry))
                    captured += 1
                } else {
                    add(.rejected(submission: submission.number))
                }
            } else {
                let kinds: [EntryKind] = [.tip, .tip, .tip, .note, .note, .quote, .idea, .action]
                let kind = kinds[Int(random.next() % UInt64(kinds.count))]
                let owned = kind == .quote || (ownsActions && kind == .action)
                let drawn = owned || random.next() % 3 > 0 ? Int(random.next() % UInt64(people.count)) + 1 : nil
                // An undo may have taken a join back (likelier in a small breakout): nobody to attribute to then.
                let speaker = drawn.flatMap { state.participant($0)?.id }
                add(
                    .captured(
                        Entry(
                            number: state.nextEntryNumber, kind: kind, text: sentence(), participant: speaker,
                            item: item, lesson: state.currentLesson)))
                captured += 1
            }
        }
        addScheduled(upTo: captured)
        add(.ended)
        return (state, records)
    }

    /// Writes the session to `url` (replacing what is there), as JSON Lines.
    package func write(to url: URL) throws {
        let (header, records) = records()
        try Self.jsonLines(header: header, records: records).write(to: url)
    }

    /// A session file's bytes: the header, then one event a line.
    static func jsonLines(header: SessionHeader, records: [SessionRecord]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(header)
        data.append(0x0A)
        for record in records {
            data.append(try encoder.encode(record))
            data.append(0x0A)
        }
        return data
    }
}

extension String {
    fileprivate var capitalizedFirstLetter: String { prefix(1).uppercased() + dropFirst() }
}
