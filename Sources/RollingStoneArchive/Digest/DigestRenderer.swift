import RollingStoneReport

/// The digest of an archive, as Markdown or one HTML page: the same
/// document model and writers as the report, so it is escaped the same way.
package enum DigestRenderer {
    /// The digest of the archive `index` holds, in `format`.
    package static func render(_ index: ArchiveIndex, as format: ReportTextFormat, options: DigestOptions) throws(ArchiveError) -> String {
        DigestComposer(themes: try index.digestThemes(options), options: options).rendered(as: format)
    }

    /// The digest of `meetings`, read already, in `format`.
    package static func render(_ meetings: [ArchivedMeeting], as format: ReportTextFormat, options: DigestOptions) throws(ArchiveError) -> String {
        try render(ArchiveIndex.inMemory(of: meetings), as: format, options: options)
    }
}
