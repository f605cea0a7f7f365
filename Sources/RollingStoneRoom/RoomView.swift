import Foundation
import RollingStoneCore

/// What `GET /api/state` answers, and what a change event carries when a page
/// must start again from it: the meeting as the pages show it. See docs/room.md.
struct RoomView: Encodable, Sendable {
    struct Meeting: Encodable, Sendable {
        var title: String
        var series: String?
        var number: Int?
        var language: String
        var ended: Bool
    }

    struct Item: Encodable, Sendable {
        var number: Int
        var count: Int
        var title: String
        var theme: Bool
        var plannedMinutes: Int
        var secondsSpent: Double
        var running: Bool
    }

    struct Lesson: Encodable, Sendable {
        var id: Int
        var title: String
    }

    struct Person: Encodable, Sendable {
        var id: Int
        var name: String
        var country: String
        var countryName: String
    }

    struct Entry: Encodable, Sendable {
        var number: Int
        /// The agenda item it is under, counted from 1.
        var item: Int
        var kind: String
        var text: String
        var participant: Person?
        var lesson: Int?
        var fromRoom: Bool
    }

    struct Join: Encodable, Sendable {
        var code: String
        var phoneURL: String?
    }

    var status: RoomStatus
    var entries: [Entry]
    var participants: [Person]
    /// Where every submission stands, without text or name: a phone that
    /// slept or reloaded finds the fate of what it sent here.
    var submissions: [RoomChange.SubmissionView]
    var join: Join

    init(_ state: MeetingState, now: Date, join: Join) {
        status = RoomStatus(state, now: now)
        let people = state.participants.map { Person($0, in: state.agenda.language) }
        participants = people
        entries = state.entries.filter { $0.item == state.currentItem }.map { Entry($0, in: state, people: people) }
        submissions = zip(state.submissions, state.submissionStatuses).map { RoomChange.SubmissionView($0, $1) }
        self.join = join
    }

    private enum Keys: String, CodingKey {
        case entries, participants, submissions, join
    }

    /// One flat object: the status's keys beside the rest, as docs/room.md shows it.
    func encode(to encoder: any Encoder) throws {
        try status.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(entries, forKey: .entries)
        try container.encode(participants, forKey: .participants)
        try container.encode(submissions, forKey: .submissions)
        try container.encode(join, forKey: .join)
    }
}

/// The few things most changes move, small enough to come with every change
/// event: the meeting, the item and its clock, the open lesson, how many
/// submissions wait. A page applies the change itself to what it shows.
struct RoomStatus: Encodable, Sendable {
    var seq: Int
    var meeting: RoomView.Meeting
    var item: RoomView.Item
    var lesson: RoomView.Lesson?
    var pending: Int
    /// Who has the floor and who waits; left out until the queue is used.
    var speakers: Speakers?

    struct Speakers: Encodable, Sendable {
        struct Floor: Encodable, Sendable {
            var name: String
            var secondsSpent: Double
            /// The minutes each speaker has, as seconds; left out when there is no limit.
            var secondsAllowed: Int?
        }

        struct Waiting: Encodable, Sendable {
            var name: String
            /// A point of order or a direct reply, ahead of the others.
            var direct: Bool
        }

        var floor: Floor?
        var queue: [Waiting]
    }

    init(_ state: MeetingState, now: Date) {
        let agenda = state.agenda
        let current = agenda.items[state.currentItem]
        seq = state.lastSequence
        meeting = RoomView.Meeting(
            title: agenda.title, series: agenda.series, number: agenda.number, language: agenda.language.rawValue,
            ended: state.hasEnded)
        item = RoomView.Item(
            number: state.currentItem + 1, count: agenda.items.count, title: current.title, theme: current.theme,
            plannedMinutes: current.minutes, secondsSpent: state.secondsSpent(onItem: state.currentItem, now: now),
            running: !state.hasEnded)
        lesson = state.currentLesson.flatMap(state.lesson).map { RoomView.Lesson(id: $0.id, title: $0.title) }
        pending = state.pendingSubmissions.count
        let queue = state.speakers
        let name = { (id: Int) in state.participant(id)?.name ?? "" }
        if queue.hasTurns || !queue.waiting.isEmpty {
            speakers = Speakers(
                floor: queue.current.map {
                    Speakers.Floor(
                        name: name($0.request.participant), secondsSpent: $0.seconds(now: now),
                        secondsAllowed: queue.secondsPerTurn > 0 ? queue.secondsPerTurn : nil)
                },
                queue: queue.waiting.map { Speakers.Waiting(name: name($0.participant), direct: $0.priority == .direct) })
        }
    }
}

extension RoomView.Person {
    init(_ participant: Participant, in language: MeetingLanguage) {
        self.init(
            id: participant.id, name: participant.name, country: participant.country,
            countryName: CountryResolver.name(of: participant.country, in: language))
    }
}

extension RoomView.Entry {
    /// `entry` as the pages show it; `people` are the participants already
    /// described, when there are many entries to describe.
    init(_ entry: RollingStoneCore.Entry, in state: MeetingState, people: [RoomView.Person]? = nil) {
        let participant = entry.participant.flatMap { id -> RoomView.Person? in
            if let people { return people.first { $0.id == id } }
            return state.participant(id).map { RoomView.Person($0, in: state.agenda.language) }
        }
        self.init(
            number: entry.number, item: entry.item + 1, kind: entry.kind.rawValue, text: entry.text, participant: participant,
            lesson: entry.lesson, fromRoom: state.submissionOfEntry[entry.number] != nil)
    }
}
