/// One result of a search: what was said, where and by whom.
package struct SearchHit: Equatable, Sendable {
    package var meeting: MeetingSummary
    package var kind: SearchKind
    /// The entry's `#N` in its meeting; `nil` for a lesson.
    package var number: Int?
    /// The agenda item's title.
    package var item: String
    /// The lesson it belongs to; for a lesson, `nil`.
    package var lesson: String?
    package var text: String
    /// Who said it, as they joined; `nil` when nobody was named.
    package var person: String?
    package var network: String?
    /// ISO 3166 code.
    package var country: String?
    /// Kept out of the write-ups by name: show the country, not the name.
    package var isPrivate: Bool
}

/// The best results of a search, and how many there are in all.
package struct SearchResults: Equatable, Sendable {
    package var hits: [SearchHit]
    package var total: Int
}
