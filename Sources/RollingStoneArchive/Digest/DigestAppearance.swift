import RollingStoneCore

/// One theme item of one meeting, with its lessons and tips: what the
/// digest shows under the theme, read from the index.
struct DigestAppearance: Sendable {
    var meeting: MeetingSummary
    /// The item's title in that meeting.
    var title: String
    var key: String
    /// Its lessons in the order opened, each with its tips.
    var lessons: [(title: String, tips: [DigestTip])] = []
    /// Its tips outside any of its lessons.
    var outside: [DigestTip] = []
}

/// A tip, with who gave it.
struct DigestTip: Sendable {
    var text: String
    var person: String?
    var network: String?
    var country: String?
    var isPrivate: Bool
}
