import Foundation
import RollingStoneTestSupport
import SessionGenerator
import Testing

@testable import RollingStoneCore
@testable import RollingStoneJournal
@testable import RollingStoneMeeting

/// Breakout sessions merged into the main one, over generated meetings:
/// nothing lost or doubled, each breakout's order kept, the same result in
/// any order, nothing added the second time, the inputs untouched.
@Suite struct SessionMergeTests {
    /// A main session of the first eight people and three breakouts of four,
    /// the last with four people the main session never saw, each laptop's
    /// clock off by minutes.
    struct Meeting {
        let folder: TemporaryFolder
        let main: URL
        let breakouts: [URL]

        init(seed: UInt64) throws {
            let folder = try TemporaryFolder()
            self.folder = folder
            main = folder.file("main.jsonl")
            var mainGenerator = SessionGenerator(entries: 20 + Int(seed % 7), seed: seed)
            mainGenerator.group = Array(0..<8)
            try mainGenerator.write(to: main)
            let groups = [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]
            let skews: [TimeInterval] = [-420 + Double(seed), 300, 95.5]
            breakouts = try groups.enumerated().map { index, group in
                let url = folder.file("groep-\(index + 1).jsonl")
                try SessionGenerator.breakout(
                    entries: 8 + Int((seed + UInt64(index)) % 9), seed: seed * 31 + UInt64(index) + 1, group: group, clockSkew: skews[index]
                ).write(to: url)
                return url
            }
        }
    }

    static let seeds: [UInt64] = [1, 2, 3, 5, 8, 13, 21, 34]

    @Test(arguments: seeds) func nothingIsLostOrDoubledAndEachBreakoutKeepsItsOrder(seed: UInt64) throws {
        let meeting = try Meeting(seed: seed)
        let before = try ([meeting.main] + meeting.breakouts).map { try Data(contentsOf: $0) }
        let outcome = try SessionMerge.merge(main: meeting.main, breakouts: meeting.breakouts)
        #expect(outcome.output == meeting.folder.file("main-merged.jsonl"))
        #expect(try ([meeting.main] + meeting.breakouts).map { try Data(contentsOf: $0) } == before, "an input changed")

        let merged = try SessionFile.read(at: outcome.output)
        let main = try SessionFile.read(at: meeting.main)
        #expect(merged.tornTail == nil)
        // The main session's own entries, as they were, first.
        #expect(Array(merged.state.entries.prefix(main.state.entries.count)) == main.state.entries)
        #expect(merged.state.participants.prefix(main.state.participants.count) == main.state.participants[...])

        for (index, url) in meeting.breakouts.enumerated() {
            let breakout = try SessionFile.read(at: url)
            let mine = merged.state.entries.filter { $0.origin?.session == url.lastPathComponent }
            // Each live entry once, in the breakout's own order, as it ended up.
            #expect(mine.map { $0.origin!.number } == breakout.state.entries.map(\.number))
            #expect(outcome.breakouts[index].entriesAdded == breakout.state.entries.count)
            for (copy, original) in zip(mine, breakout.state.entries) {
                #expect(copy.text == original.text && copy.kind == original.kind && copy.item == original.item)
                #expect(
                    copy.participant.flatMap { merged.state.participant($0)?.name } == original.participant.flatMap { breakout.state.participant($0)?.name })
                #expect(copy.lesson.flatMap { merged.state.lesson($0)?.title } == original.lesson.flatMap { breakout.state.lesson($0)?.title })
            }
        }
        // Four people were new to the main session, and nobody is there twice.
        let names = merged.state.participants.map { $0.name.folded + "|" + $0.country }
        #expect(Set(names).count == names.count)
        #expect(merged.state.participants.count == 12)
        // Numbers run on from the main session's, without gaps.
        #expect(merged.state.entries.filter { $0.origin != nil }.map(\.number) == Array(main.state.nextEntryNumber..<merged.state.nextEntryNumber))
    }

    @Test(arguments: seeds) func theOrderOfTheInputsDoesNotMatter(seed: UInt64) throws {
        let meeting = try Meeting(seed: seed)
        let orders = [[0, 1, 2], [2, 1, 0], [1, 2, 0], [2, 0, 1]]
        let outputs = try orders.enumerated().map { number, order in
            let output = meeting.folder.file("out-\(number).jsonl")
            _ = try SessionMerge.merge(main: meeting.main, breakouts: order.map { meeting.breakouts[$0] }, output: output)
            return try Data(contentsOf: output)
        }
        // Byte for byte: the same events, numbers and times.
        #expect(Set(outputs).count == 1)
    }

    @Test(arguments: seeds) func mergingAgainAddsNothing(seed: UInt64) throws {
        let meeting = try Meeting(seed: seed)
        let first = try SessionMerge.merge(main: meeting.main, breakouts: meeting.breakouts).output
        let again = try SessionMerge.merge(main: first, breakouts: meeting.breakouts.reversed() + [meeting.breakouts[1]])
        let once = try SessionFile.read(at: first).state
        let twice = try SessionFile.read(at: again.output).state
        #expect(again.output == meeting.folder.file("main-merged-merged.jsonl"))
        #expect(twice.entries == once.entries)
        #expect(twice.participants == once.participants)
        #expect(twice.lessons == once.lessons)
        #expect(again.breakouts.allSatisfy { $0.entriesAdded == 0 && $0.participantsAdded == 0 && $0.lessonsAdded == 0 })
        // A second merge of the same main session gets a name of its own.
        let other = try SessionMerge.merge(main: meeting.main, breakouts: [meeting.breakouts[0]])
        #expect(other.output == meeting.folder.file("main-merged-2.jsonl"))
    }

    @Test func aBreakoutsOwnOrderIsKeptWhenItsClockGoesBack() throws {
        let folder = try TemporaryFolder()
        let main = folder.file("main.jsonl")
        try SessionGenerator(entries: 10, seed: 7).write(to: main)
        var (header, records) = SessionGenerator.breakout(entries: 12, seed: 70, group: [0, 1], clockSkew: 60).records()
        // The laptop's clock was set back an hour halfway through.
        let half = records.count / 2
        for index in half..<records.count { records[index].time -= 3600 }
        header.created += 0.5
        let breakout = folder.file("b.jsonl")
        try Self.write(header, records, to: breakout)
        let other = folder.file("c.jsonl")
        try SessionGenerator.breakout(entries: 12, seed: 71, group: [2, 3], clockSkew: 30).write(to: other)

        let merged = try SessionFile.read(at: try SessionMerge.merge(main: main, breakouts: [other, breakout]).output).state
        let numbers = merged.entries.filter { $0.origin?.session == "b.jsonl" }.map { $0.origin!.number }
        #expect(numbers == numbers.sorted())
        #expect(numbers == (try SessionFile.read(at: breakout)).state.entries.map(\.number))
    }

    @Test func aTornTailInABreakoutMergesWhatIsReadableAndIsReported() throws {
        let meeting = try Meeting(seed: 4)
        let torn = meeting.breakouts[1]
        let handle = try FileHandle(forWritingTo: torn)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"at":"2026-03-14T13:00:00.000Z","entry":{"item":1,"kind":"tip","number":9"#.utf8))
        try handle.close()
        let before = try Data(contentsOf: torn)
        let outcome = try SessionMerge.merge(main: meeting.main, breakouts: meeting.breakouts)
        #expect(outcome.breakouts[1].tornTail != nil)
        #expect(outcome.breakouts[0].tornTail == nil)
        let readable = try SessionFile.read(at: torn)
        #expect(outcome.breakouts[1].entriesAdded == readable.state.entries.count)
        #expect(try Data(contentsOf: torn) == before, "the torn breakout was changed")
        #expect(try SessionFile.read(at: outcome.output).tornTail == nil)
    }

    @Test func aSessionOfAnotherAgendaIsRefusedAndNothingIsWritten() throws {
        let meeting = try Meeting(seed: 9)
        var (header, records) = SessionGenerator(entries: 5, seed: 90).records()
        header.agenda.items[2].title = "Iets anders"
        header.created += 1
        let stranger = meeting.folder.file("elders.jsonl")
        try Self.write(header, records, to: stranger)
        #expect(
            throws: SessionMergeError.otherAgenda(
                path: stranger.path, main: meeting.main.path,
                difference: .itemTitle(index: 2, main: "Geld en onafhankelijkheid", breakout: "Iets anders"))
        ) {
            try SessionMerge.merge(main: meeting.main, breakouts: [meeting.breakouts[0], stranger])
        }
        #expect(!FileManager.default.fileExists(atPath: meeting.folder.path("main-merged.jsonl")))
    }

    @Test func theMainSessionOrAMergeOfItIsNoBreakout() throws {
        let meeting = try Meeting(seed: 10)
        let merged = try SessionMerge.merge(main: meeting.main, breakouts: meeting.breakouts).output
        #expect(throws: SessionMergeError.mainSessionGivenAsBreakout(path: merged.path)) {
            try SessionMerge.merge(main: meeting.main, breakouts: [merged])
        }
        #expect(throws: SessionMergeError.mainSessionGivenAsBreakout(path: meeting.main.path)) {
            try SessionMerge.merge(main: meeting.main, breakouts: [meeting.main])
        }
    }

    @Test func participantsMatchWithoutRegardToCaseOrAccentsButByCountry() throws {
        let folder = try TemporaryFolder()
        let main = folder.file("main.jsonl")
        try SessionGenerator(entries: 5, seed: 11).write(to: main)  // Hannah Schröder, DE among them
        let header = SessionHeader(created: Date(timeIntervalSince1970: 1_773_490_000), agenda: SessionGenerator.agenda)
        let t = header.created
        let records: [SessionRecord] = [
            .init(sequence: 1, time: t, event: .opened),
            .init(sequence: 2, time: t, event: .joined(Participant(id: 1, name: "hannah SCHRODER", country: "DE"))),
            .init(sequence: 3, time: t, event: .joined(Participant(id: 2, name: "Hannah Schröder", country: "AT"))),
            .init(sequence: 4, time: t + 1, event: .captured(Entry(number: 1, kind: .tip, text: "Een", participant: 1, item: 1))),
            .init(sequence: 5, time: t + 2, event: .captured(Entry(number: 2, kind: .tip, text: "Twee", participant: 2, item: 1))),
        ]
        let breakout = folder.file("b.jsonl")
        try Self.write(header, records, to: breakout)
        let outcome = try SessionMerge.merge(main: main, breakouts: [breakout])
        let state = try SessionFile.read(at: outcome.output).state
        #expect(outcome.breakouts[0].participantsAdded == 1)
        let tips = state.entries.filter { $0.origin != nil }
        #expect(tips.map { state.participant($0.participant!)!.name } == ["Hannah Schröder", "Hannah Schröder"])
        #expect(tips.map { state.participant($0.participant!)!.country } == ["DE", "AT"])
    }

    @Test func theMergedSessionResumesAndTakesNewEntriesOutsideBreakoutLessons() throws {
        let meeting = try Meeting(seed: 12)
        let output = try SessionMerge.merge(main: meeting.main, breakouts: meeting.breakouts).output
        let journal = try SessionJournal.open(at: output)
        defer { journal.close() }
        #expect(journal.state.currentLesson == nil)
        let number = journal.state.nextEntryNumber
        try journal.append(.captured(Entry(number: number, kind: .tip, text: "Na de pauze", item: journal.state.currentItem)), at: Date())
        #expect(try SessionFile.read(at: output).state.entry(number)?.text == "Na de pauze")
    }

    static func write(_ header: SessionHeader, _ records: [SessionRecord], to url: URL) throws {
        let encoder = SessionJournal.makeEncoder()
        var data = try encoder.encode(header) + [0x0A]
        for record in records { data += try encoder.encode(record) + [0x0A] }
        try data.write(to: url)
    }
}
