import ArgumentParser
import Foundation
import RollingStoneArchive
import RollingStoneCore
import RollingStoneReport

extension RollingStoneCommand {
    struct People: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "people",
            abstract: "The who's who of the archive: who came to which meetings, from where, and what they shared.",
            discussion: """
                People are the same person when their names match without regard to case or accents and they joined from \
                the same country; namesakes from different countries are kept apart. Markdown, or HTML when -o names an \
                .html file.
                """
        )

        @Argument(help: ArgumentHelp("Only people whose name has these words (each starting a word).", valueName: "name"))
        var name: [String] = []

        @OptionGroup var options: ArchiveOptions

        func run() throws {
            let read = try ArchiveConsole.read(options.archive)
            let query = name.isEmpty ? nil : name.joined(separator: " ")
            let text = PeopleRenderer.render(read.meetings, query: query, as: try options.format(), language: options.language(of: read))
            try ArchiveConsole.write(text, to: options.output)
        }
    }
}
