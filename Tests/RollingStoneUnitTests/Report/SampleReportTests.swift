import Foundation
import RollingStoneTestSupport
import Testing

@testable import RollingStoneAgenda
@testable import RollingStoneCore
@testable import RollingStoneJournal
@testable import RollingStoneMeeting
@testable import RollingStoneREPL
@testable import RollingStoneReport

/// The sample session and its reports, byte for byte.
///
/// To record them again after a deliberate change, run the tests with
/// `RECORD_GOLDEN=1`: the recording run writes the files and fails, so a
/// freshly written file never passes unseen.
@Suite struct SampleReportTests {
    var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    @Test func theSampleSessionIsWhatTheScriptRecords() throws {
        let folder = try TemporaryFolder()
        let fresh = folder.file("sample.jsonl")
        let replies = try SampleMeeting.record(to: fresh)
        #expect(replies.filter(\.isError).isEmpty, "\(replies.filter(\.isError))")
        let recorded = try Data(contentsOf: fresh)
        if recording || !FileManager.default.fileExists(atPath: SampleMeeting.session.path) {
            try recorded.write(to: SampleMeeting.session)
            Issue.record("recorded \(SampleMeeting.session.path); run again without RECORD_GOLDEN")
            return
        }
        #expect(recorded == (try Data(contentsOf: SampleMeeting.session)))
    }

    @Test(arguments: MeetingLanguage.allCases)
    func reportsMatchTheirGoldenFiles(language: MeetingLanguage) throws {
        let file = try SessionFile.read(at: SampleMeeting.session)
        #expect(file.state.hasEnded)
        let report = ReportRenderer.render(file.state, options: ReportOptions(language: language))
        let golden = SampleMeeting.golden.appendingPathComponent("sample-leiden-2012.\(language.rawValue).md")
        if recording || !FileManager.default.fileExists(atPath: golden.path) {
            try Data(report.utf8).write(to: golden)
            Issue.record("recorded \(golden.path); run again without RECORD_GOLDEN")
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(report == expected)
        // The same session gives the same report every time.
        #expect(ReportRenderer.render(try SessionFile.read(at: SampleMeeting.session).state, options: ReportOptions(language: language)) == report)
    }
}
