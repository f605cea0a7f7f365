import Foundation
import RollingStoneTestSupport
import Testing

@testable import RollingStoneCore
@testable import RollingStoneMeeting
@testable import RollingStoneREPL

/// The speaker queue at the prompt: the words, the replies, captures that
/// default to the speaker, `q stats`, completion.
@Suite struct SpeakerCommandTests {
    static func meeting() throws -> TestMeeting {
        let meeting = try TestMeeting()
        meeting.run("join Lotte Vermeulen, NL", "join Stef Steyaert, BE", "join Jan Jansen, NL")
        return meeting
    }

    @Test func theQueueIsShownInTheOrderTheFloorGoes() throws {
        let meeting = try Self.meeting()
        let replies = meeting.run("q", "q+ @lotte", "q+ @stef ! over de agenda", "q")
        #expect(replies[0].text == "No one has the floor.\nThe queue is empty: q+ @NAME puts someone in, '!' ahead of the others.")
        #expect(replies[1].text == "Lotte Vermeulen queued, 1 of 1. 'ack' gives the floor.")
        #expect(replies[2].text == "Stef Steyaert queued, 1 of 2 (point of order / direct reply): \"over de agenda\". 'ack' gives the floor.")
        #expect(replies[3].text == "No one has the floor.\nQueue (2):\n  1. ! Stef Steyaert — over de agenda\n  2.   Lotte Vermeulen")

        // The mark may follow the name without a space.
        #expect(meeting.run("q+ @jan! ook over de agenda")[0].text.hasPrefix("Jan Jansen queued, 2 of 3 (point of order / direct reply)"))
        meeting.run("q- @jan")

        let floor = meeting.run("q time 2", "ack")
        #expect(floor[0].text == "Each speaker has 2 min; running over is announced once per turn.")
        #expect(floor[1].text == "Floor: Stef Steyaert (point of order / direct reply), \"over de agenda\"; next: Lotte Vermeulen.")
        meeting.clock.advance(minutes: 1.25)
        #expect(meeting.run("q")[0].text == "Floor: Stef Steyaert, 1:15 of 2 min.\nQueue (1):\n  1.   Lotte Vermeulen")
        let next = meeting.run("q next", "q done", "q done")
        #expect(next[0].text == "Stef Steyaert spoke 1:15. Floor: Lotte Vermeulen; the queue is empty.")
        #expect(next[1].text == "Lotte Vermeulen spoke 0:00. No one has the floor; the queue is empty.")
        #expect(next[2] == .error("No one has the floor; 'ack' gives it to the first in the queue."))
        #expect(meeting.run("ack")[0] == .error("No one is in the queue: q+ @NAME puts someone in."))
    }

    @Test func wordsThatDoNotFitAreRefused() throws {
        let meeting = try Self.meeting()
        let replies = meeting.run("q+", "q+ lotte", "q+ @nobody", "q- @lotte", "q time", "q time soon", "q time 120", "q later", "ack now")
        #expect(replies.allSatisfy { $0.isError })
        #expect(replies[0].text.hasPrefix("'q+' needs @NAME"))
        #expect(replies[1].text.hasPrefix("'q+' needs @NAME"))
        #expect(replies[2].text.hasPrefix("No participant matches '@nobody'"))
        #expect(replies[3].text == "Lotte Vermeulen is not in the queue; 'q' shows who is.")
        #expect(replies[5].text.hasPrefix("'soon' is not a number of minutes"))
        #expect(replies[6].text.hasPrefix("A speaker can have up to 60 min"))
        #expect(try meeting.replayed().speakers == SpeakerQueue())
        // "Ach" is no mistyped "ack": it starts a note.
        #expect(meeting.run("ach zo")[0].text.hasPrefix("#1 note (not a command)"))
    }

    @Test func minutesMayHaveDecimalsOrBeOff() throws {
        #expect(try CommandParser.parse("q time 1.5") == .speakerTime(seconds: 90))
        #expect(try CommandParser.parse("q time 1,5") == .speakerTime(seconds: 90))
        #expect(try CommandParser.parse("Q TIME OFF") == .speakerTime(seconds: 0))
        #expect(try CommandParser.parse("q time 0") == .speakerTime(seconds: 0))
        #expect(try CommandParser.parse("q time 1e300") == .speakerTime(seconds: 60_000_000))
        #expect(try CommandParser.parse("q next") == .nextSpeaker)
        #expect(try CommandParser.parse("ack") == .nextSpeaker)
        #expect(try CommandParser.parse("q+ @stef ! x") == .queueUp(text: "@stef ! x"))
        let meeting = try Self.meeting()
        #expect(meeting.run("q time 1.5")[0].text == "Each speaker has 1:30 min; running over is announced once per turn.")
        #expect(meeting.run("q time off")[0].text == "No time limit per speaker.")
    }

    /// During a turn a capture without `@` is the speaker's, and the reply
    /// says so; `@` still names someone else, and an action stays unowned.
    @Test func capturesDuringATurnDefaultToTheSpeaker() throws {
        let meeting = try Self.meeting()
        meeting.run("next", "lesson Zoek de mensen")
        #expect(meeting.run("tip Voor de beurt")[0].text == "#1 tip, under \"Zoek de mensen\"")
        meeting.run("q+ @lotte", "ack")
        let replies = meeting.run(
            "tip Zoek de wethouder op", "tip @stef Een reactie", "quote Wij zijn ergens vóór", "Een losse notitie", "action Slides rondsturen")
        #expect(replies[0].text == "#2 tip by Lotte Vermeulen (speaking), under \"Zoek de mensen\"")
        #expect(replies[1].text == "#3 tip by Stef Steyaert, under \"Zoek de mensen\"")
        #expect(replies[2].text == "#4 quote by Lotte Vermeulen (speaking), under \"Zoek de mensen\"")
        #expect(replies[3].text == "#5 note (not a command) by Lotte Vermeulen (speaking), under \"Zoek de mensen\"")
        #expect(replies[4].text == "#6 action, under \"Zoek de mensen\"")
        meeting.run("q done")
        #expect(meeting.run("tip Na de beurt")[0].text == "#7 tip, under \"Zoek de mensen\"")
        let entries = try meeting.replayed().entries
        #expect(entries.map(\.participant) == [nil, 1, 2, 1, 1, nil, nil])
    }

    @Test func statsSayWhoWasHeardByCountryAndPerson() throws {
        let meeting = try Self.meeting()
        meeting.run("join Hannah Schröder, DE")
        #expect(meeting.run("q stats")[0].text == "No turns yet: q+ @NAME, then ack.")
        meeting.run("q+ @lotte", "q+ @stef", "ack")
        meeting.clock.advance(minutes: 2)
        meeting.run("ack", "q+ @lotte", "q+ @jan")
        meeting.clock.advance(minutes: 1.5)
        meeting.run("ack")
        meeting.clock.advance(minutes: 1)
        meeting.run("ack")
        meeting.clock.advance(minutes: 0.5)
        // Jan is still speaking: his 30 s so far count.
        #expect(
            meeting.run("q stats")[0].text == """
                Speaking turns: 4 turns, 5:00 in all.
                By country:
                  Nederland: 3 turns, 3:30
                  België: 1 turn, 1:30
                By person:
                  Lotte Vermeulen (NL): 2 turns, 3:00
                  Stef Steyaert (BE): 1 turn, 1:30
                  Jan Jansen (NL): 1 turn, 0:30
                Not heard yet: Hannah Schröder.
                """)
    }

    @Test func helpListsTheQueue() throws {
        let meeting = try Self.meeting()
        let overview = meeting.run("help")[0].text
        for usage in ["q [next|done|stats|time MIN|time off]", "q+ @NAME [!] [TOPIC]", "q- @NAME", "ack "] {
            #expect(overview.contains("  " + usage), "\(usage)")
        }
        let queue = meeting.run("help q")[0].text
        #expect(queue.contains("'undo' leaves the queue alone: q- and q done are the way back."))
        #expect(meeting.run("help q+")[0].text.hasPrefix("q+ @NAME [!] [TOPIC]\n"))
    }

    @Test func tabCompletesNamesAndWords() throws {
        let meeting = try Self.meeting()
        meeting.run("q+ @stef")
        func complete(_ line: String) -> [String] {
            let start = line.lastIndex(of: " ").map { line.utf8.distance(from: line.startIndex, to: $0) + 1 } ?? 0
            return MeetingCompleter(meeting: meeting.meeting, language: meeting.interpreter.language).completions(
                line: line, wordStart: start, wordEnd: line.utf8.count)
        }
        #expect(complete("q+ @Lo") == ["@Lotte Vermeulen"])
        #expect(complete("q+ @lotte verm") == ["Vermeulen"])
        // Only those waiting can be taken out.
        #expect(complete("q- @") == ["@Stef Steyaert"])
        #expect(complete("q s") == ["stats"])
        // Command words come in the order 'help' lists them.
        #expect(complete("q") == ["quote", "q", "q+", "q-"])
        #expect(complete("ac") == ["action", "accept", "ack", "actions"])
    }
}
