import Foundation
import RollingStoneCore

/// What `GET /api/state` answers, and what every change event carries: the
/// meeting as the pages show it. See docs/room.md.
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

    var seq: Int
    var meeting: Meeting
    var item: Item
    var lesson: Lesson?
    var entries: [Entry]
    var participants: [Person]
    var pending: Int
    /// Where every submission stands, without text or name: a phone that
    /// slept or reloaded finds the fate of what it sent here.
    var submissions: [RoomChange.SubmissionView]
    var join: Join

    init(_ state: MeetingState, now: Date, join: Join) {
        let agenda = state.agenda
        let current = agenda.items[state.currentItem]
        seq = state.lastSequence
        meeting = Meeting(
            title: agenda.title, series: agenda.series, number: agenda.number, language: agenda.language.rawValue,
            ended: state.hasEnded)
        item = Item(
            number: state.currentItem + 1, count: agenda.items.count, title: current.title, theme: current.theme,
            plannedMinutes: current.minutes, secondsSpent: state.secondsSpent(onItem: state.currentItem, now: now),
            running: !state.hasEnded)
        lesson = state.currentLesson.flatMap(state.lesson).map { Lesson(id: $0.id, title: $0.title) }
        let people = state.participants.map { Person($0, in: agenda.language) }
        participants = people
        entries = state.entries.filter { $0.item == state.currentItem }.map { Entry($0, in: state, people: people) }
        pending = state.pendingSubmissions.count
        submissions = zip(state.submissions, state.submissionStatuses).map { RoomChange.SubmissionView($0, $1) }
        self.join = join
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
    init(_ entry: RollingStoneCore.Entry, in state: MeetingState, people: [RoomView.Person]) {
        self.init(
            number: entry.number, kind: entry.kind.rawValue, text: entry.text,
            participant: entry.participant.flatMap { id in people.first { $0.id == id } },
            lesson: entry.lesson, fromRoom: state.submissionOfEntry[entry.number] != nil)
    }
}
