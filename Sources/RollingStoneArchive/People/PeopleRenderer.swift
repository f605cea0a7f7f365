import RollingStoneCore
import RollingStoneReport

/// The who's who of an archive, as Markdown or one HTML page.
package enum PeopleRenderer {
    /// Everyone in `meetings` (earliest first), or those whose name has the
    /// words of `query`, in `format`.
    package static func render(_ meetings: [ArchivedMeeting], query: String?, as format: ReportTextFormat, language: MeetingLanguage) -> String {
        let composer = PeopleComposer(meetings: meetings, query: query, language: language)
        return composer.rendered(as: format)
    }
}
