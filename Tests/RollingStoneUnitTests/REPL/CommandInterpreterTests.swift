import Foundation
import RollingStoneTestSupport
import Testing

@testable import RollingStoneCore
@testable import RollingStoneJournal
@testable import RollingStoneMeeting
@testable import RollingStoneREPL
@testable import RollingStoneReport

@Suite struct CommandInterpreterTests {
    @Test func capturesAreAttributedAndPlacedUnderTheLesson() throws {
        let meeting = try TestMeeting()
        meeting.run("join Stef Steyaert, België, Lab van Troje, special guest", "join Hannah Schröder, DE, Stadtteilnetz")
        let replies = meeting.run("next", "lesson Verkoop je ziel niet", "tip @stef Wees partner, geen subsidievrager", "gewoon een notitie")
        #expect(replies.allSatisfy { !$0.isError })
        #expect(replies[2].text == "#1 tip by Stef Steyaert, under \"Verkoop je ziel niet\"")
        #expect(replies[3].text == "#2 note (not a command), under \"Verkoop je ziel niet\"")
        let entries = try meeting.replayed().entries
        #expect(entries.map(\.text) == ["Wees partner, geen subsidievrager", "gewoon een notitie"])
        #expect(entries[0].participant == 1 && entries[0].item == 1 && entries[0].lesson == 1)
    }

    @Test func errorsCaptureNothing() throws {
        let meeting = try TestMeeting()
        meeting.run("join Jan Jansen, NL", "join Jan Janssen, NL")
        let replies = meeting.run(
            "tip @ja iets", "tip @piet iets", "quote zonder spreker", "join Bob, Atlantis", "join Jan Jansen, BE", "lesson Te vroeg", "edit #4 x", "undo",
            "undo", "undo")
        #expect(replies[0].isError && replies[0].text.contains("Jan Jansen, Jan Janssen"))
        #expect(replies[1].isError)
        #expect(replies[2].isError && replies[2].text.contains("quote @NAME"))
        #expect(replies[3].isError && replies[3].text.hasPrefix("Unknown country 'Atlantis'"))
        #expect(replies[4].isError && replies[4].text.contains("already joined"))
        #expect(replies[5].isError && replies[5].text.contains("not a theme"))
        #expect(replies[6].isError && replies[6].text.contains("no entry #4"))
        // Two joins to undo, then nothing.
        #expect(replies[7].text == "Undone: join of Jan Janssen.")
        #expect(replies[9].isError && replies[9].text == "Nothing to undo.")
        #expect(try meeting.replayed().entries.isEmpty)
    }

    @Test func mentionsFollowJoinsAndUndoneJoins() throws {
        let meeting = try TestMeeting()
        meeting.run("join Anna Peeters, BE", "tip @anna eerst")
        meeting.run("undo", "undo", "join Bram Smit, NL")
        let replies = meeting.run("tip @anna weg", "tip @bram nu")
        #expect(replies[0].isError && replies[0].text.contains("No participant matches '@anna'"))
        #expect(replies[1].text == "#2 tip by Bram Smit, under \"Welkom en kennismaking\"")
    }

    @Test func editDeleteMoveAndUndoReplay() throws {
        let meeting = try TestMeeting()
        meeting.run("join Marije, NL, Stadslab Leiden", "next", "tip @marije Eerste", "tip Tweede", "tip Derde")
        meeting.run("edit #1 Eerste, verbeterd", "delete #2", "move #3 veerkracht", "undo")
        let state = try meeting.replayed()
        #expect(state.entries.map(\.number) == [1, 3])
        #expect(state.entry(1)?.text == "Eerste, verbeterd")
        #expect(state.entry(3)?.item == 1)
        meeting.run("undo", "undo")
        let after = try meeting.replayed()
        #expect(after.entries.map(\.text) == ["Eerste", "Tweede", "Derde"])
        #expect(after.nextEntryNumber == 4)
    }

    @Test func timeIsTrackedPerItemFromAgendaMoves() throws {
        let meeting = try TestMeeting()
        meeting.clock.advance(minutes: 18)
        meeting.run("next")
        meeting.clock.advance(minutes: 50)
        #expect(meeting.interpreter.prompt == "[2/5 Trekkracht aan instanti… 50/45m OVER] > ")
        meeting.run("goto veerkracht")
        meeting.clock.advance(minutes: 10)
        meeting.run("back")
        meeting.clock.advance(minutes: 5)
        meeting.run("end")
        let state = try meeting.replayed()
        #expect(state.hasEnded)
        #expect(state.secondsSpent(onItem: 0) == 18 * 60)
        #expect(state.secondsSpent(onItem: 1) == 50 * 60)
        #expect(state.secondsSpent(onItem: 2) == 5 * 60)
        #expect(state.secondsSpent(onItem: 3) == 10 * 60)
        #expect(state.secondsSpent() == 83 * 60)
    }

    @Test func aCrashGapIsNotCounted() throws {
        let meeting = try TestMeeting()
        meeting.clock.advance(minutes: 5)
        meeting.run("tip voor de crash")
        let url = meeting.url
        meeting.clock.advance(minutes: 60)
        // The process died here; a new one opens the file an hour later.
        var state = try SessionFile.read(at: url).state
        try state.apply(SessionRecord(sequence: state.lastSequence + 1, time: meeting.clock.now, event: .opened))
        #expect(state.secondsSpent(onItem: 0, now: meeting.clock.now + 120) == 7 * 60)
    }

    @Test func gotoAcceptsNumbersAndUniqueTitleParts() throws {
        let meeting = try TestMeeting()
        #expect(meeting.run("goto 3")[0].text.contains("Item 3/5: Geld en onafhankelijkheid"))
        #expect(meeting.run("goto kracht")[0].text.contains("matches more than one item"))
        #expect(meeting.run("goto 9")[0].text.contains("number from 1 to 5"))
        #expect(meeting.run("goto TREKKRACHT")[0].text.contains("? Wie versnelt er bij jullie?"))
        #expect(meeting.state.currentItem == 1)
    }

    @Test func hostileTextIsCleanedAndBounded() throws {
        let meeting = try TestMeeting()
        let reply = meeting.run("note \u{1B}[2Jschoon\u{07}")[0]
        #expect(reply.text.hasPrefix("#1 note"))
        #expect(meeting.state.entry(1)?.text == "schoon")
        let long = meeting.run("note " + String(repeating: "x", count: 1_000_000))[0]
        #expect(long.isError && long.text.contains("1000000 characters"))
        #expect(meeting.run("note \u{1B}[31m")[0].isError)
    }

    @Test func endSaysWhereTheSessionIsAndHowToReport() throws {
        let meeting = try TestMeeting()
        let reply = meeting.run("end")[0]
        #expect(reply.endsMeeting)
        #expect(reply.text.contains("Session file: \(meeting.url.path)"))
        #expect(reply.text.contains("rollingstone report \(meeting.url.path) -o \(meeting.url.deletingPathExtension().path).md"))
    }
}

@Suite struct MeetingOverviewTests {
    @Test func agendaShowsDoneSkippedCurrentAndUpcoming() throws {
        let meeting = try TestMeeting()
        meeting.clock.advance(minutes: 12)
        meeting.run("goto 3")
        meeting.clock.advance(minutes: 4)
        let overview = meeting.run("agenda")[0].text.split(separator: "\n").map(String.init)
        #expect(overview[0].hasSuffix("20 min  done, 12 min"))
        #expect(overview[1].hasSuffix("45 min  skipped"))
        #expect(overview[2].hasPrefix(">  3. Geld en onafhankelijkheid"))
        #expect(overview[2].hasSuffix("current, 4 min so far"))
        #expect(overview[3].hasSuffix("upcoming"))
        #expect(overview[5] == "  Planned 140 min; spent 16 min.")
    }

    @Test func whoGroupsByCountryInTheMeetingsLanguage() throws {
        let meeting = try TestMeeting()
        meeting.run("join Ann Smith, GB", "join Wim Peeters, BE, Antwerpen Buurt", "join Lien Claes, BE", "join Jan de Vries, NL")
        let lines = meeting.run("who")[0].text.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "4 participants from 3 countries:",
                "België (2)", "  Wim Peeters — Antwerpen Buurt", "  Lien Claes",
                "Nederland (1)", "  Jan de Vries",
                "Verenigd Koninkrijk (1)", "  Ann Smith",
            ])
    }

    @Test func reportInsideTheREPLWritesTheSameDocument() throws {
        let meeting = try TestMeeting()
        meeting.run("join Ann Smith, GB", "next", "tip @ann Begin klein")
        let target = meeting.folder.file("tussenstand.md")
        let reply = meeting.run("report \(target.path)")[0]
        #expect(reply.text == "Report written to \(target.path) (a draft: the meeting is still under way).")
        let written = try String(contentsOf: target, encoding: .utf8)
        #expect(written == ReportRenderer.render(try meeting.replayed(), options: ReportOptions(language: .nl)))
        #expect(written.contains("Begin klein"))
    }
}
