/// A lesson learned, opened under a theme; the entries captured while it is
/// open belong to it.
package struct Lesson: Codable, Equatable, Sendable {
    package var id: Int
    package var title: String
    /// The index of the agenda item (a theme) it was opened under.
    package var item: Int

    package init(id: Int, title: String, item: Int) {
        self.id = id
        self.title = title
        self.item = item
    }
}
