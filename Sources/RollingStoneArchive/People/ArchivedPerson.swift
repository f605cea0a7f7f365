import RollingStoneCore

/// One participant across the meetings of an archive.
///
/// People are the same person when their names are the same without regard
/// to case or accents ("Stéphanie" and "stephanie") and they joined from the
/// same country: two Jan Jansens, one from the Netherlands and one from
/// Belgium, are two people. Namesakes from one country cannot be told apart
/// by the files; they are listed as one.
package struct ArchivedPerson: Sendable {
    /// The name as the latest meeting has it.
    package var name: String
    package var country: String
    /// Each meeting they joined, earliest first, with what they were there.
    package var attendances: [Attendance]

    package struct Attendance: Sendable {
        package var meeting: ArchivedMeeting
        package var participant: Participant
        /// Their live entries in that meeting.
        package var entries: [Entry]
    }

    /// Whether any meeting kept them out of the write-ups by name: then the
    /// who's who does too, everywhere.
    package var isPrivate: Bool {
        attendances.contains { $0.meeting.state.privateParticipants.contains($0.participant.id) }
    }

    /// Networks and roles as given, the latest first, each once.
    package var networks: [String] { distinct(attendances.reversed().compactMap(\.participant.network)) }
    package var roles: [String] { distinct(attendances.reversed().compactMap(\.participant.role)) }

    /// How many entries of each kind they gave, across meetings.
    package var counts: [EntryKind: Int] {
        attendances.flatMap(\.entries).reduce(into: [:]) { counts, entry in counts[entry.kind, default: 0] += 1 }
    }

    private func distinct(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.map(\.trimmingWhitespaceAndNewlines).filter { !$0.isEmpty && seen.insert($0.folded).inserted }
    }

    /// Everyone in `meetings` (earliest first), in the order they first came.
    package static func people(in meetings: [ArchivedMeeting]) -> [ArchivedPerson] {
        var order: [String] = []
        var byKey: [String: ArchivedPerson] = [:]
        for meeting in meetings {
            let state = meeting.state
            let entries = state.entries
            for participant in state.participants {
                let key = participant.name.trimmingWhitespaceAndNewlines.folded + "\u{0}" + participant.country
                let attendance = Attendance(meeting: meeting, participant: participant, entries: entries.filter { $0.participant == participant.id })
                if byKey[key] == nil {
                    order.append(key)
                    byKey[key] = ArchivedPerson(name: participant.name, country: participant.country, attendances: [])
                }
                byKey[key]?.name = participant.name
                byKey[key]?.attendances.append(attendance)
            }
        }
        return order.compactMap { byKey[$0] }
    }

    /// Whether every word of `query` starts a word of the name, case and
    /// accents aside: `stef` finds Stef Steyaert, `schro` Hannah Schröder.
    package func matches(_ query: String) -> Bool {
        name.hasWordsStarting(with: query)
    }
}
