import ArgumentParser
import RollingStoneArchive
import RollingStoneCore
import RollingStoneReport

/// What the archive's write-ups (`digest`, `people`) take alike: where the
/// archive is, the language, and where the write-up goes.
struct ArchiveOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder of session files.", valueName: "dir"))
    var archive = "sessions"

    @Option(name: .long, help: "The language: nl, en, fr or de. The latest meeting's language when left out.")
    var lang: MeetingLanguage?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output (.html for a page).", valueName: "file"))
    var output: String?

    /// The language for `archive`'s write-up.
    func language(of archive: SessionArchive) -> MeetingLanguage {
        lang ?? archive.meetings.last?.agenda.language ?? .en
    }

    /// The language for the write-up of the archive `index` holds.
    func language(of index: ArchiveIndex) throws -> MeetingLanguage {
        do {
            return try lang ?? index.latestLanguage() ?? .en
        } catch {
            throw UserFacingFailure(error)
        }
    }

    /// Markdown, or HTML when `-o` names an .html file; a PDF is refused.
    func format() throws -> ReportTextFormat {
        let format = output.flatMap(ReportFormat.init(fileName:)) ?? .md
        guard format != .pdf else {
            throw ValidationError("this is written as Markdown or HTML: name an .md or .html file, and print the HTML to PDF")
        }
        return format.text
    }
}
