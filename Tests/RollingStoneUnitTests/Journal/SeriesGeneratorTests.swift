import Foundation
import RollingStoneArchive
import RollingStoneCore
import RollingStoneJournal
import RollingStoneTestSupport
import SessionGenerator
import Testing

/// The generator of whole archives the benchmarks and the archive's tests
/// share: every file reads back, each series numbers its meetings in date
/// order, people come back, and an action is only ever done in a later
/// meeting of its own series while it was still open.
@Suite struct SeriesGeneratorTests {
    /// Every file of every size reads back whole and fits the series it is
    /// part of.
    @Test(arguments: Array(UInt64(0)..<20))
    func everyArchiveReadsBackAsASeries(seed: UInt64) throws {
        for sessions in [1, 5, 12] {
            for entries in [0, 1, 30, 300] {
                let folder = try TemporaryFolder()
                try SeriesGenerator(sessions: sessions, entriesPerSession: entries, seed: seed).write(to: folder.url)
                let context = "seed \(seed), \(sessions) × \(entries)"
                let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
                #expect(names.count == sessions, "\(context)")
                for name in names {
                    let file = try SessionFile.read(at: folder.file(name))
                    #expect(file.tornTail == nil, "\(context): \(name)")
                    // Entries are numbered #1…#N, whatever was deleted or undone since.
                    #expect(file.state.nextEntryNumber - 1 == entries, "\(context): \(name)")
                    #expect(file.state.hasEnded, "\(context): \(name)")
                    #expect(name == Self.fileName(of: file.header.agenda), "\(context)")
                    #expect((8...20).contains(file.state.nextParticipantID - 1), "\(context): \(name)")
                }
                let archive = try SessionArchive.read(folder: folder.url)
                #expect(archive.problems.isEmpty, "\(context)")
                #expect(archive.meetings.count == sessions, "\(context)")
                try expectSeries(archive, context: context)
                let closings = try expectActionsDoneWhileOpen(archive, context: context)
                if sessions == 12 && entries >= 30 { #expect(closings > 0, "\(context): no action was done in a later meeting") }
                if sessions >= 3 {
                    let attendance = Self.attendance(archive)
                    #expect(attendance.values.contains { $0 >= 2 }, "\(context): nobody came back")
                }
            }
        }
    }

    @Test func theSameSeedGivesTheSameArchiveAndAnotherSeedAnother() throws {
        let first = try files(sessions: 9, entries: 40, seed: 5)
        #expect(first.count == 9)
        #expect(first == (try files(sessions: 9, entries: 40, seed: 5)))
        #expect(first != (try files(sessions: 9, entries: 40, seed: 6)))
        // What is written is what `meetings()` gives without writing.
        let folder = try TemporaryFolder()
        try SeriesGenerator(sessions: 9, entriesPerSession: 40, seed: 5).write(to: folder.url)
        var made = 0
        for meeting in SeriesGenerator(sessions: 9, entriesPerSession: 40, seed: 5).meetings() {
            let url = folder.file(meeting.fileName)
            #expect(try SessionFile.read(at: url).header == meeting.header)
            #expect(try Self.records(at: url).map(\.event) == meeting.records.map(\.event))
            made += 1
        }
        #expect(made == 9)
    }

    /// An archive of sixty short meetings has what a real series has:
    /// every series, themes that come back under other titles, hosts that
    /// take turns, regulars and people who came once or twice, accents.
    @Test func aLongerArchiveHasWhatARealOneHas() throws {
        let folder = try TemporaryFolder()
        try SeriesGenerator(sessions: 60, entriesPerSession: 20, seed: 2012).write(to: folder.url)
        let archive = try SessionArchive.read(folder: folder.url)
        #expect(archive.meetings.count == 60)
        try expectSeries(archive, context: "60 × 20")
        #expect(try expectActionsDoneWhileOpen(archive, context: "60 × 20") >= 10)

        let series = Dictionary(grouping: archive.meetings) { $0.agenda.series ?? "" }
        #expect(Set(series.keys) == Set(SeriesGenerator.seriesNames))
        #expect(Set(archive.meetings.map(\.agenda.language)) == [.nl, .en])
        for (name, meetings) in series {
            let hosts = meetings.sorted { $0.agenda.number! < $1.agenda.number! }.map { $0.agenda.host?.name }
            #expect(Set(hosts).count > 1, "\(name)")
            #expect(zip(hosts, hosts.dropFirst()).allSatisfy { $0 != $1 }, "\(name): one host twice in a row")
            #expect(Set(meetings.map(\.agenda.venue)).count > 1, "\(name)")
            // Variants of a theme meet under its key.
            let titlesByKey = Dictionary(grouping: meetings.flatMap { $0.agenda.items.filter(\.theme).map(\.title) }, by: ThemeKey.init(title:))
            #expect(titlesByKey.values.contains { Set($0).count >= 2 }, "\(name): no theme came back under another title")
        }

        let attendance = Self.attendance(archive).values
        #expect(attendance.max()! >= 15)
        #expect(attendance.min()! <= 2)
        let participants = archive.meetings.flatMap(\.state.participants)
        #expect(Set(participants.map(\.country)).count >= 6)
        #expect(participants.filter { $0.country == "NL" || $0.country == "BE" }.count * 2 > participants.count)
        #expect(participants.contains { !$0.name.unicodeScalars.allSatisfy(\.isASCII) })
        for language in [MeetingLanguage.nl, .en] {
            let texts = archive.meetings.filter { $0.agenda.language == language }.flatMap(\.state.entries).map(\.text)
            #expect(texts.contains { !$0.unicodeScalars.allSatisfy(\.isASCII) }, "\(language): no accented words")
        }
        let events = try archive.meetings.flatMap { try Self.records(at: $0.url) }.map(\.event)
        #expect(events.contains { if case .madePrivate = $0 { true } else { false } })
    }

    @Test func oneSeriesTakesEveryMeeting() throws {
        let folder = try TemporaryFolder()
        try SeriesGenerator(sessions: 7, entriesPerSession: 5, seed: 3, seriesCount: 1).write(to: folder.url)
        let archive = try SessionArchive.read(folder: folder.url)
        #expect(Set(archive.meetings.map(\.agenda.series)).count == 1)
        #expect(archive.meetings.compactMap(\.agenda.number) == Array(1...7))
        try expectSeries(archive, context: "one series")
    }

    // MARK: Checks

    /// Each series' meetings are numbered 1…n in the order of their dates,
    /// on an agenda of a welcome, two to four distinct themes and a closing.
    private func expectSeries(_ archive: SessionArchive, context: String) throws {
        for (name, meetings) in Dictionary(grouping: archive.meetings, by: { $0.agenda.series ?? "" }) {
            let numbered = meetings.sorted { ($0.agenda.number ?? 0) < ($1.agenda.number ?? 0) }
            #expect(numbered.map(\.agenda.number) == Array(1...numbered.count), "\(context): \(name)")
            let dates = numbered.map { $0.agenda.date ?? "" }
            #expect(zip(dates, dates.dropFirst()).allSatisfy { $0 < $1 }, "\(context): \(name) \(dates)")
            #expect(Set(numbered.map(\.agenda.language)).count == 1, "\(context): \(name)")
            for meeting in numbered {
                let items = meeting.agenda.items
                let themes = items.dropFirst().dropLast()
                #expect(!items.first!.theme && !items.last!.theme, "\(context): \(meeting.url.lastPathComponent)")
                #expect((2...4).contains(themes.count) && themes.allSatisfy(\.theme), "\(context): \(meeting.url.lastPathComponent)")
                #expect(Set(themes.map { ThemeKey(title: $0.title) }).count == themes.count, "\(context): a theme twice")
            }
        }
    }

    /// Replays each meeting and, before each closing of an action, asks
    /// the archive which actions of the series were open then: the closed
    /// one must be among them, with its text and owner as they stood.
    /// Returns how many closings there were.
    private func expectActionsDoneWhileOpen(_ archive: SessionArchive, context: String) throws -> Int {
        var closings = 0
        for meeting in archive.meetings {
            let earlier = archive.meetings.filter { $0.agenda.isEarlier(inSeriesOf: meeting.agenda) }
            var state = MeetingState(header: meeting.state.header)
            for record in try Self.records(at: meeting.url) {
                if case .actionDone(let action) = record.event {
                    let open = CarriedActions.open(before: state, in: earlier)
                    #expect(open.contains(action), "\(context): \(meeting.url.lastPathComponent) closes \(action.label), not open then")
                    closings += 1
                }
                try state.apply(record)
            }
        }
        return closings
    }

    // MARK: Helpers

    /// The bytes of every file of an archive, by name.
    private func files(sessions: Int, entries: Int, seed: UInt64) throws -> [String: Data] {
        let folder = try TemporaryFolder()
        try SeriesGenerator(sessions: sessions, entriesPerSession: entries, seed: seed).write(to: folder.url)
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.url.path) {
            files[name] = try Data(contentsOf: folder.file(name))
        }
        return files
    }

    /// The events of the session file at `url`, as written.
    private static func records(at url: URL) throws -> [SessionRecord] {
        let lines = try Data(contentsOf: url).split(separator: 0x0A).dropFirst()
        return try lines.map { try JSONDecoder().decode(SessionRecord.self, from: Data($0)) }
    }

    /// How many meetings each person joined, by name; a person is the same
    /// name, country and network everywhere.
    private static func attendance(_ archive: SessionArchive) -> [String: Int] {
        var count: [String: Int] = [:]
        var seen: [String: Participant] = [:]
        for participant in archive.meetings.flatMap(\.state.participants) {
            count[participant.name, default: 0] += 1
            if let before = seen.updateValue(participant, forKey: participant.name) {
                #expect(before.country == participant.country && before.network == participant.network, "\(participant.name)")
            }
        }
        return count
    }

    /// "rollingstone-007-2013-02-14.jsonl": the series in lower case, the
    /// number, the date.
    private static func fileName(of agenda: Agenda) -> String {
        let series = (agenda.series ?? "").lowercased().replacingOccurrences(of: " ", with: "-")
        return "\(series)-\(String(format: "%03d", agenda.number ?? 0))-\(agenda.date ?? "").jsonl"
    }
}
