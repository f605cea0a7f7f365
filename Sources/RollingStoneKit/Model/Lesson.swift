/// A lesson learned, opened under a theme; the entries captured while it is
/// open belong to it.
public struct Lesson: Codable, Equatable, Sendable {
    public var id: Int
    public var title: String
    /// The index of the agenda item (a theme) it was opened under.
    public var item: Int

    public init(id: Int, title: String, item: Int) {
        self.id = id
        self.title = title
        self.item = item
    }
}
