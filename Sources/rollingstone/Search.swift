import ArgumentParser
import Foundation
import RollingStoneArchive
import RollingStoneREPL

extension RollingStoneCommand {
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Find what the meetings of the archive said: lessons, tips, notes, quotes, ideas, actions.",
            discussion: """
                Every word must start a word of the text, case and accents aside: 'belgie' finds België, 'cafe' finds café, \
                'medefin' finds medefinanciering. The best results come first. The index that makes this fast is kept in \
                ARCHIVE/.rollingstone-index.sqlite, brought up to date with the session files on every search, and built \
                again when it is missing or damaged; it can always be deleted.
                """
        )

        @Argument(help: ArgumentHelp("What to look for.", valueName: "words"))
        var words: [String] = []

        @Option(name: .long, help: ArgumentHelp("Only entries of this kind.", valueName: "kind"))
        var kind: SearchKind?

        @Option(name: .long, help: ArgumentHelp("Only what this person said (words of their name).", valueName: "name"))
        var person: String?

        @Option(name: .long, help: ArgumentHelp("Only under agenda items with these words in their title.", valueName: "words"))
        var theme: String?

        @Option(name: .long, help: ArgumentHelp("Only meetings of this series.", valueName: "name"))
        var series: String?

        @Option(name: .long, help: ArgumentHelp("At most this many results.", valueName: "n"))
        var limit = 20

        @Option(name: .long, help: ArgumentHelp("The folder of session files.", valueName: "dir"))
        var archive = "sessions"

        @Option(name: .customLong("ui-lang"), help: "The language of the results' wording: en or nl.")
        var language: InterfaceLanguage = .en

        func validate() throws {
            let query = self.query
            guard !query.isEmpty else { throw ValidationError("give words to look for (letters or digits), or --person or --theme") }
            guard limit > 0 else { throw ValidationError("--limit must be 1 or more") }
        }

        private var query: SearchQuery {
            SearchQuery(words: words.joined(separator: " "), kind: kind, person: person, theme: theme, series: series, limit: limit)
        }

        func run() throws {
            let index = try ArchiveConsole.index(archive)
            do {
                let shown = [words.joined(separator: " "), person ?? "", theme ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
                print(try index.search(query).lines(for: shown, in: language).joined(separator: "\n"))
            } catch {
                throw UserFacingFailure(error)
            }
        }
    }
}

extension SearchKind: ExpressibleByArgument {}
