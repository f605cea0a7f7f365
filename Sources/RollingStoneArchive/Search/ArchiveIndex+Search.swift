import GRDB
import RollingStoneCore

extension ArchiveIndex {
    /// The entries and lessons that `query` finds, the best first (BM25 on
    /// the text; the name and the theme only narrow down), then the latest
    /// meeting's first: an order that depends on the files alone, not on
    /// the order the index happened to read them in.
    package func search(_ query: SearchQuery) throws(ArchiveError) -> SearchResults {
        guard let pattern = Self.pattern(query) else { return SearchResults(hits: [], total: 0) }
        return try recovering { index in
            try index.database.read { db in
                var conditions = ["entry_text MATCH ?"]
                var arguments: [any DatabaseValueConvertible] = [pattern]
                if let kind = query.kind {
                    conditions.append("e.kind = ?")
                    arguments.append(kind.rawValue)
                }
                if let series = query.series {
                    conditions.append("s.seriesKey = ?")
                    arguments.append(Agenda.seriesKey(series))
                }
                let from = """
                    FROM entry_text JOIN entry e ON e.id = entry_text.rowid JOIN session s ON s.id = e.session
                    WHERE \(conditions.joined(separator: " AND "))
                    """
                let total = try Int.fetchOne(db, sql: "SELECT count(*) \(from)", arguments: StatementArguments(arguments)) ?? 0
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT s.file, s.series, s.number, s.title, s.date, s.host, s.language, e.kind, e.number AS entryNumber,
                            e.itemTitle, e.lessonTitle, e.text, e.person, e.network, e.country, e.isPrivate
                        \(from) AND rank MATCH 'bm25(1.0, 0.0, 0.0)'
                        ORDER BY rank, \(Self.latestFirst), e.ordinal LIMIT ?
                        """,
                    arguments: StatementArguments(arguments + [max(0, query.limit)]))
                return SearchResults(hits: rows.map(Self.hit), total: total)
            }
        }
    }

    /// The FTS5 query: each folded word as a prefix, in its column, all of
    /// them required; `nil` when there is nothing to look for. Folded words
    /// are letters and digits only, so nothing typed is read as FTS5 syntax.
    static func pattern(_ query: SearchQuery) -> String? {
        func prefixes(_ text: String?, in column: String) -> [String] {
            String.foldedWords(text ?? "").map { "\(column) : \"\($0)\"*" }
        }
        let parts = prefixes(query.words, in: "text") + prefixes(query.person, in: "searchName") + prefixes(query.theme, in: "itemTitle")
        return parts.isEmpty ? nil : parts.joined(separator: " AND ")
    }

    private static func hit(_ row: Row) -> SearchHit {
        let meeting = MeetingSummary(
            file: row["file"], series: row["series"], number: row["number"], title: row["title"], date: row["date"], host: row["host"],
            language: MeetingLanguage(rawValue: row["language"]) ?? .en)
        let kind = SearchKind(rawValue: row["kind"]) ?? .note
        let isPrivate: Bool = row["isPrivate"]
        return SearchHit(
            meeting: meeting, kind: kind, number: row["entryNumber"], item: row["itemTitle"], lesson: kind == .lesson ? nil : row["lessonTitle"],
            text: row["text"], person: isPrivate ? nil : row["person"], network: isPrivate ? nil : row["network"], country: row["country"],
            isPrivate: isPrivate)
    }
}
