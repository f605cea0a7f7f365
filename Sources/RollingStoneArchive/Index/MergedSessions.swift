import GRDB

/// Which sessions of the archive a merged session stands in for, so that
/// what was said in a meeting with breakouts is found and digested once.
///
/// `rollingstone merge` writes a new session with the main session's
/// `created` and every breakout's entries, each with its origin (the
/// breakout's `created`). So: of the sessions sharing a `created`, when one
/// of them is merged, the merged one with the most rows stands (a later
/// merge of more breakouts holds more); the others, and every breakout
/// whose `created` a standing merged session holds entries of, are left out.
enum MergedSessions {
    /// Marks each session superseded or not, from the index's sessions as
    /// they now are (so a fresh index marks them the same).
    static func mark(in db: Database) throws {
        let sessions = try Row.fetchAll(db, sql: "SELECT id, file, created, isMerged, rows FROM session WHERE problem IS NULL")
        var superseded: Set<Int64> = []
        var standing: [Int64] = []
        for group in Dictionary(grouping: sessions, by: { $0["created"] as String? ?? "" }).values {
            let merged = group.filter { $0["isMerged"] as Bool }
            guard let best = merged.max(by: { (($0["rows"] as Int), $0["file"] as String) < (($1["rows"] as Int), $1["file"] as String) })
            else { continue }
            standing.append(best["id"])
            superseded.formUnion(group.map { $0["id"] as Int64 }.filter { $0 != best["id"] as Int64 })
        }
        if !standing.isEmpty {
            let held = try String.fetchSet(
                db, sql: "SELECT created FROM origin WHERE session IN (\(standing.map(String.init).joined(separator: ", ")))")
            superseded.formUnion(sessions.filter { !($0["isMerged"] as Bool) && held.contains($0["created"] as String? ?? "") }.map { $0["id"] })
        }
        try db.execute(sql: "UPDATE session SET isSuperseded = 0 WHERE isSuperseded")
        if !superseded.isEmpty {
            try db.execute(sql: "UPDATE session SET isSuperseded = 1 WHERE id IN (\(superseded.map(String.init).joined(separator: ", ")))")
        }
    }
}
