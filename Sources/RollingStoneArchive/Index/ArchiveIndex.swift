import Foundation
import GRDB
import RollingStoneCore
import RollingStoneJournal

/// The archive's index: SQLite (full-text search by FTS5) beside the
/// session files, derived from them and brought up to date with them before
/// every question, so it answers as a fresh index would.
///
/// It lives in `.rollingstone-index.sqlite` in the archive's folder. One
/// that is missing, corrupt or of another schema version is built again;
/// where none can be written (a read-only folder), one is built in memory.
package final class ArchiveIndex {
    /// The index file's name in the archive's folder (hidden: not a session).
    package static let fileName = ".rollingstone-index.sqlite"

    /// The folder of session files.
    package let folder: URL
    /// Where the index is kept.
    package private(set) var location: IndexLocation
    var database: DatabaseQueue

    /// The index of the archive in `folder`, up to date with its files.
    package static func open(folder: URL) throws(ArchiveError) -> ArchiveIndex {
        _ = try SessionFolder.sessionFileNames(in: folder)
        let path = folder.appendingPathComponent(fileName).path
        let index: ArchiveIndex
        do {
            index = ArchiveIndex(folder: folder, location: .file(path: path), database: try openFile(at: path))
        } catch let error as DatabaseError where Self.cannotWrite(error) {
            index = ArchiveIndex(folder: folder, location: .memory(reason: Self.reason(error)), database: try inMemory())
        } catch {
            throw .index(path: path, reason: Self.reason(error))
        }
        _ = try index.recovering { try $0.refresh() }
        return index
    }

    /// An index in memory of `meetings`, for write-ups of meetings already
    /// read (and tests): the same rows and questions as a file's index.
    package static func inMemory(of meetings: [ArchivedMeeting]) throws(ArchiveError) -> ArchiveIndex {
        let index = ArchiveIndex(folder: URL(fileURLWithPath: "/"), location: .memory(reason: nil), database: try inMemory())
        do {
            try index.database.write { db in
                for meeting in meetings {
                    try IndexWriter.insert(meeting.state, file: meeting.url.lastPathComponent, signature: "", into: db)
                }
                try MergedSessions.mark(in: db)
            }
        } catch {
            throw .index(path: ":memory:", reason: reason(error))
        }
        return index
    }

    private init(folder: URL, location: IndexLocation, database: DatabaseQueue) {
        self.folder = folder
        self.location = location
        self.database = database
    }

    /// Runs `body`; when it finds the index file corrupt, builds the index
    /// again from the files and runs it once more (on the new index,
    /// brought up to date first).
    func recovering<T>(_ body: (ArchiveIndex) throws -> T) throws(ArchiveError) -> T {
        do {
            return try body(self)
        } catch let error as DatabaseError where Self.isCorruption(error) {
            guard case .file(let path) = location else { throw .index(path: ":memory:", reason: Self.reason(error)) }
            do {
                try Self.removeFile(at: path)
                database = try Self.openFile(at: path)
                try refresh()
                return try body(self)
            } catch {
                throw .index(path: path, reason: Self.reason(error))
            }
        } catch let error as ArchiveError {
            throw error
        } catch {
            throw .index(path: location.path, reason: Self.reason(error))
        }
    }

    /// Brings the index up to date with the folder: reads again exactly the
    /// session files that are new or changed since they were indexed, and
    /// forgets those that are gone.
    @discardableResult
    func refresh() throws -> Int {
        let names = try SessionFolder.sessionFileNames(in: folder)
        let seen = names.map { ($0, SessionFileSignature(path: folder.appendingPathComponent($0).path)) }
        func outdated(_ db: Database) throws -> (changed: [(String, SessionFileSignature)], gone: [String]) {
            let known = try Dictionary(
                Row.fetchAll(db, sql: "SELECT file, signature FROM session").map { ($0["file"] as String, $0["signature"] as String) },
                uniquingKeysWith: { first, _ in first })
            let changed = seen.compactMap { name, signature in signature.map { (name, $0) } }.filter { known[$0.0] != $0.1.text }
            let present = Set(seen.filter { $0.1 != nil }.map(\.0))
            return (changed, known.keys.filter { !present.contains($0) })
        }
        let pending = try database.read { db in try outdated(db) }
        guard !pending.changed.isEmpty || !pending.gone.isEmpty else { return 0 }
        // Written under SQLite's lock, looked at again inside it: another
        // rollingstone may have brought it up to date meanwhile.
        return try database.writeWithoutTransaction { db in
            var count = 0
            try db.inTransaction(.immediate) {
                let (changed, gone) = try outdated(db)
                for name in gone + changed.map(\.0) {
                    try IndexWriter.remove(file: name, from: db)
                }
                // Read a few at a time on every core, written one by one.
                for start in stride(from: 0, to: changed.count, by: Self.readBatch) {
                    let batch = Array(changed[start..<min(changed.count, start + Self.readBatch)])
                    let states = SessionFolder.read(batch.map { folder.appendingPathComponent($0.0) })
                    for ((name, signature), state) in zip(batch, states) {
                        switch state {
                        case .success(let state): try IndexWriter.insert(state, file: name, signature: signature.text, into: db)
                        case .failure(let error): try IndexWriter.insertProblem(String(describing: error), file: name, signature: signature.text, into: db)
                        }
                    }
                }
                try MergedSessions.mark(in: db)
                count = changed.count + gone.count
                return .commit
            }
            return count
        }
    }

    /// Earlier meetings first, as `MeetingSummary.chronologically` has it,
    /// for SQL on `session s`.
    static let chronologically = "s.date IS NULL, s.date, s.number IS NULL, s.number, s.file"
    /// The other way round.
    static let latestFirst = "s.date IS NOT NULL, s.date DESC, s.number IS NOT NULL, s.number DESC, s.file DESC"

    /// How many session files are read at once: enough to keep the cores
    /// busy, few enough to hold.
    private static let readBatch = 32

    /// The session files that could not be read, each with why.
    package func problems() throws(ArchiveError) -> [String] {
        try recovering { index in
            try index.database.read { db in try String.fetchAll(db, sql: "SELECT problem FROM session WHERE problem IS NOT NULL ORDER BY file") }
        }
    }

    /// How many session files the index holds, those it could not read too.
    package func sessionCount() throws(ArchiveError) -> Int {
        try recovering { index in try index.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM session") ?? 0 } }
    }

    /// The language of the latest meeting, if any could be read.
    package func latestLanguage() throws(ArchiveError) -> MeetingLanguage? {
        try recovering { index in
            try index.database.read { db in
                try String.fetchOne(
                    db, sql: "SELECT language FROM session s WHERE problem IS NULL ORDER BY \(Self.latestFirst) LIMIT 1")
            }
        }.flatMap(MeetingLanguage.init(rawValue:))
    }

    /// Deletes the index file of the archive in `folder`, if there is one:
    /// what `forget` does, so no trace of a name stays in freed pages.
    package static func remove(inFolder folder: URL) throws(ArchiveError) {
        let path = folder.appendingPathComponent(fileName).path
        do {
            try removeFile(at: path)
        } catch {
            throw .index(path: path, reason: reason(error))
        }
    }

    /// The index file at `path`, made anew when it is not a database, is
    /// damaged, or is of another schema version.
    private static func openFile(at path: String) throws -> DatabaseQueue {
        do {
            return try openChecked(at: path)
        } catch let error as DatabaseError where isCorruption(error) {
            try removeFile(at: path)
            return try openChecked(at: path)
        }
    }

    private static func openChecked(at path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        // Another rollingstone may be bringing it up to date: wait for it.
        configuration.busyMode = .timeout(30)
        let database = try DatabaseQueue(path: path, configuration: configuration)
        let version = try database.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
        guard version != IndexSchema.version else { return database }
        let isEmpty = try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") == 0 }
        guard isEmpty else {
            try database.close()
            try removeFile(at: path)
            return try openChecked(at: path)
        }
        try database.write { db in try IndexSchema.create(in: db) }
        return database
    }

    private static func inMemory() throws(ArchiveError) -> DatabaseQueue {
        do {
            let database = try DatabaseQueue()
            try database.write { db in try IndexSchema.create(in: db) }
            return database
        } catch {
            throw .index(path: ":memory:", reason: reason(error))
        }
    }

    private static func removeFile(at path: String) throws {
        for suffix in ["", "-journal", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    private static func isCorruption(_ error: DatabaseError) -> Bool {
        [.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode)
    }

    /// Whether the folder does not let the index be kept in it.
    private static func cannotWrite(_ error: DatabaseError) -> Bool {
        [.SQLITE_CANTOPEN, .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH].contains(error.resultCode)
    }

    static func reason(_ error: any Error) -> String {
        (error as? DatabaseError)?.message ?? (error as NSError).localizedDescription
    }
}

/// Where an archive's index is kept.
package enum IndexLocation: Equatable, Sendable {
    /// In the archive's folder.
    case file(path: String)
    /// In memory, for this run only; `reason` says why not in a file.
    case memory(reason: String?)

    var path: String {
        switch self {
        case .file(let path): path
        case .memory: ":memory:"
        }
    }
}
