import RollingStoneCore
import RollingStoneReport

/// A write-up of the archive (the digest, the who's who): blocks for the
/// report's writers.
protocol ArchiveWriteUp {
    /// What the writers need before the first block.
    var document: ReportDocument { get }
    func write(to document: inout some ReportBlockWriter)
}

extension ArchiveWriteUp {
    /// The write-up in `format`.
    func rendered(as format: ReportTextFormat) -> String {
        switch format {
        case .markdown:
            var writer = MarkdownDocumentWriter()
            write(to: &writer)
            return writer.finish()
        case .html:
            var writer = HTMLDocumentWriter(document)
            write(to: &writer)
            return writer.finish()
        }
    }
}

extension MeetingLanguage {
    /// The one of four words that is in this language.
    func choose(_ dutch: String, _ english: String, _ french: String, _ german: String) -> String {
        switch self {
        case .nl: dutch
        case .en: english
        case .fr: french
        case .de: german
        }
    }
}
