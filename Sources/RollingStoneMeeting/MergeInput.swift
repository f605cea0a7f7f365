import Foundation
import RollingStoneCore
import RollingStoneJournal

/// One session file read for a merge: what it replays to, and its events,
/// which say when each entry was captured and, for the main session, are
/// copied into the merged one.
package struct MergeInput: Sendable {
    package var file: SessionFile
    /// The events replayed, in the file's order (a torn tail left out).
    package var records: [SessionRecord]

    package var path: String { file.path }
    /// The file's name, kept in each merged entry's origin.
    package var fileName: String { URL(fileURLWithPath: file.path).lastPathComponent }

    package init(file: SessionFile, records: [SessionRecord]) {
        self.file = file
        self.records = records
    }

    /// Reads and replays the session at `url`; the file is only read.
    package static func read(at url: URL) throws(SessionMergeError) -> MergeInput {
        let file: SessionFile
        do {
            file = try SessionFile.read(at: url)
        } catch {
            throw .unreadable(error)
        }
        // `SessionFile` checked the file: read it again for the events, up
        // to the length it replayed, so a line appended meanwhile (a
        // breakout still open on its laptop's share) is not half taken.
        guard let data = try? Data(contentsOf: url), data.count >= file.validLength else {
            throw .unreadable(.io(path: url.path, JournalIOError(operation: "read", code: EIO)))
        }
        let lines = data.prefix(Int(file.validLength)).split(separator: 0x0A, omittingEmptySubsequences: false).dropFirst()
        let decoder = JSONDecoder()
        var records: [SessionRecord] = []
        for (index, line) in lines.prefix(file.eventCount).enumerated() {
            guard let record = try? decoder.decode(SessionRecord.self, from: Data(line)) else {
                throw .unreadable(.badLine(path: url.path, line: index + 2, reason: "the event changed while it was read"))
            }
            records.append(record)
        }
        return MergeInput(file: file, records: records)
    }

    /// When each entry was captured (or accepted from a phone), by number.
    var captureTimes: [Int: Date] {
        var times: [Int: Date] = [:]
        for record in records {
            switch record.event {
            case .captured(let entry), .accepted(_, let entry): times[entry.number] = record.time
            default: break
            }
        }
        return times
    }

    /// The origins of every entry ever merged into this session, deleted
    /// and undone ones too: what a merge must not add again.
    var mergedOrigins: Set<SessionMerge.OriginKey> {
        var keys = Set<SessionMerge.OriginKey>()
        for record in records {
            switch record.event {
            case .captured(let entry), .accepted(_, let entry):
                if let origin = entry.origin { keys.insert(SessionMerge.OriginKey(origin)) }
            default: break
            }
        }
        return keys
    }
}
