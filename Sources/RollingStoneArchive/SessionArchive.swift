import Foundation
import RollingStoneCore
import RollingStoneJournal

/// A folder of session files: the archive of a series. The files are the
/// only source of truth; this reads them as they are.
package struct SessionArchive: Sendable {
    /// The meetings whose files could be read, earliest first.
    package var meetings: [ArchivedMeeting]
    /// The files that could not be read, each with why: said, not fatal, so
    /// one broken file does not hide the rest of a series.
    package var problems: [SessionFileError]

    /// Reads every session file of `folder` (see `SessionFolder`); with
    /// `wanted`, only the files whose header it keeps are read whole, so a
    /// folder of long sessions costs a line each.
    package static func read(folder: URL, wanted: ((SessionHeader) -> Bool)? = nil) throws(ArchiveError) -> SessionArchive {
        var meetings: [ArchivedMeeting] = []
        var problems: [SessionFileError] = []
        for name in try SessionFolder.sessionFileNames(in: folder) {
            let url = folder.appendingPathComponent(name)
            if let wanted {
                guard let header = firstLine(of: url).flatMap({ try? JSONDecoder().decode(SessionHeader.self, from: $0) }), wanted(header)
                else { continue }
            }
            do {
                meetings.append(ArchivedMeeting(url: url, state: try SessionFile.read(at: url).state))
            } catch {
                problems.append(error)
            }
        }
        return SessionArchive(meetings: meetings.sorted(by: ArchivedMeeting.chronologically), problems: problems)
    }

    /// The first line of the file at `url`, if it has one within 1 MiB.
    private static func firstLine(of url: URL) -> Data? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        var line = Data()
        while line.count < 1 << 20, let chunk = try? handle.read(upToCount: 64 << 10), !chunk.isEmpty {
            if let newline = chunk.firstIndex(of: 0x0A) {
                return line + chunk[chunk.startIndex..<newline]
            }
            line += chunk
        }
        return nil
    }

    /// The meetings of the series called `name` (case and accents aside).
    package func meetings(ofSeries name: String) -> [ArchivedMeeting] {
        let key = Agenda.seriesKey(name)
        return meetings.filter { Agenda.seriesKey($0.agenda.series) == key }
    }
}

/// An archive that could not be read at all.
package enum ArchiveError: Error, Equatable, CustomStringConvertible, Sendable {
    case unreadableFolder(path: String, reason: String)
    /// The index could be neither used nor built again (a full disk, say).
    case index(path: String, reason: String)

    package var description: String {
        switch self {
        case .unreadableFolder(let path, let reason):
            "\(path.abbreviated(limit: 200)): error: cannot read the archive's folder: \(reason); give the folder of the session files with --archive DIR"
        case .index(let path, let reason):
            "\(path.abbreviated(limit: 200)): error: cannot use the archive's index: \(reason); it is made from the session files alone, so it can be deleted and is built again"
        }
    }
}
