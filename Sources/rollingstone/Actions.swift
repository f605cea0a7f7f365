import ArgumentParser
import Foundation
import RollingStoneArchive
import RollingStoneCore

extension RollingStoneCommand {
    struct Actions: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "actions",
            abstract: "List the follow-up actions of every meeting in the archive, open and done.",
            discussion: """
                An action is named by its meeting's number and its #N there: A2.6 is action #6 of meeting 2, what 'done A2.6' \
                in a later meeting of the series closes. Meetings without a number in their agenda have no labels.
                """
        )

        @Option(name: .long, help: ArgumentHelp("The folder of session files.", valueName: "dir"))
        var archive = "sessions"

        @Option(name: .long, help: ArgumentHelp("Only meetings of this series.", valueName: "name"))
        var series: String?

        @Flag(name: .long, help: "Only the actions not done yet.")
        var open = false

        func run() throws {
            let read = try ArchiveConsole.read(archive)
            let meetings = series.map(read.meetings(ofSeries:)) ?? read.meetings
            // The first closing of each action.
            let closings = Dictionary(CarriedActions.closings(in: meetings).map { ($0.0.action.key, $0) }) { first, _ in first }
            var lines: [String] = []
            for action in CarriedActions.all(in: meetings) {
                let closing = closings[action.key]
                if open && closing != nil { continue }
                let owner = action.owner.map { " — \($0)" } ?? ""
                let meeting = [action.series, "\(action.meeting)"].compactMap { $0 }.joined(separator: " ")
                let status = closing.map { "done in \(Self.name(of: $0.1))" } ?? "open"
                lines.append("\(action.label)\t\(status)\t\(action.text.abbreviated(limit: 200))\(owner) (\(meeting))")
            }
            print(lines.isEmpty ? (open ? "No open actions." : "No actions.") : lines.joined(separator: "\n"))
        }

        /// "RollingStone 3 (2012-11-24)".
        static func name(of meeting: ArchivedMeeting) -> String {
            let agenda = meeting.agenda
            let name = [agenda.series, agenda.number.map(String.init)].compactMap { $0 }.joined(separator: " ")
            let shown = name.isEmpty ? meeting.url.lastPathComponent : name
            return agenda.date.map { "\(shown) (\($0))" } ?? shown
        }
    }
}
