/// A change that `undo` can take back, as the meeting's state knows it.
///
/// Typed, so each client says it in its own words.
package enum UndoableChange: Equatable, Sendable {
    case join(name: String)
    case lesson(title: String)
    case capture(EntryKind, number: Int)
    case edit(entry: Int)
    case delete(entry: Int)
    case move(entry: Int)
    case accept(submission: Int, entry: Int)
    case reject(submission: Int)
    /// `done` of an earlier meeting's action, by its label ("A2.6").
    case actionDone(label: String)
    /// `private @NAME`.
    case makePrivate(name: String)
}
