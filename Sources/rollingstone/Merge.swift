import ArgumentParser
import Foundation
import RollingStoneCore
import RollingStoneJournal
import RollingStoneMeeting

extension RollingStoneCommand {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Bring breakout note-takers' sessions into the main session, as a new session file.",
            discussion: """
                Each breakout is a session on the same agenda (rollingstone run --agenda SAME.yaml on its own laptop). \
                Participants are matched by name (case and accents aside) and country; entries get the main session's \
                numbers and keep where they came from, so merging a breakout again adds nothing. The inputs are only read.
                """
        )

        @Argument(help: ArgumentHelp("The main session file (.jsonl).", valueName: "main"))
        var main: String

        @Argument(help: ArgumentHelp("The breakouts' session files.", valueName: "breakout"))
        var breakouts: [String]

        @Option(
            name: .shortAndLong,
            help: ArgumentHelp("The merged session to write; MAIN-merged.jsonl next to MAIN when left out. Never overwritten.", valueName: "file"))
        var output: String?

        func run() throws {
            let outcome: SessionMerge.Outcome
            do {
                outcome = try SessionMerge.merge(
                    main: URL(fileURLWithPath: main), breakouts: breakouts.map { URL(fileURLWithPath: $0) },
                    output: output.map { URL(fileURLWithPath: $0) })
            } catch {
                throw UserFacingFailure(Self.wording(error))
            }
            if let tail = outcome.mainTornTail { warn(main, tail) }
            // The results come in the order given: name each file as it was typed.
            for (path, breakout) in zip(breakouts, outcome.breakouts) {
                if let tail = breakout.tornTail { warn(path, tail) }
                var line = "\(path): \(Self.count(breakout.entriesAdded, "entry", "entries")) merged"
                var also: [String] = []
                if breakout.participantsAdded > 0 { also.append("\(Self.count(breakout.participantsAdded, "participant", "participants")) added") }
                if breakout.lessonsAdded > 0 { also.append("\(Self.count(breakout.lessonsAdded, "lesson", "lessons")) added") }
                if breakout.entriesAlreadyIn > 0 { also.append("\(breakout.entriesAlreadyIn) already in") }
                if !also.isEmpty { line += " (" + also.joined(separator: ", ") + ")" }
                print(line)
            }
            // `main.jsonl` gives `./main-merged.jsonl`: say it as the user would type it.
            let shown = outcome.output.relativePath.hasPrefix("./") ? String(outcome.output.relativePath.dropFirst(2)) : outcome.output.relativePath
            print("Merged session: \(shown); resume it with 'rollingstone run --session', report it with 'rollingstone report'.")
        }

        private func warn(_ path: String, _ tail: TornTail) {
            FileHandle.standardError.write(
                Data(
                    "warning: \(path):\(tail.line): \(tail.reason) (\(tail.bytes.count) bytes, a crash while writing); merged what comes before it\n"
                        .utf8))
        }

        private static func count(_ number: Int, _ one: String, _ many: String) -> String {
            "\(number) \(number == 1 ? one : many)"
        }

        /// The merge's typed errors in the user's words, naming the file.
        static func wording(_ error: SessionMergeError) -> String {
            switch error {
            case .unreadable(let error), .cannotCreate(let error):
                return error.description
            case .otherAgenda(let path, let main, let difference):
                return "\(path): error: not a breakout of \(main): it was held on another agenda (\(wording(difference))); nothing was merged"
            case .mainSessionGivenAsBreakout(let path):
                return "\(path): error: this is the main session, or a merge made from it, not a breakout; nothing was merged"
            case .notSaved(let path, let error):
                return "\(path): error: the merged session could not be written (\(error)); it was removed, the inputs are unchanged"
            case .planDoesNotFit(let error):
                return "error: the merge made an event that does not fit (\(error)); nothing was written — please report this"
            }
        }

        private static func wording(_ difference: AgendaDifference) -> String {
            switch difference {
            case .title(let main, let breakout): "title '\(breakout)', the main session's is '\(main)'"
            case .date(let main, let breakout): "date \(breakout ?? "none"), the main session's is \(main ?? "none")"
            case .itemCount(let main, let breakout): "\(breakout) agenda items, the main session has \(main)"
            case .itemTitle(let index, let main, let breakout):
                "item \(index + 1) is '\(breakout)', in the main session '\(main)'"
            }
        }
    }
}
