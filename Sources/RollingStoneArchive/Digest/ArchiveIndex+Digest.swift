import GRDB
import RollingStoneCore

extension ArchiveIndex {
    /// The theme items with a lesson or tip, each theme (by `ThemeKey`) as
    /// its appearances, meetings in the order they were held, themes in the
    /// order they first came up; with `options.theme`, only the themes
    /// where one of the titles has those words.
    func digestThemes(_ options: DigestOptions) throws(ArchiveError) -> [[DigestAppearance]] {
        try recovering { index in
            try index.database.read { db in
                var conditions = ["e.isTheme", "e.kind IN ('\(IndexedEntry.lessonKind)', 'tip')", "NOT s.isSuperseded"]
                var arguments: [any DatabaseValueConvertible] = []
                if let series = options.series {
                    conditions.append("s.seriesKey = ?")
                    arguments.append(Agenda.seriesKey(series))
                }
                if let query = options.theme {
                    let keys = try Self.themeKeys(matching: query, where: conditions, arguments, in: db)
                    conditions.append("e.themeKey IN (\(Array(repeating: "?", count: keys.count).joined(separator: ", ")))")
                    arguments += keys
                    if keys.isEmpty { return [] }
                }
                let rows = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT s.id AS sid, s.file, s.series, s.number, s.title, s.date, s.host, s.language,
                            e.kind, e.item, e.itemTitle, e.themeKey, e.lesson, e.text, e.person, e.network, e.country, e.isPrivate
                        FROM entry e JOIN session s ON s.id = e.session
                        WHERE \(conditions.joined(separator: " AND "))
                        ORDER BY \(Self.chronologically), e.item, e.ordinal
                        """,
                    arguments: StatementArguments(arguments))
                return try Self.themes(from: rows)
            }
        }
    }

    private static func themeKeys(
        matching query: String, where conditions: [String], _ arguments: [any DatabaseValueConvertible], in db: Database
    ) throws -> [String] {
        let titles = try Row.fetchAll(
            db,
            sql: """
                SELECT DISTINCT e.themeKey, e.itemTitle FROM entry e JOIN session s ON s.id = e.session
                WHERE \(conditions.joined(separator: " AND "))
                """,
            arguments: StatementArguments(arguments))
        return Array(Set(titles.filter { ThemeKey.title($0["itemTitle"], matches: query) }.map { $0["themeKey"] as String }))
    }

    private static func themes(from rows: RowCursor) throws -> [[DigestAppearance]] {
        var order: [String] = []
        var byKey: [String: [DigestAppearance]] = [:]
        var current: DigestAppearance?
        var currentID: (Int64, Int)?
        var lessonIndex: [Int: Int] = [:]
        func close() {
            guard let appearance = current else { return }
            if byKey[appearance.key] == nil { order.append(appearance.key) }
            byKey[appearance.key, default: []].append(appearance)
        }
        while let row = try rows.next() {
            let id: (Int64, Int) = (row["sid"], row["item"])
            if currentID.map({ $0 != id }) ?? true {
                close()
                let summary = MeetingSummary(
                    file: row["file"], series: row["series"], number: row["number"], title: row["title"], date: row["date"],
                    host: row["host"], language: MeetingLanguage(rawValue: row["language"]) ?? .en)
                current = DigestAppearance(meeting: summary, title: row["itemTitle"], key: row["themeKey"])
                currentID = id
                lessonIndex = [:]
            }
            let lesson: Int? = row["lesson"]
            if row["kind"] == IndexedEntry.lessonKind {
                if let lesson { lessonIndex[lesson] = current?.lessons.count }
                current?.lessons.append((row["text"], []))
                continue
            }
            let tip = DigestTip(text: row["text"], person: row["person"], network: row["network"], country: row["country"], isPrivate: row["isPrivate"])
            if let position = lesson.flatMap({ lessonIndex[$0] }) {
                current?.lessons[position].tips.append(tip)
            } else {
                current?.outside.append(tip)
            }
        }
        close()
        return order.compactMap { byKey[$0] }
    }
}
