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
                // Sessions a merged one stands in for are left out, which the full-text table alone cannot do.
                let hasSuperseded = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM session WHERE isSuperseded)") ?? false
                let isNarrowed = query.kind != nil || query.series != nil || hasSuperseded
                if !isNarrowed, let results = try Self.bestByRankAlone(pattern, limit: query.limit, in: db) { return results }
                return try Self.bestOfAll(query, pattern: pattern, in: db)
            }
        }
    }

    /// What every result row selects.
    private static let shown = """
        s.file, s.series, s.number, s.title, s.date, s.host, s.language, e.kind, e.number AS entryNumber,
        e.itemTitle, e.lessonTitle, e.text, e.person, e.network, e.country, e.isPrivate
        """
    private static let ranking = "rank MATCH 'bm25(1.0, 0.0, 0.0)'"

    /// The fast way: the best by rank from the full-text table alone
    /// (joining tens of thousands of matches costs more than ranking them),
    /// then only those joined. Short entries often share a rank, so more
    /// than `limit` are taken: all that share the rank at the cut, which
    /// the meetings then settle as `bestOfAll` does. `nil` when even those
    /// do not hold them all.
    private static func bestByRankAlone(_ pattern: String, limit: Int, in db: Database) throws -> SearchResults? {
        let taken = limit + spareForTies
        let best = try Row.fetchAll(
            db, sql: "SELECT rowid, rank FROM entry_text WHERE entry_text MATCH ? AND \(ranking) ORDER BY rank LIMIT ?",
            arguments: [pattern, taken])
        let ranks = best.map { ($0["rowid"] as Int64, $0["rank"] as Double) }
        let cut = ranks.count >= limit && limit > 0 ? ranks[limit - 1].1 : .infinity
        if ranks.count == taken, let last = ranks.last, last.1 <= cut { return nil }
        let candidates = Dictionary(ranks.filter { $0.1 <= cut }) { first, _ in first }
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM entry_text WHERE entry_text MATCH ?", arguments: [pattern]) ?? 0
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT e.id, \(shown) FROM entry e JOIN session s ON s.id = e.session
                WHERE e.id IN (\(Array(repeating: "?", count: candidates.count).joined(separator: ", ")))
                ORDER BY \(latestFirst), e.ordinal
                """,
            arguments: StatementArguments(Array(candidates.keys)))
        // A stable order: within a rank, the latest meeting first, as the query ordered them.
        let ordered = rows.enumerated().sorted {
            ((candidates[$0.element["id"]] ?? 0), $0.offset) < ((candidates[$1.element["id"]] ?? 0), $1.offset)
        }
        return SearchResults(hits: ordered.prefix(limit).map { hit($0.element) }, total: total)
    }

    /// How many more than asked the fast way takes, for ties at the cut:
    /// ranking costs the same for any number taken.
    private static let spareForTies = 256

    /// The general way, for a search narrowed to a kind or a series, or in
    /// an archive where merged sessions stand in for others: every match
    /// joined, ranked, then the latest meeting first.
    private static func bestOfAll(_ query: SearchQuery, pattern: String, in db: Database) throws -> SearchResults {
        var conditions = ["entry_text MATCH ?", "NOT s.isSuperseded"]
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
            db, sql: "SELECT \(shown) \(from) AND \(ranking) ORDER BY rank, \(latestFirst), e.ordinal LIMIT ?",
            arguments: StatementArguments(arguments + [max(0, query.limit)]))
        return SearchResults(hits: rows.map(hit), total: total)
    }

    /// The FTS5 query: each typed word, folded, as a prefix in its column,
    /// all of them required; `nil` when there is nothing to look for. A
    /// word that folds to several ("co-fund", "café-gesprek") is a phrase
    /// of them, its last one a prefix. Folded words are letters and digits
    /// only, so nothing typed is read as FTS5 syntax.
    static func pattern(_ query: SearchQuery) -> String? {
        func prefixes(_ text: String?, in column: String) -> [String] {
            (text ?? "").split(whereSeparator: \.isWhitespace).compactMap { typed in
                let words = String.foldedWords(String(typed))
                return words.isEmpty ? nil : "\(column) : \"\(words.joined(separator: " "))\"*"
            }
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
