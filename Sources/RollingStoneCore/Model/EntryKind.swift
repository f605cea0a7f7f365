/// What kind of thing was captured.
package enum EntryKind: String, Codable, CaseIterable, Sendable {
    case note
    case tip
    case quote
    case idea
    case action
    /// A question from the room, sent from a phone.
    case question
}
