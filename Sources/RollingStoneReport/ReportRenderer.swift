import RollingStoneCore

/// Turns a meeting into its Markdown write-up.
///
/// A pure function of the meeting and the options, like swift-markdown's
/// formatters: no I/O, no clock, no dictionary order, so the same state always
/// gives byte-identical output. `ReportFileWriter` and the `report` command
/// do the writing. What the report holds, section by section, and how typed
/// text is escaped is described in `docs/report.md`.
package enum ReportRenderer {
    /// The report for `state` as GitHub Flavored Markdown, ending in a newline.
    ///
    /// - Parameters:
    ///   - state: the meeting as replayed from its session file; a meeting
    ///     that has not ended yields a report marked as a draft.
    ///   - options: the language of labels, dates and country names, and
    ///     whether participants' contact details are shown.
    ///   - unreadableTail: the torn last line of the session file, if any; the
    ///     report then says that the end of the file was left out.
    package static func render(_ state: MeetingState, options: ReportOptions, unreadableTail: TornTail? = nil) -> String {
        let composer = ReportComposer(state: state, options: options)
        // An entry's line is about a sentence and a name: room for them all
        // up front spares copying the report as it grows.
        var report = MarkdownWriter(capacity: 16_384 + composer.entries.count * 128)
        composer.writeTitleBlock(unreadableTail: unreadableTail, to: &report)
        composer.writeIntroduction(to: &report)
        composer.writeHostSection(to: &report)
        composer.writeParticipantSection(to: &report)
        composer.writeItemSections(to: &report)
        composer.writeActionSection(to: &report)
        composer.writeTimingSection(to: &report)
        composer.writeSpeakerSection(to: &report)
        composer.writeSignature(to: &report)
        composer.writeNextMeetingSection(to: &report)
        return report.finish()
    }
}
