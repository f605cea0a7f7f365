import GRDB
import RollingStoneCore

/// Writes a meeting's rows into the index.
enum IndexWriter {
    /// Adds the meeting `state` read from `file` (whose signature was
    /// `signature` before it was read) with all its rows.
    static func insert(_ state: MeetingState, file: String, signature: String, into db: Database) throws {
        let agenda = state.agenda
        try db.execute(
            sql: """
                INSERT INTO session (file, signature, sessionID, series, seriesKey, number, title, date, host, language, created, isMerged)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                file, signature, state.header.identity, agenda.series, Agenda.seriesKey(agenda.series), agenda.number, agenda.title,
                agenda.date, agenda.host?.name, agenda.language.rawValue, SessionTimestamp.string(from: state.header.created),
                state.header.id?.hasPrefix(SessionHeader.mergedIDPrefix) ?? false,
            ])
        let session = db.lastInsertedRowID
        let lastRowBefore = try Int64.fetchOne(db, sql: "SELECT max(id) FROM entry") ?? 0
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO entry (session, ordinal, kind, number, item, itemTitle, isTheme, themeKey, lesson, lessonTitle, text,
                person, searchName, network, country, isPrivate) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        var themeKeys: [Int: String] = [:]
        let rows = IndexedEntry.rows(of: state)
        for (ordinal, row) in rows.enumerated() {
            let themeKey: String?
            if row.isTheme {
                themeKey = themeKeys[row.item] ?? ThemeKey(title: row.itemTitle).word
                themeKeys[row.item] = themeKey
            } else {
                themeKey = nil
            }
            let person = row.person
            try statement.execute(arguments: [
                session, ordinal, row.kind, row.number, row.item, row.itemTitle, row.isTheme, themeKey, row.lesson, row.lessonTitle,
                row.text, person?.name, row.isPrivate ? "" : (person?.name ?? ""), person?.network, person?.country, row.isPrivate,
            ])
        }
        // The rows just added, by rowid: an index lookup by session would cost as much again.
        try db.execute(
            sql: "INSERT INTO entry_text (rowid, text, searchName, itemTitle) SELECT id, text, searchName, itemTitle FROM entry WHERE id > ?",
            arguments: [lastRowBefore])
        try db.execute(sql: "UPDATE session SET rows = ? WHERE id = ?", arguments: [rows.count, session])
        for created in Set(state.entries.compactMap(\.origin?.created)) {
            try db.execute(sql: "INSERT INTO origin (session, created) VALUES (?, ?)", arguments: [session, created])
        }
    }

    /// Takes the session read from `file` out of the index, its text first:
    /// an external-content FTS5 table is told what it had indexed.
    static func remove(file: String, from db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO entry_text (entry_text, rowid, text, searchName, itemTitle)
                SELECT 'delete', e.id, e.text, e.searchName, e.itemTitle FROM entry e JOIN session s ON s.id = e.session WHERE s.file = ?
                """,
            arguments: [file])
        try db.execute(sql: "DELETE FROM session WHERE file = ?", arguments: [file])
    }

    /// Notes that `file` could not be read, and why: said with every answer
    /// until the file changes, not read again each time.
    static func insertProblem(_ problem: String, file: String, signature: String, into db: Database) throws {
        try db.execute(
            sql: "INSERT INTO session (file, signature, problem) VALUES (?, ?, ?)", arguments: [file, signature, problem])
    }
}
