/// What kind of thing was captured.
public enum EntryKind: String, Codable, CaseIterable, Sendable {
    case note
    case tip
    case quote
    case idea
    case action
}
