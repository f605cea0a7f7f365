import ArgumentParser
import Foundation
import RollingStoneCore
import RollingStoneJournal
import RollingStoneReport

extension RollingStoneCommand {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Write a session's report in Markdown.",
            discussion: "A meeting that has not ended gives a draft, marked as such. The same session always gives the same report."
        )

        @Argument(help: ArgumentHelp("The session file (.jsonl).", valueName: "session"))
        var session: String

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var output: String?

        @Option(name: .long, help: "The report's language: nl or en. The agenda's language when left out.")
        var lang: MeetingLanguage?

        @Flag(name: .long, help: "Include participants' contact details (left out by default).")
        var withContacts = false

        func run() throws {
            let file: SessionFile
            let url = URL(fileURLWithPath: session)
            do {
                file = try SessionFile.read(at: url)
            } catch {
                throw UserFacingFailure(error)
            }
            // A note left by a meeting that was killed says it is open when it is not.
            SessionLockNote.removeIfStale(for: url)
            if let tail = file.tornTail {
                FileHandle.standardError.write(
                    Data(
                        "warning: \(session):\(tail.line): \(tail.reason) (\(tail.bytes.count) bytes, a crash while writing); it is left out of the report\n"
                            .utf8))
            }
            let options = ReportOptions(language: lang ?? file.state.agenda.language, withContacts: withContacts)
            if let output {
                do {
                    try ReportFileWriter(options: options).write(file.state, to: URL(fileURLWithPath: output), unreadableTail: file.tornTail)
                } catch {
                    throw UserFacingFailure(error)
                }
            } else {
                print(ReportRenderer.render(file.state, options: options, unreadableTail: file.tornTail), terminator: "")
            }
        }
    }
}
