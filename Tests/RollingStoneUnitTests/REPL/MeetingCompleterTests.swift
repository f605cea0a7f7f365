import RollingStoneTestSupport
import Testing

@testable import RollingStoneCore
@testable import RollingStoneMeeting
@testable import RollingStoneREPL

@Suite struct MeetingCompleterTests {
    func complete(_ meeting: TestMeeting, _ line: String) -> [String] {
        let start = line.lastIndex(of: " ").map { line.utf8.distance(from: line.startIndex, to: $0) + 1 } ?? 0
        return MeetingCompleter(meeting: meeting.meeting, language: meeting.interpreter.language).completions(
            line: line, wordStart: start, wordEnd: line.utf8.count)
    }

    @Test func commandsNamesAndTitles() throws {
        let meeting = try TestMeeting()
        meeting.run("join Hannah Schröder, DE", "join Hans Brinker, NL", "join Stef Steyaert, BE")
        #expect(complete(meeting, "le") == ["lesson"])
        #expect(complete(meeting, "tip @Han") == ["@Hannah Schröder", "@Hans Brinker"])
        #expect(complete(meeting, "tip @st") == ["@Stef Steyaert"])
        // The second word of a name: only that word is replaced.
        #expect(complete(meeting, "quote @hannah schr") == ["Schröder"])
        #expect(complete(meeting, "goto Trekkracht aan") == ["aan instanties"])
        #expect(complete(meeting, "goto vee") == ["Veerkracht"])
        #expect(complete(meeting, "move #3 geld") == ["Geld en onafhankelijkheid"])
        #expect(complete(meeting, "join Ann, Verenigd Ko") == ["Koninkrijk"])
        #expect(complete(meeting, "join Ann, Belg") == ["België"])
        #expect(complete(meeting, "tip zonder") == [])
    }

    /// A surname alone finds the whole name, as people remember it: `@schr`
    /// is Hannah Schröder. A first name that fits comes first.
    @Test func aSurnameCompletesTheWholeName() throws {
        let meeting = try TestMeeting()
        meeting.run("join Hannah Schröder, DE", "join Stef Steyaert, BE", "join Stefan Schrader, DE")
        #expect(complete(meeting, "tip @schr") == ["@Hannah Schröder", "@Stefan Schrader"])
        #expect(complete(meeting, "q+ @steya") == ["@Stef Steyaert"])
        #expect(complete(meeting, "private @schroder") == ["@Hannah Schröder"])
        #expect(complete(meeting, "tip @stef") == ["@Stef Steyaert", "@Stefan Schrader"], "first names first, as before")
        #expect(complete(meeting, "tip @xyz") == [])
    }
}
