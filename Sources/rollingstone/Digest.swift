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
            let index = try ArchiveConsole.index(options.archive)
            let digest = DigestOptions(language: try options.language(of: index), theme: theme, series: series)
            let format = try options.format()
            let text: String
            do {
                text = try DigestRenderer.render(index, as: format, options: digest)
            } catch {
                throw UserFacingFailure(error)
            }
            try ArchiveConsole.write(text, to: options.output)
        }
    }
}
