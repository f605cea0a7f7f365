import ArgumentParser
import Foundation
import RollingStoneArchive

extension RollingStoneCommand {
    struct Forget: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "forget",
            abstract: "Remove a person's name, network, role and contact from every session of the archive.",
            discussion: """
                The person becomes 'N.N.' (their country stays, for the counts). Each file is rewritten whole or not at all; \
                a session open in a running meeting is left alone and named. Running it again changes nothing. The only \
                command that rewrites session files.
                """
        )

        @Argument(help: ArgumentHelp("The person's full name, as they joined (case and accents aside).", valueName: "name"))
        var name: [String]

        @Option(name: .long, help: ArgumentHelp("The folder of session files.", valueName: "dir"))
        var archive = "sessions"

        func run() throws {
            let fullName = name.joined(separator: " ")
            guard !fullName.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("give the person's full name") }
            let outcomes: [(URL, SessionForgetting.Outcome)]
            do {
                outcomes = try SessionForgetting.forget(fullName, in: URL(fileURLWithPath: archive))
            } catch {
                throw UserFacingFailure(error)
            }
            var incomplete = false
            for (url, outcome) in outcomes {
                let path = (archive as NSString).appendingPathComponent(url.lastPathComponent)
                switch outcome {
                case .unchanged:
                    print("\(path): unchanged (does not name them)")
                case .rewritten(let lines, let dropped):
                    print(
                        "\(path): rewritten, \(lines) line\(lines == 1 ? "" : "s") without them"
                            + (dropped ? "; an incomplete last line (a crash while writing) was left out" : ""))
                case .open:
                    incomplete = true
                    print("\(path): not changed: a running meeting has it open; run forget again once it has ended")
                case .failed(let reason):
                    incomplete = true
                    print("\(path): error: not changed: \(reason)")
                }
            }
            if outcomes.isEmpty { print("\(archive): no session files") }
            // Deleted, not updated: SQLite keeps what it deletes in free pages.
            do {
                try ArchiveIndex.remove(inFolder: URL(fileURLWithPath: archive))
                _ = try ArchiveIndex.open(folder: URL(fileURLWithPath: archive))
                print("\(archive): the search index was built again without them")
            } catch {
                incomplete = true
                print(String(describing: error))
            }
            if incomplete { throw ExitCode(1) }
        }
    }
}
