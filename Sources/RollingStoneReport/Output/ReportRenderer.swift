import RollingStoneCore

/// Turns a meeting into its write-up, as Markdown or HTML.
///
/// A pure function of the meeting and the options, like swift-markdown's
/// formatters: no I/O, no clock, no dictionary order, so the same state always
/// gives byte-identical output. `ReportFileWriter` and the `report` command
/// do the writing, and `PDFConverter` turns the HTML into a PDF. What the
/// report holds, section by section, and how typed text is escaped is
/// described in `docs/report.md`.
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
        render(state, as: .markdown, options: options, unreadableTail: unreadableTail)
    }

    /// The report for `state` in `format`: Markdown, or one self-contained
    /// HTML page (also what a PDF is printed from).
    package static func render(
        _ state: MeetingState, as format: ReportTextFormat, options: ReportOptions, unreadableTail: TornTail? = nil
    ) -> String {
        let composer = ReportComposer(state: state, options: options)
        switch format {
        case .markdown:
            // An entry's line is about a sentence and a name: room for them
            // all up front spares copying the report as it grows.
            var writer = MarkdownDocumentWriter(capacity: 16_384 + composer.entries.count * 128)
            composer.write(to: &writer, unreadableTail: unreadableTail)
            return writer.finish()
        case .html:
            var writer = HTMLDocumentWriter(composer.document, capacity: 32_768 + composer.entries.count * 192)
            composer.write(to: &writer, unreadableTail: unreadableTail)
            return writer.finish()
        }
    }
}

/// The text formats a report is written in; a PDF is printed from the HTML.
package enum ReportTextFormat: Sendable {
    case markdown
    case html
}

extension ReportComposer {
    /// What the writers need before the first block.
    var document: ReportDocument {
        ReportDocument(title: fullTitle, date: writtenDate, language: language)
    }

    /// The whole write-up, section by section.
    func write(to document: inout some ReportBlockWriter, unreadableTail: TornTail?) {
        addTitleBlock(unreadableTail: unreadableTail, to: &document)
        addIntroduction(to: &document)
        addHostSection(to: &document)
        addParticipantSection(to: &document)
        addItemSections(to: &document)
        addActionSection(to: &document)
        addTimingSection(to: &document)
        addSpeakerSection(to: &document)
        addSignature(to: &document)
        addNextMeetingSection(to: &document)
    }
}
