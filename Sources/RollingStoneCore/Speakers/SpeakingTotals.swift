import Foundation

/// Who was heard how much: turns and seconds by person and by country, and
/// who joined but never had the floor. What `q stats` and the report show,
/// each in its own words.
package struct SpeakingTotals: Equatable, Sendable {
    /// One participant's turns.
    package struct Person: Equatable, Sendable {
        package var participant: Participant
        package var total: SpeakerQueue.Total
    }

    /// The turns of everyone from one country.
    package struct Country: Equatable, Sendable {
        /// ISO 3166-1 alpha-2 code.
        package var code: String
        package var total: SpeakerQueue.Total
    }

    /// Those who spoke, most seconds first, then in the order they joined.
    package var people: [Person]
    /// Countries whose participants spoke, most seconds first, then by code.
    package var countries: [Country]
    /// Participants who joined and have had no turn, in the order they joined.
    package var unheard: [Participant]
    /// Every turn together.
    package var all: SpeakerQueue.Total

    /// The totals of `state`, counting a turn under way up to `now` (the
    /// last event when `nil`, as a report does).
    package init(_ state: MeetingState, now: Date? = nil) {
        let byID = state.speakers.totals(now: now ?? state.lastEventTime)
        var people: [Person] = []
        var unheard: [Participant] = []
        var byCountry: [String: SpeakerQueue.Total] = [:]
        for participant in state.participants {
            guard let total = byID[participant.id] else {
                unheard.append(participant)
                continue
            }
            people.append(Person(participant: participant, total: total))
            byCountry[participant.country, default: .init()].turns += total.turns
            byCountry[participant.country, default: .init()].seconds += total.seconds
        }
        // A stable sort keeps the join order among equals.
        self.people = people.enumerated().sorted { left, right in
            left.element.total.seconds != right.element.total.seconds
                ? left.element.total.seconds > right.element.total.seconds : left.offset < right.offset
        }.map(\.element)
        countries = byCountry.map { Country(code: $0.key, total: $0.value) }.sorted { left, right in
            left.total.seconds != right.total.seconds ? left.total.seconds > right.total.seconds : left.code < right.code
        }
        self.unheard = unheard
        all = SpeakerQueue.Total(turns: people.reduce(0) { $0 + $1.total.turns }, seconds: people.reduce(0) { $0 + $1.total.seconds })
    }
}
