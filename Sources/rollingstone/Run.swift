import ArgumentParser
import Foundation
import RollingStoneAgenda
import RollingStoneArchive
import RollingStoneCore
import RollingStoneMeeting
import RollingStoneREPL
import RollingStoneReadline
import RollingStoneRoom

extension RollingStoneCommand {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Start a meeting, or resume one with --session.",
            discussion: """
                With no options, starts a new session on the built-in RollingStone agenda, in \
                sessions/YYYY-MM-DD-<title>.jsonl. Every entry is on disk before the prompt returns. \
                When standard input is not a terminal, lines are read plainly, so a meeting can be scripted.
                """
        )

        @Option(name: .long, help: ArgumentHelp("An agenda file (YAML). The built-in RollingStone agenda when left out.", valueName: "file"))
        var agenda: String?

        @Option(name: .long, help: ArgumentHelp("The session file: resumed if it exists, created if not.", valueName: "file"))
        var session: String?

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Serve the room at [HOST:]PORT: a projector page, and with a network address (0.0.0.0) a page for phones.",
                valueName: "[host:]port"))
        var room: String?

        @Option(
            name: .customLong("ui-lang"),
            help: ArgumentHelp(
                "The language the prompt speaks (nl or en), whatever the agenda's language; the report keeps the agenda's language.",
                valueName: "lang"))
        var uiLanguage: InterfaceLanguage?

        func run() throws {
            let roomAddress = try room.map { text throws in try RoomConsole.address(text) }
            if let roomAddress { try RoomConsole.checkAvailable(roomAddress) }
            let askedAgenda: Agenda?
            do {
                askedAgenda = try agenda.map { try AgendaLoader.load(contentsOf: URL(fileURLWithPath: $0)) }
            } catch {
                throw UserFacingFailure(error)
            }
            let opened: MeetingOpener.Opened
            do {
                opened = try MeetingOpener.open(
                    agenda: askedAgenda, sessionPath: session, sessionsFolder: URL(fileURLWithPath: "sessions"), now: Date())
            } catch {
                throw UserFacingFailure(error)
            }
            let language = uiLanguage ?? InterfaceLanguage(opened.meeting.state.agenda.language)
            let interpreter = CommandInterpreter(meeting: opened.meeting, language: language)
            do {
                try interpreter.open()
            } catch {
                // No prompt to go back to: the plain reason, not the REPL's advice.
                guard case .notRecorded(let reason) = error else {
                    throw UserFacingFailure(error.description(in: opened.meeting.state, language: language))
                }
                throw UserFacingFailure(reason)
            }
            let console = Console()
            opened.messages(in: language).forEach(console.write)
            let roomServer = try roomAddress.map { address throws in
                try RoomConsole.start(RoomServer(meeting: opened.meeting, address: address), console: console, language: language)
            }
            console.write(interpreter.itemIntroduction())
            interpreter.earlierActions = Self.openActionsOfEarlierMeetings(before: opened.meeting)
            let folder = opened.meeting.url.deletingLastPathComponent()
            interpreter.archiveSearch = { query throws(ArchiveError) in try ArchiveIndex.open(folder: folder).search(query) }
            if let carried = interpreter.carriedActionsIntroduction() { console.write(carried) }

            let editor: any LineEditor =
                console.isInteractive
                ? ReadlineLineEditor(
                    completionSource: MeetingCompleter(meeting: opened.meeting, language: language), historyFile: ReadlineLineEditor.defaultHistoryFile())
                : PlainLineEditor(output: console.write)
            MeetingLoop.run(interpreter, editor: editor, output: console.write)
            (editor as? ReadlineLineEditor)?.printPendingAnnouncements()
            if let roomServer { RoomConsole.stop(roomServer) }
            opened.meeting.close()
        }
    }
}

extension RollingStoneCommand.Run {
    /// The actions that earlier meetings of the series, in the session's own
    /// folder, left open. Only their first lines are read unless they are of
    /// the series and held before; a folder that cannot be read has none.
    static func openActionsOfEarlierMeetings(before meeting: Meeting) -> [ActionReference] {
        let agenda = meeting.state.agenda
        guard agenda.number != nil else { return [] }
        let own = meeting.url.standardizedFileURL.path
        let archive = try? SessionArchive.read(folder: meeting.url.deletingLastPathComponent()) { header in
            header.agenda.isEarlier(inSeriesOf: agenda)
        }
        let others = (archive?.meetings ?? []).filter { $0.url.standardizedFileURL.path != own }
        return CarriedActions.open(before: meeting.state, in: others)
    }
}

extension InterfaceLanguage: ExpressibleByArgument {}
