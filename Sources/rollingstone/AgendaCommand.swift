import ArgumentParser
import Foundation
import RollingStoneAgenda
import RollingStoneCore
import RollingStoneREPL

extension RollingStoneCommand {
    struct AgendaCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "agenda",
            abstract: "Work with agenda files.",
            subcommands: [Check.self]
        )

        struct Check: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Check an agenda file and summarise it.")

            @Argument(help: ArgumentHelp("The agenda file (YAML).", valueName: "file"))
            var file: String

            func run() throws {
                let agenda: Agenda
                do {
                    agenda = try AgendaLoader.load(contentsOf: URL(fileURLWithPath: file))
                } catch {
                    throw UserFacingFailure(error)
                }
                print("\(file): ok — \(agenda.summary)")
            }
        }
    }
}
