import ArgumentParser
import Foundation
import RollingStoneArchive
import RollingStoneCore
import RollingStoneReport

extension RollingStoneCommand {
    struct Digest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "digest",
            abstract: "Write the lessons and tips of a series by theme, across its meetings.",
            discussion: """
                Reads every session file in the archive's folder. Themes of different meetings come together when the \
                first word of their titles that says something is the same ('Trekkracht: …' and 'Trekkracht aan \
                instanties'); see docs/archive.md. Markdown, or HTML when -o names an .html file.
                """
        )

        @Option(name: .long, help: ArgumentHelp("The folder of session files.", valueName: "dir"))
        var archive = "sessions"

        @Option(name: .long, help: ArgumentHelp("Only themes with these words in their title (each starting a word).", valueName: "words"))
        var theme: String?

        @Option(name: .long, help: ArgumentHelp("Only meetings of this series.", valueName: "name"))
        var series: String?

        @Option(name: .long, help: "The digest's language: nl, en, fr or de. The latest meeting's language when left out.")
        var lang: MeetingLanguage?

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var output: String?

        func run() throws {
            let read = try ArchiveConsole.read(archive)
            let language = lang ?? read.meetings.last?.agenda.language ?? .en
            let format = output.flatMap(ReportFormat.init(fileName:)) ?? .md
            guard format != .pdf else {
                throw ValidationError("the digest is written as Markdown or HTML: name an .md or .html file, and print the HTML to PDF")
            }
            let text = DigestRenderer.render(read.meetings, as: format.text, options: DigestOptions(language: language, theme: theme, series: series))
            guard let output else {
                print(text, terminator: "")
                return
            }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw UserFacingFailure("\(output): error: could not write the digest: \((error as NSError).localizedDescription)")
            }
        }
    }
}
