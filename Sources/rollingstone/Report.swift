import ArgumentParser
import Foundation
import RollingStoneCore
import RollingStoneJournal
import RollingStoneReport

extension RollingStoneCommand {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Write a session's report in Markdown, HTML or PDF.",
            discussion: """
                A meeting that has not ended gives a draft, marked as such. The same session always gives the same report.

                The format is --format, else what the name given to -o ends in (.md, .html, .pdf), else Markdown. \
                A PDF is printed from the HTML by WeasyPrint (`apt-get install weasyprint`) and needs -o.
                """
        )

        @Argument(help: ArgumentHelp("The session file (.jsonl).", valueName: "session"))
        var session: String

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var output: String?

        @Option(name: .long, help: ArgumentHelp("The format: md, html or pdf. What -o's name ends in when left out, else md.", valueName: "format"))
        var format: ReportFormat?

        @Option(name: .long, help: "The report's language: nl, en, fr or de. The agenda's language when left out.")
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
            let format = format ?? output.flatMap(ReportFormat.init(fileName:)) ?? .md
            if let output {
                do {
                    try ReportFileWriter(options: options).write(
                        file.state, to: URL(fileURLWithPath: output), format: format, unreadableTail: file.tornTail)
                } catch {
                    throw UserFacingFailure(error)
                }
            } else if format == .pdf {
                throw ValidationError("a PDF is not written to the terminal: name a file with -o, for example -o report.pdf")
            } else {
                print(ReportRenderer.render(file.state, as: format.text, options: options, unreadableTail: file.tornTail), terminator: "")
            }
        }
    }
}
