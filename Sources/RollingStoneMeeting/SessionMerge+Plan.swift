import Foundation
import RollingStoneCore

extension SessionMerge {
    /// The events that bring `breakouts` into `main`, and what each breakout
    /// gave; pure, so tests can check it without files.
    ///
    /// Participants are the same person when their names match without
    /// regard to case or accents and their countries match; lessons are the
    /// same lesson when they are under the same item with the same title
    /// (so two groups' "Wat werkte" become one).
    static func plan(main: MergeInput, breakouts: [MergeInput]) throws(SessionMergeError) -> ([SessionEvent], [BreakoutResult]) {
        let mainHeader = main.file.header
        for breakout in breakouts {
            // Within 2 ms: a time read back from milliseconds may write back a
            // millisecond off, so a merge's header can be that far from its main's.
            if abs(breakout.file.header.created.timeIntervalSince(mainHeader.created)) < 0.002 {
                throw .mainSessionGivenAsBreakout(path: breakout.path)
            }
            if let difference = AgendaDifference.between(main: mainHeader.agenda, breakout: breakout.file.header.agenda) {
                throw .otherAgenda(path: breakout.path, main: main.path, difference: difference)
            }
        }
        var planner = Planner(state: main.file.state, time: main.file.state.lastEventTime)
        var known = main.mergedOrigins
        var results = breakouts.map {
            BreakoutResult(path: $0.path, entriesAdded: 0, entriesAlreadyIn: 0, participantsAdded: 0, lessonsAdded: 0, tornTail: $0.file.tornTail)
        }
        // A stable order of the breakouts, whatever order they were given in.
        let order = breakouts.indices.sorted { a, b in
            let (x, y) = (breakouts[a].file.header, breakouts[b].file.header)
            if x.created != y.created { return x.created < y.created }
            if breakouts[a].fileName != breakouts[b].fileName { return breakouts[a].fileName < breakouts[b].fileName }
            return a < b
        }

        var participantMaps: [Int: [Int: Int]] = [:]
        var lessonMaps: [Int: [Int: Int]] = [:]
        for index in order {
            let state = breakouts[index].file.state
            var participants: [Int: Int] = [:]
            for person in state.participants {
                if let same = planner.state.participants.first(where: { Self.isSamePerson($0, person) }) {
                    participants[person.id] = same.id
                } else {
                    var added = person
                    added.id = planner.state.nextParticipantID
                    try planner.add(.joined(added))
                    participants[person.id] = added.id
                    results[index].participantsAdded += 1
                }
            }
            participantMaps[index] = participants
            var lessons: [Int: Int] = [:]
            for lesson in state.lessons {
                if let same = planner.state.lessons.first(where: { $0.item == lesson.item && $0.title.folded == lesson.title.folded }) {
                    lessons[lesson.id] = same.id
                } else {
                    try planner.add(.lessonOpened(Lesson(id: planner.state.nextLessonID, title: lesson.title, item: lesson.item)))
                    lessons[lesson.id] = planner.state.nextLessonID - 1
                    results[index].lessonsAdded += 1
                }
            }
            lessonMaps[index] = lessons
        }

        // The merge step: each breakout's live entries in capture order,
        // the earliest head taken next; never a sort of one breakout's own.
        var queues: [(index: Int, entries: [(Entry, Date)], next: Int)] = order.map { index in
            let times = breakouts[index].captureTimes
            let created = breakouts[index].file.header.created
            return (index, breakouts[index].file.state.entries.map { ($0, times[$0.number] ?? created) }, 0)
        }
        while true {
            var best: Int?
            for (position, queue) in queues.enumerated() where queue.next < queue.entries.count {
                // `<`, not `<=`: at equal times the breakout earlier in `order` goes first.
                if best == nil || queue.entries[queue.next].1 < queues[best!].entries[queues[best!].next].1 { best = position }
            }
            guard let position = best else { break }
            let (entry, _) = queues[position].entries[queues[position].next]
            queues[position].next += 1
            let index = queues[position].index
            let origin =
                entry.origin
                ?? EntryOrigin(
                    session: breakouts[index].fileName, created: SessionTimestamp.string(from: breakouts[index].file.header.created),
                    number: entry.number)
            guard known.insert(OriginKey(origin)).inserted else {
                results[index].entriesAlreadyIn += 1
                continue
            }
            let merged = Entry(
                number: planner.state.nextEntryNumber, kind: entry.kind, text: entry.text,
                participant: entry.participant.flatMap { participantMaps[index]?[$0] }, item: entry.item,
                lesson: entry.lesson.flatMap { lessonMaps[index]?[$0] }, origin: origin)
            try planner.add(.captured(merged))
            results[index].entriesAdded += 1
        }

        // Opening a lesson makes it the one new captures go under: a resumed
        // meeting must not write its next tip into a breakout's lesson.
        if planner.state.currentLesson != main.file.state.currentLesson {
            try planner.add(.wentTo(item: main.file.state.currentItem))
        }
        return (planner.events, results)
    }

    /// The same person in two sessions: the same name without regard to
    /// case or accents (as `@NAME` matches), from the same country.
    static func isSamePerson(_ a: Participant, _ b: Participant) -> Bool {
        a.name.trimmingWhitespace.folded == b.name.trimmingWhitespace.folded && a.country.uppercased() == b.country.uppercased()
    }

    /// Events applied to a copy of the main session's state as they are
    /// planned, so numbers and ids follow on and each event is checked.
    private struct Planner {
        var state: MeetingState
        var time: Date
        var events: [SessionEvent] = []

        mutating func add(_ event: SessionEvent) throws(SessionMergeError) {
            do {
                try state.apply(SessionRecord(sequence: state.lastSequence + 1, time: time, event: event))
            } catch {
                // Planned events fit by construction; if one does not, nothing is written.
                throw .planDoesNotFit(error)
            }
            events.append(event)
        }
    }
}
