import Foundation
import RollingStoneTestSupport
import Testing

@testable import RollingStoneCore
@testable import RollingStoneJournal
@testable import RollingStoneMeeting
@testable import RollingStoneReport

/// The sample session and its reports, byte for byte.
///
/// To record them again after a deliberate change, run the tests with
/// `RECORD_GOLDEN=1`: the recording run writes the files and fails, so a
/// freshly written file never passes unseen.
@Suite struct SampleReportTests {
    /// Fails unless `actual` matches the golden file (recording it when asked or missing).
    func expectGolden(_ actual: Data, _ url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        switch try GoldenFile(url).check(actual) {
        case .matches: break
        case .recorded: Issue.record("recorded \(url.path); run again without RECORD_GOLDEN", sourceLocation: sourceLocation)
        case .differs: Issue.record("\(url.lastPathComponent) differs from what was produced", sourceLocation: sourceLocation)
        }
    }

    @Test func theSampleSessionIsWhatTheScriptRecords() throws {
        let folder = try TemporaryFolder()
        let fresh = folder.file("sample.jsonl")
        let replies = try SampleMeeting.record(to: fresh)
        #expect(replies.filter(\.isError).isEmpty, "\(replies.filter(\.isError))")
        try expectGolden(try Data(contentsOf: fresh), SampleMeeting.session)
    }

    @Test(arguments: MeetingLanguage.allCases)
    func reportsMatchTheirGoldenFiles(language: MeetingLanguage) throws {
        let file = try SessionFile.read(at: SampleMeeting.session)
        #expect(file.state.hasEnded)
        let report = ReportRenderer.render(file.state, options: ReportOptions(language: language))
        let golden = SampleMeeting.golden.appendingPathComponent("sample-leiden-2012.\(language.rawValue).md")
        try expectGolden(Data(report.utf8), golden)
        // The same session gives the same report every time.
        #expect(ReportRenderer.render(try SessionFile.read(at: SampleMeeting.session).state, options: ReportOptions(language: language)) == report)
    }

    /// The HTML page, byte for byte, in every language: the golden files are
    /// also what docs/report.md's screenshots were taken of.
    @Test(arguments: MeetingLanguage.allCases)
    func htmlReportsMatchTheirGoldenFiles(language: MeetingLanguage) throws {
        let file = try SessionFile.read(at: SampleMeeting.session)
        let html = ReportRenderer.render(file.state, as: .html, options: ReportOptions(language: language))
        let golden = SampleMeeting.golden.appendingPathComponent("sample-leiden-2012.\(language.rawValue).html")
        try expectGolden(Data(html.utf8), golden)
    }

    /// Both writers write the same document: every heading of the Markdown
    /// is a heading of the HTML, in the same order.
    @Test(arguments: MeetingLanguage.allCases)
    func markdownAndHTMLHaveTheSameHeadings(language: MeetingLanguage) throws {
        let state = try SessionFile.read(at: SampleMeeting.session).state
        let options = ReportOptions(language: language)
        let fromMarkdown = RenderedHTML(html: try CmarkGFM.html(for: ReportRenderer.render(state, options: options)))
        let page = try HTML5Parser.elements(of: ReportRenderer.render(state, as: .html, options: options))
        // html5lib counts a no-break space (French puts one before a colon)
        // as white space, cmark-gfm's text keeps it.
        func spaced(_ texts: [String]) -> [String] { texts.map { $0.replacingOccurrences(of: "\u{A0}", with: " ") } }
        for tag in ["h1", "h2", "h3", "li", "blockquote", "td"] {
            #expect(spaced(try fromMarkdown.texts(of: tag)) == spaced(page.filter { $0.tag == tag }.map(\.text)), "<\(tag)>")
        }
    }
}
