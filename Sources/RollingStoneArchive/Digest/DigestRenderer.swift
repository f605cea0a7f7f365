import RollingStoneReport

/// The digest of an archive, as Markdown or one HTML page: the same
/// document model and writers as the report, so it is escaped the same way.
package enum DigestRenderer {
    /// The digest of `meetings` (earliest first) in `format`.
    package static func render(_ meetings: [ArchivedMeeting], as format: ReportTextFormat, options: DigestOptions) -> String {
        let composer = DigestComposer(meetings: meetings, options: options)
        return composer.rendered(as: format)
    }
}
