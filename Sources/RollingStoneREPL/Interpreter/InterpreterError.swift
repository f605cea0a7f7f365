/// A command whose item cannot be found as typed; nothing was recorded.
package enum InterpreterError: Error, Equatable, CustomStringConvertible, Sendable {
    case noSuchItem(String, count: Int)
    case ambiguousItem(String, candidates: [String])

    package var description: String {
        switch self {
        case .noSuchItem(let target, let count):
            "No agenda item matches '\(target.abbreviated())'; give a number from 1 to \(count) or part of a title ('agenda' lists them)."
        case .ambiguousItem(let target, let candidates):
            "'\(target.abbreviated())' matches more than one item: \(candidates.joined(separator: ", ")). Type more of the title or its number."
        }
    }
}
