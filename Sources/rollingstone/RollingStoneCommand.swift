import ArgumentParser
import Foundation
import RollingStoneCore
import RollingStoneReport

@main
struct RollingStoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollingstone",
        abstract: "Run a RollingStone meeting: walk the agenda, capture what people share, write the report.",
        version: "\(ToolVersion.current) (commit \(BuildInfo.commit))",
        subcommands: [Run.self, Report.self, Digest.self, Search.self, Actions.self, People.self, Forget.self, AgendaCommand.self, Merge.self],
        defaultSubcommand: Run.self
    )

    /// Errors from the library are already worded as `file:line: error: …`:
    /// print them as they are rather than behind argument-parser's "Error:".
    static func main() {
        // Past a file size limit (ulimit -f) write() must fail with EFBIG, reported as "not saved", not kill us.
        signal(SIGXFSZ, SIG_IGN)
        do {
            var command: any ParsableCommand
            do {
                command = try parseAsRoot()
            } catch {
                // `run` is the default and takes no word: "reprot s.jsonl" would be two unexpected arguments to it.
                if let message = UnknownCommand.message(for: Array(CommandLine.arguments.dropFirst())) {
                    FileHandle.standardError.write(Data((message + "\n").utf8))
                    Foundation.exit(EX_USAGE)
                }
                throw error
            }
            try command.run()
        } catch let failure as UserFacingFailure {
            FileHandle.standardError.write(Data((failure.description + "\n").utf8))
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}

extension MeetingLanguage: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
