import Foundation
import RollingStoneCore
import RollingStoneJournal

#if canImport(Glibc)
import Glibc
#endif

/// Brings the sessions of breakout note-takers into the main session, as a
/// new session file: the main session's events as they were, then the
/// breakouts' participants, lessons and final live entries.
///
/// What is merged of a breakout is its end state, not its history: an
/// entry edited, moved or deleted there arrives as it ended up (or not at
/// all), and its undo stack, speaker queue and phone submissions stay
/// behind. Entries of all breakouts are merged by the time they were
/// captured, each breakout's in its own order whatever its clock said (the
/// merge step of a merge sort), ties going to the breakout whose session
/// was created first (then by file name), so the order the files are given
/// in does not matter. Each merged entry keeps its origin (file, created,
/// `#N`); one whose origin is already in is skipped, so merging a breakout
/// again adds nothing.
package enum SessionMerge {
    /// What was merged from one breakout.
    package struct BreakoutResult: Equatable, Sendable {
        package var path: String
        package var entriesAdded: Int
        /// Live entries of the breakout that were already in the session.
        package var entriesAlreadyIn: Int
        package var participantsAdded: Int
        package var lessonsAdded: Int
        /// The end of the breakout's file that could not be read; what came before was merged.
        package var tornTail: TornTail?
    }

    /// What a merge wrote.
    package struct Outcome: Equatable, Sendable {
        package var output: URL
        /// The main session's unreadable end, left out of the merged session.
        package var mainTornTail: TornTail?
        /// One per breakout, in the order they were given.
        package var breakouts: [BreakoutResult]
    }

    /// An entry's identity across sessions: its breakout's `created` and its number there.
    struct OriginKey: Hashable, Sendable {
        var created: String
        var number: Int
        init(_ origin: EntryOrigin) {
            created = origin.created
            number = origin.number
        }
    }

    /// Merges the sessions at `breakouts` into the one at `main`, writing a
    /// new session at `output` (or `defaultOutput(for:)`). The inputs are
    /// only read.
    package static func merge(main: URL, breakouts: [URL], output: URL? = nil) throws(SessionMergeError) -> Outcome {
        let mainInput = try MergeInput.read(at: main)
        var breakoutInputs: [MergeInput] = []
        for url in breakouts { breakoutInputs.append(try MergeInput.read(at: url)) }
        let (events, results) = try plan(main: mainInput, breakouts: breakoutInputs)
        let target = output ?? defaultOutput(for: main)
        try write(main: mainInput, then: events, to: target, id: mergedID(of: [mainInput] + breakoutInputs))
        return Outcome(output: target, mainTornTail: mainInput.file.tornTail, breakouts: results)
    }

    /// `MAIN-merged.jsonl` next to the main session, or `MAIN-merged-2.jsonl`
    /// and so on when that exists: a merge never replaces a file.
    package static func defaultOutput(for main: URL) -> URL {
        let folder = main.deletingLastPathComponent()
        let stem = main.deletingPathExtension().lastPathComponent
        for attempt in 1... {
            let name = attempt == 1 ? "\(stem)-merged.jsonl" : "\(stem)-merged-\(attempt).jsonl"
            let candidate = folder.appendingPathComponent(name)
            if !FileManager.default.fileExists(atPath: candidate.path) { return candidate }
        }
        return folder.appendingPathComponent("\(stem)-merged.jsonl")
    }

    /// Writes the merged session through the journal, the one gate for
    /// every change; a partial file is removed, so a failure leaves nothing.
    /// The merged session's id: made from its inputs' ids, so merging the
    /// same sessions again, in any order, gives the same file.
    private static func mergedID(of inputs: [MergeInput]) -> String {
        SessionHeader.mergedIDPrefix + StableHash.hex(inputs.map(\.file.state.header.identity).sorted().joined(separator: " "))
    }

    private static func write(main: MergeInput, then events: [SessionEvent], to url: URL, id: String) throws(SessionMergeError) {
        let journal: SessionJournal
        do {
            journal = try SessionJournal.create(
                at: url, agenda: main.file.header.agenda, now: main.file.header.created, id: id)
        } catch {
            throw .cannotCreate(error)
        }
        defer { journal.close() }
        // Merged events carry the main session's last time: the time spent
        // on each item, derived from event times, stays what it was.
        let mergeTime = main.file.state.lastEventTime
        do throws(JournalAppendError) {
            for record in main.records { try journal.append(record.event, at: record.time) }
            for event in events { try journal.append(event, at: mergeTime) }
        } catch {
            journal.close()
            unlink(url.path)
            throw .notSaved(path: url.path, error)
        }
    }
}
