import ArgumentParser
import RollingStoneCore

/// A first word that names no command, answered as such, with the command
/// meant when it is a typo of one.
enum UnknownCommand {
    /// The command names, as typed.
    static var names: [String] {
        RollingStoneCommand.configuration.subcommands.compactMap { $0.configuration.commandName }
    }

    /// The message for `arguments` (those after the program's name) when
    /// their first is a word that names no command; `nil` otherwise, and
    /// for an option, whose mistakes argument-parser words well.
    static func message(for arguments: [String]) -> String? {
        guard let word = arguments.first, !word.hasPrefix("-"), !names.contains(word), word != "help" else { return nil }
        let commands = names.map { "'\($0)'" }.joined(separator: ", ")
        let shown = word.abbreviated()
        let hint = suggestions(for: word, among: names, limit: 1).first.map { " Did you mean '\($0)'?" } ?? ""
        return "rollingstone: there is no command '\(shown)'.\(hint) The commands are \(commands); 'rollingstone --help' says more."
    }
}
