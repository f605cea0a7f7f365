import GRDB

/// The tables of the archive's index, and their version.
///
/// The index is derived from the session files and never trusted over
/// them: an index of another version is thrown away and built again, so
/// there are no migrations.
enum IndexSchema {
    /// Kept in SQLite's `user_version`; one more whenever a table changes.
    static let version = 3

    /// Creates the tables in an empty database and stamps the version.
    static func create(in db: Database) throws {
        try db.create(table: "session") { table in
            table.autoIncrementedPrimaryKey("id")
            // The file's name in the archive's folder, and what its last read saw of it.
            table.column("file", .text).notNull().unique()
            table.column("signature", .text).notNull()
            // Why the file could not be read; its entries are then left out.
            table.column("problem", .text)
            table.column("sessionID", .text)
            table.column("series", .text)
            table.column("seriesKey", .text)
            table.column("number", .integer)
            table.column("title", .text).notNull().defaults(to: "")
            table.column("date", .text)
            table.column("host", .text)
            table.column("language", .text).notNull().defaults(to: "en")
            // What tells a merged session from the sessions it was made of (see `MergedSessions`).
            table.column("created", .text)
            table.column("isMerged", .boolean).notNull().defaults(to: false)
            table.column("rows", .integer).notNull().defaults(to: 0)
            table.column("isSuperseded", .boolean).notNull().defaults(to: false)
        }
        // The breakouts a merged session holds entries of, by their headers' `created`.
        try db.create(table: "origin") { table in
            table.column("session", .integer).notNull().references("session", onDelete: .cascade)
            table.column("created", .text).notNull()
        }
        try db.create(table: "entry") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("session", .integer).notNull().references("session", onDelete: .cascade)
            // Order within the session: lessons as opened, then entries as captured.
            table.column("ordinal", .integer).notNull()
            table.column("kind", .text).notNull()
            table.column("number", .integer)
            table.column("item", .integer).notNull()
            table.column("itemTitle", .text).notNull()
            table.column("isTheme", .boolean).notNull()
            table.column("themeKey", .text)
            table.column("lesson", .integer)
            table.column("lessonTitle", .text)
            table.column("text", .text).notNull()
            table.column("person", .text)
            // The name as search may match it: empty for a private person.
            table.column("searchName", .text).notNull()
            table.column("network", .text)
            table.column("country", .text)
            table.column("isPrivate", .boolean).notNull()
        }
        try db.create(index: "entry_theme", on: "entry", columns: ["themeKey", "session"])
        // For taking a session out again (and its cascade).
        try db.create(index: "entry_session", on: "entry", columns: ["session"])
        // Case and accents aside (remove_diacritics 2: "belgie" finds "België").
        // Kept in step by `IndexWriter` a session at a time, not by
        // triggers: a trigger a row made a build from nothing 2× slower.
        try db.create(virtualTable: "entry_text", using: FTS5()) { table in
            table.content = "entry"
            table.contentRowID = "id"
            table.tokenizer = .unicode61(diacritics: .remove)
            table.column("text")
            table.column("searchName")
            table.column("itemTitle")
        }
        try db.execute(sql: "PRAGMA user_version = \(version)")
    }
}
