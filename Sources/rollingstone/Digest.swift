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

        @Option(name: .long, help: ArgumentHelp("Only themes with these words in their title (each starting a word).", valueName: "words"))
        var theme: String?

        @Option(name: .long, help: ArgumentHelp("Only meetings of this series.", valueName: "name"))
        var series: String?

        @OptionGroup var options: ArchiveOptions

        func run() throws {
            let read = try ArchiveConsole.read(options.archive)
            let digest = DigestOptions(language: options.language(of: read), theme: theme, series: series)
            try ArchiveConsole.write(DigestRenderer.render(read.meetings, as: try options.format(), options: digest), to: options.output)
        }
    }
}
