import Foundation
import RollingStoneTestSupport
import Testing

@testable import RollingStoneCore
@testable import RollingStoneMeeting
@testable import RollingStoneREPL
@testable import RollingStoneReport

/// The report's "Spreekbeurten" / "Speaking turns" section: there when
/// anyone had the floor, in both languages, escaped like the rest; absent
/// when the queue was never used.
@Suite struct SpeakingTurnsReportTests {
    /// Lotte speaks twice (3:00), Stef once (1:30); Jan never.
    static func meetingWithTurns(stefNamed stef: String = "Stef Steyaert") throws -> TestMeeting {
        let meeting = try TestMeeting()
        meeting.run("join Lotte Vermeulen, NL", "join \(stef), BE", "join Jan Jansen, NL")
        meeting.run("q+ @lotte", "q+ @jan", "q- @jan", "ack")
        meeting.clock.advance(minutes: 2)
        try meeting.meeting.queueSpeaker(2, priority: .direct, topic: nil)
        meeting.run("ack", "q+ @lotte")
        meeting.clock.advance(minutes: 1.5)
        meeting.run("ack")
        meeting.clock.advance(minutes: 1)
        meeting.run("end")
        return meeting
    }

    static func section(_ report: String, _ heading: String) -> String? {
        guard let start = report.range(of: "## \(heading)\n") else { return nil }
        let rest = report[start.lowerBound...]
        let end = rest.dropFirst(3).range(of: "\n## ")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    @Test func theSectionInDutch() throws {
        let state = try Self.meetingWithTurns().replayed()
        let report = ReportRenderer.render(state, options: ReportOptions(language: .nl))
        let section = try #require(Self.section(report, "Spreekbeurten"))
        #expect(
            section == """
                ## Spreekbeurten

                3 beurten, samen 4:30 spreektijd (min:s).

                **Per land**

                | Land      | Beurten | Spreektijd (min:s) |
                |-----------|--------:|-------------------:|
                | Nederland |       2 |               3:00 |
                | België    |       1 |               1:30 |

                **Per persoon**

                | Naam            | Land      | Beurten | Spreektijd (min:s) |
                |-----------------|-----------|--------:|-------------------:|
                | Lotte Vermeulen | Nederland |       2 |               3:00 |
                | Stef Steyaert   | België    |       1 |               1:30 |

                Niet aan het woord geweest: Jan Jansen.

                """)
        // After the agenda as held, before the next meeting's details.
        let asHeld = try #require(report.range(of: "## Verloop van de agenda"))
        #expect(try #require(report.range(of: "## Spreekbeurten")).lowerBound > asHeld.lowerBound)
    }

    @Test func theSectionInEnglish() throws {
        let state = try Self.meetingWithTurns().replayed()
        let report = ReportRenderer.render(state, options: ReportOptions(language: .en))
        let section = try #require(Self.section(report, "Speaking turns"))
        #expect(section.contains("3 turns, 4:30 of speaking time in all (min:s)."))
        #expect(section.contains("**By country**") && section.contains("**By person**"))
        #expect(section.contains("| Country     | Turns | Speaking time (min:s) |"))
        #expect(section.contains("| Lotte Vermeulen | Netherlands |     2 |                  3:00 |"))
        #expect(section.contains("Did not speak: Jan Jansen."))
    }

    /// Joins, captures and a queue that no one was given the floor from
    /// leave the report as it was.
    @Test func noTurnsNoSection() throws {
        let meeting = try TestMeeting()
        meeting.run("join Lotte Vermeulen, NL", "tip Een tip")
        let before = ReportRenderer.render(try meeting.replayed(), options: ReportOptions(language: .nl))
        meeting.run("q+ @lotte", "q time 2", "q- @lotte")
        for language in MeetingLanguage.allCases {
            let report = ReportRenderer.render(try meeting.replayed(), options: ReportOptions(language: language))
            #expect(!report.contains(ReportLabels(language).speakingTurns))
        }
        #expect(ReportRenderer.render(try meeting.replayed(), options: ReportOptions(language: .nl)) == before)
    }

    /// A name is text in its cell whatever it holds, like everywhere else.
    @Test(arguments: ["a | b | c", "*nadruk* en _nadruk_", "<b>vet</b>", "[x](javascript:alert(1))", "`code` \\"])
    func namesStayTextInTheTables(_ name: String) throws {
        let state = try Self.meetingWithTurns(stefNamed: name).replayed()
        let report = ReportRenderer.render(state, options: ReportOptions(language: .nl))
        let section = try #require(Self.section(report, "Spreekbeurten"))
        let html = RenderedHTML(html: try CmarkGFM.html(for: section))
        #expect(try html.texts(of: "td").contains(name), "\(section)")
        #expect(try html.count("table") == 2)
        #expect(try html.count("a") == 0 && html.count("b") == 0 && html.count("em") == 0 && html.count("code") == 0)
    }
}
