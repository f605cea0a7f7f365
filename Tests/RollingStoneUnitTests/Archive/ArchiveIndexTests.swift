import Foundation
import GRDB
import RollingStoneTestSupport
import Testing

@testable import RollingStoneArchive
@testable import RollingStoneCore
@testable import RollingStoneJournal
@testable import RollingStoneMeeting
@testable import SessionGenerator

/// The index is derived from the session files and never trusted over
/// them: whatever happened to a file or to the index, its answers are
/// those of an index built afresh from the files as they are now.
@Suite struct ArchiveIndexTests {
    static func agenda(_ number: Int, _ date: String, host: String) -> Agenda {
        Agenda(
            title: "Bijeenkomst \(number)", series: "RollingStone", number: number, date: date, language: .nl, host: .init(name: host),
            items: [
                AgendaItem(title: "Welkom", minutes: 10), AgendaItem(title: "Geld en onafhankelijkheid", minutes: 30, theme: true),
                AgendaItem(title: "Veerkracht", minutes: 30, theme: true),
            ])
    }

    /// Meeting 1 in Gouda (accents, a prefix to find) and meeting 2 in Leiden.
    static func firstMeeting() throws -> MeetingBuilder {
        var builder = try MeetingBuilder(agenda: agenda(1, "2012-06-12", host: "GoudaBruist"))
        let wout = try builder.join("Wout Claes", "BE", network: "Gent Samen")
        let femke = try builder.join("Femke Visser", "NL", network: "GoudaBruist")
        try builder.goTo(item: 1)
        _ = try builder.lesson("Geld volgt vertrouwen")
        _ = try builder.capture(.tip, "Zoek een medefinancier in België, niet alleen subsidie", by: wout)
        _ = try builder.capture(.note, "Het café op de hoek wil ruimte geven", by: femke)
        try builder.goTo(item: 2)
        _ = try builder.capture(.quote, "Veerkracht is samen doorgaan", by: femke)
        _ = try builder.capture(.action, "Een coöperatie opzetten voor de buurt", by: wout)
        return builder
    }

    static func secondMeeting() throws -> MeetingBuilder {
        var builder = try MeetingBuilder(agenda: agenda(2, "2012-09-26", host: "Stadslab Leiden"))
        let hannah = try builder.join("Hannah Schröder", "DE", network: "Stadtteilnetz Köln")
        try builder.goTo(item: 1)
        _ = try builder.capture(.tip, "Medefinanciering vraagt een plan op papier", by: hannah)
        _ = try builder.capture(.idea, "Een buurtfonds zoals in Köln")
        return builder
    }

    static func write(_ builder: MeetingBuilder, to url: URL) throws {
        try Data(try builder.sessionFileBytes()).write(to: url)
    }

    /// A folder with both meetings as files.
    static func archive() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try write(firstMeeting(), to: folder.file("2012-06-12-gouda.jsonl"))
        try write(secondMeeting(), to: folder.file("2012-09-26-leiden.jsonl"))
        return folder
    }

    static let queries: [SearchQuery] = [
        SearchQuery(words: "medefin"), SearchQuery(words: "belgie"), SearchQuery(words: "cafe"), SearchQuery(words: "cooperatie"),
        SearchQuery(words: "veerkracht"), SearchQuery(words: "koln"), SearchQuery(words: "plan", kind: .tip),
        SearchQuery(words: "", person: "schroder"), SearchQuery(words: "", theme: "geld"), SearchQuery(words: "een"),
    ]

    /// Every query's answer, as text to compare.
    static func answers(_ folder: URL) throws -> [String] {
        let index = try ArchiveIndex.open(folder: folder)
        return try queries.map { query in
            let results = try index.search(query)
            return "\(results.total): " + results.hits.map { "\($0.meeting.file)|\($0.kind)|\($0.text)|\($0.person ?? "-")|\($0.item)" }.joined(separator: "; ")
        }
    }

    /// The answers of an index built from nothing on copies of the folder's sessions.
    static func freshAnswers(_ folder: URL) throws -> [String] {
        let fresh = try TemporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".jsonl") {
            try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: fresh.file(name))
        }
        return try answers(fresh.url)
    }

    static func expectFresh(_ folder: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let kept = try answers(folder)
        #expect(kept == (try freshAnswers(folder)), sourceLocation: sourceLocation)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(ArchiveIndex.fileName).path), sourceLocation: sourceLocation)
    }

    @Test func accentsAndCaseAsideAndPrefixesFind() throws {
        let folder = try Self.archive()
        let index = try ArchiveIndex.open(folder: folder.url)
        #expect(try index.search(SearchQuery(words: "belgie")).hits.map(\.text) == ["Zoek een medefinancier in België, niet alleen subsidie"])
        #expect(try index.search(SearchQuery(words: "CAFE")).hits.map(\.text) == ["Het café op de hoek wil ruimte geven"])
        #expect(try index.search(SearchQuery(words: "coöp")).total == 1)
        let medefin = try index.search(SearchQuery(words: "medefin"))
        #expect(Set(medefin.hits.map(\.text)) == ["Zoek een medefinancier in België, niet alleen subsidie", "Medefinanciering vraagt een plan op papier"])
        #expect(try index.search(SearchQuery(words: "medefin belg")).total == 1)
        #expect(try index.search(SearchQuery(words: "financier")).total == 0)
        // A word typed with a hyphen is its parts in that order, not each anywhere.
        #expect(try index.search(SearchQuery(words: "niet-alleen")).total == 1)
        #expect(try index.search(SearchQuery(words: "alleen-niet")).total == 0)
        let hit = try #require(try index.search(SearchQuery(words: "belgie")).hits.first)
        #expect(hit.meeting.number == 1 && hit.meeting.host == "GoudaBruist" && hit.item == "Geld en onafhankelijkheid")
        #expect(hit.lesson == "Geld volgt vertrouwen" && hit.person == "Wout Claes" && hit.country == "BE" && hit.network == "Gent Samen")
    }

    @Test func kindPersonAndThemeNarrowDown() throws {
        let folder = try Self.archive()
        let index = try ArchiveIndex.open(folder: folder.url)
        #expect(try index.search(SearchQuery(words: "een", kind: .action)).hits.map(\.text) == ["Een coöperatie opzetten voor de buurt"])
        #expect(try index.search(SearchQuery(words: "", person: "femke")).total == 2)
        #expect(try index.search(SearchQuery(words: "", person: "schro")).hits.map(\.person) == ["Hannah Schröder"])
        #expect(try index.search(SearchQuery(words: "een", theme: "veer")).hits.map(\.kind) == [.action])
        #expect(try index.search(SearchQuery(words: "geld", kind: .lesson)).hits.map(\.text) == ["Geld volgt vertrouwen"])
        #expect(try index.search(SearchQuery(words: "een", series: "Other series")).total == 0)
        #expect(try index.search(SearchQuery(words: "een", limit: 2)).hits.count == 2)
    }

    /// A search ranks from the full-text table alone, then joins the best;
    /// narrowed to a series it joins every match first. On a generated
    /// series, where many short entries tie in rank, both give the same.
    @Test(arguments: [1, 3, 8, 20, 200])
    func theQuickAndTheThoroughWayAgree(limit: Int) throws {
        let folder = try TemporaryFolder()
        try SeriesGenerator(sessions: 8, entriesPerSession: 40, seed: 7, seriesCount: 1).write(to: folder.url)
        let index = try ArchiveIndex.open(folder: folder.url)
        let series = try #require(SeriesGenerator.seriesNames.first)
        for words in ["medefin", "buurt", "cafe", "een", "geld plan"] {
            let quick = try index.search(SearchQuery(words: words, limit: limit))
            let thorough = try index.search(SearchQuery(words: words, series: series, limit: limit))
            #expect(quick == thorough, "\(words), limit \(limit)")
            #expect(quick.hits.count == min(limit, quick.total))
        }
    }

    /// Whatever is typed is words, never FTS5's query syntax.
    @Test(arguments: ["\"", "AND", "*", "NEAR(a b)", "-cafe", "text:cafe", "^cafe", "café OR", "(((", "'", "\u{0}", "🙂", ""])
    func typedSyntaxIsOnlyWords(words: String) throws {
        let folder = try Self.archive()
        let results = try ArchiveIndex.open(folder: folder.url).search(SearchQuery(words: words))
        let expected = String.foldedWords(words)
        if expected.isEmpty { #expect(results.total == 0) }
        #expect(results.hits.allSatisfy { hit in expected.allSatisfy { word in String.foldedWords(hit.text).contains { $0.hasPrefix(word) } } })
    }

    @Test func aChangedSessionIsReadAgain() throws {
        let folder = try Self.archive()
        _ = try Self.answers(folder.url)
        var builder = try Self.secondMeeting()
        let tip = try builder.capture(.tip, "Nodig de wethouder uit in het café")
        try builder.edit(tip, to: "Nodig de wethouder uit in het buurthuis")
        try Self.write(builder, to: folder.file("2012-09-26-leiden.jsonl"))
        let index = try ArchiveIndex.open(folder: folder.url)
        #expect(try index.search(SearchQuery(words: "buurthuis")).total == 1)
        #expect(try index.search(SearchQuery(words: "wethouder cafe")).total == 0)
        try Self.expectFresh(folder.url)
    }

    @Test func anExtendedSessionOfTheSameSizeClassIsReadAgain() throws {
        let folder = try Self.archive()
        _ = try Self.answers(folder.url)
        let url = folder.file("2012-06-12-gouda.jsonl")
        // Appended in place, as a running meeting does: same inode.
        var builder = try Self.firstMeeting()
        _ = try builder.capture(.note, "Koffie in het dorpshuis")
        let handle = try FileHandle(forWritingTo: url)
        let old = try Data(contentsOf: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(try builder.sessionFileBytes()).dropFirst(old.count))
        try handle.close()
        #expect(try ArchiveIndex.open(folder: folder.url).search(SearchQuery(words: "dorpshuis")).total == 1)
        try Self.expectFresh(folder.url)
    }

    @Test func aTruncatedSessionAnswersAsItNowIs() throws {
        let folder = try Self.archive()
        #expect(try ArchiveIndex.open(folder: folder.url).search(SearchQuery(words: "cooperatie")).total == 1)
        let url = folder.file("2012-06-12-gouda.jsonl")
        let lines = try Data(contentsOf: url).split(separator: 0x0A, omittingEmptySubsequences: false)
        // Cut in the middle of the line before the action's: a torn tail, as after a crash.
        let kept = lines.prefix(lines.count - 4).joined(separator: [0x0A]) + Data([0x0A]) + lines[lines.count - 4].prefix(10)
        try Data(kept).write(to: url)
        #expect(try ArchiveIndex.open(folder: folder.url).search(SearchQuery(words: "cooperatie")).total == 0)
        try Self.expectFresh(folder.url)
    }

    @Test func aReplacedSessionIsAnotherMeeting() throws {
        let folder = try Self.archive()
        _ = try Self.answers(folder.url)
        // Another meeting renamed over the first one's file.
        let other = folder.file(".other.tmp")
        try Self.write(Self.secondMeeting(), to: other)
        #expect(rename(other.path, folder.path("2012-06-12-gouda.jsonl")) == 0)
        let index = try ArchiveIndex.open(folder: folder.url)
        #expect(try index.search(SearchQuery(words: "belgie")).total == 0)
        #expect(
            try index.search(SearchQuery(words: "medefinanciering")).hits.map(\.meeting.file).sorted() == [
                "2012-06-12-gouda.jsonl", "2012-09-26-leiden.jsonl",
            ])
        try Self.expectFresh(folder.url)
    }

    @Test func aDeletedSessionIsGone() throws {
        let folder = try Self.archive()
        _ = try Self.answers(folder.url)
        try FileManager.default.removeItem(at: folder.file("2012-09-26-leiden.jsonl"))
        #expect(try ArchiveIndex.open(folder: folder.url).search(SearchQuery(words: "koln")).total == 0)
        try Self.expectFresh(folder.url)
    }

    @Test func aBrokenSessionIsNamedAndTheRestAnswers() throws {
        let folder = try Self.archive()
        try Data("not a session\n".utf8).write(to: folder.file("broken.jsonl"))
        let index = try ArchiveIndex.open(folder: folder.url)
        #expect(try index.problems().count == 1)
        #expect(try index.problems().first?.contains("broken.jsonl") == true)
        #expect(try index.search(SearchQuery(words: "medefin")).total == 2)
    }

    /// Garbage over the whole file, a file cut short, and pages damaged in
    /// the middle: each is found out and the index built again.
    @Test(arguments: ["garbage", "truncated", "damaged"])
    func aCorruptIndexIsBuiltAgain(damage: String) throws {
        let folder = try Self.archive()
        let expected = try Self.answers(folder.url)
        let path = folder.path(ArchiveIndex.fileName)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        switch damage {
        case "garbage": bytes = Data(repeating: 0x5A, count: bytes.count)
        case "truncated": bytes = bytes.prefix(bytes.count / 3)
        default: bytes.replaceSubrange(4096..<min(bytes.count, 4096 * 6), with: Data(repeating: 0xFF, count: min(bytes.count, 4096 * 6) - 4096))
        }
        try bytes.write(to: URL(fileURLWithPath: path))
        #expect(try Self.answers(folder.url) == expected)
        #expect(try Self.freshAnswers(folder.url) == expected)
    }

    /// Damaged while a rollingstone has it open (the REPL between two
    /// searches): the next question finds out, and is answered from an
    /// index built again.
    @Test func anIndexDamagedWhileOpenIsBuiltAgainForTheNextQuestion() throws {
        let folder = try Self.archive()
        let index = try ArchiveIndex.open(folder: folder.url)
        #expect(try index.search(SearchQuery(words: "medefin")).total == 2)
        let path = folder.path(ArchiveIndex.fileName)
        let size = try Data(contentsOf: URL(fileURLWithPath: path)).count
        try Data(repeating: 0x5A, count: size).write(to: URL(fileURLWithPath: path))
        #expect(try index.search(SearchQuery(words: "medefin")).total == 2)
        #expect(try index.search(SearchQuery(words: "cafe")).hits.map(\.text) == ["Het café op de hoek wil ruimte geven"])
    }

    @Test func anIndexOfAnotherVersionIsBuiltAgain() throws {
        let folder = try Self.archive()
        let expected = try Self.answers(folder.url)
        let database = try DatabaseQueue(path: folder.path(ArchiveIndex.fileName))
        try database.write { db in
            try db.execute(sql: "DELETE FROM entry")
            try db.execute(sql: "PRAGMA user_version = 99")
        }
        try database.close()
        #expect(try Self.answers(folder.url) == expected)
    }

    /// Only what changed is read again: an untouched session's rows stay.
    @Test func onlyChangedFilesAreReadAgain() throws {
        let folder = try Self.archive()
        let index = try ArchiveIndex.open(folder: folder.url)
        #expect(try index.refresh() == 0)
        var builder = try Self.secondMeeting()
        _ = try builder.capture(.note, "Nog een notitie")
        try Self.write(builder, to: folder.file("2012-09-26-leiden.jsonl"))
        #expect(try index.refresh() == 1)
        #expect(try index.refresh() == 0)
    }

    /// A meeting under way holds its file's lock and appends to it: search
    /// reads it as it stands, and again after each change.
    @Test func aSessionOpenInARunningMeetingCanBeSearched() throws {
        let folder = try Self.archive()
        let journal = try SessionJournal.create(
            at: folder.file("2012-11-24-amsterdam.jsonl"), agenda: Self.agenda(3, "2012-11-24", host: "Makassarplein"), now: Date())
        let meeting = Meeting(journal: journal)
        defer { meeting.close() }
        try meeting.open()
        let pieter = try meeting.join(name: "Pieter Bakker", country: "NL")
        _ = try meeting.go(to: .item(1))
        _ = try meeting.capture(.tip, text: "Een wijkfonds met een medefinancier", by: pieter.id)
        #expect(try ArchiveIndex.open(folder: folder.url).search(SearchQuery(words: "wijkfonds")).hits.map(\.person) == ["Pieter Bakker"])
        _ = try meeting.capture(.tip, text: "Het wijkfonds jaarlijks laten kiezen", by: nil)
        #expect(try ArchiveIndex.open(folder: folder.url).search(SearchQuery(words: "wijkfonds")).total == 2)
        #expect(try ArchiveIndex.open(folder: folder.url).search(SearchQuery(words: "medefin")).total == 3)
    }

    @Test func aPrivatePersonIsNotFoundByNameNorShown() throws {
        let folder = try TemporaryFolder()
        var builder = try Self.firstMeeting()
        let wout = try #require(builder.state.participants.first { $0.name == "Wout Claes" })
        try builder.record(.madePrivate(participant: wout.id))
        try Self.write(builder, to: folder.file("gouda.jsonl"))
        let index = try ArchiveIndex.open(folder: folder.url)
        #expect(try index.search(SearchQuery(words: "", person: "wout")).total == 0)
        let hit = try #require(try index.search(SearchQuery(words: "belgie")).hits.first)
        #expect(hit.isPrivate && hit.person == nil && hit.network == nil && hit.country == "BE")
    }

    /// Where no index file can be made (a read-only stick; here, as root
    /// writes anywhere, a folder in the index file's place), one is built
    /// in memory for the run, and says so.
    @Test func whereNoIndexCanBeKeptOneIsBuiltInMemory() throws {
        let folder = try Self.archive()
        try FileManager.default.createDirectory(at: folder.file(ArchiveIndex.fileName), withIntermediateDirectories: false)
        let index = try ArchiveIndex.open(folder: folder.url)
        guard case .memory(let reason) = index.location else {
            Issue.record("kept in \(index.location)")
            return
        }
        #expect(reason != nil)
        #expect(try index.search(SearchQuery(words: "medefin")).total == 2)
    }

    @Test func newSessionsHaveAnIDAndOldOnesOneDerivedFromTheirHeader() throws {
        let folder = try TemporaryFolder()
        let journal = try SessionJournal.create(at: folder.file("new.jsonl"), agenda: Self.agenda(4, "2013-02-14", host: "Gent"), now: Date())
        journal.close()
        let created = try SessionFile.read(at: folder.file("new.jsonl")).state.header
        #expect(created.id?.count == 36 && created.identity == created.id)
        let old = try Self.firstMeeting().state.header
        #expect(old.id == nil)
        let again = try Self.firstMeeting().state.header
        #expect(old.identity.hasPrefix("derived-") && old.identity == again.identity)
        var renamed = old
        renamed.agenda.host = .init(name: "N.N.")
        #expect(renamed.identity == old.identity)
        renamed.agenda.number = 5
        #expect(renamed.identity != old.identity)
    }
}
