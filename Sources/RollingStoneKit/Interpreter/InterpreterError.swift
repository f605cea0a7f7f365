/// A command that was understood but cannot be carried out; nothing was recorded.
public enum InterpreterError: Error, Equatable, CustomStringConvertible, Sendable {
    case needsSpeaker
    case notATheme(String)
    case joinNeedsCountry
    case alreadyJoined(String)
    case noSuchEntry(Int, last: Int)
    case alreadyThere(Int, String)
    case nothingToUndo
    case emptyText(String)
    case textTooLong(String, Int, Int)
    case noSuchItem(String, count: Int)
    case ambiguousItem(String, candidates: [String])
    case atEdge(String)
    case alreadyAtItem(Int, String)

    public var description: String {
        switch self {
        case .needsSpeaker:
            "A quote needs its speaker: quote @NAME TEXT."
        case .notATheme(let title):
            "\"\(title)\" is not a theme; lessons belong under a theme item (see 'agenda', then 'goto')."
        case .joinNeedsCountry:
            "'join' needs a name and a country: join NAME, COUNTRY[, NETWORK[, ROLE[, CONTACT]]], e.g. join Stef Steyaert, BE, Lab van Troje"
        case .alreadyJoined(let name):
            "\(name) has already joined; 'who' lists everyone."
        case .noSuchEntry(let number, let last):
            last == 0 ? "There is no entry #\(number): nothing has been captured yet."
                : "There is no entry #\(number) (deleted, undone or never captured); 'list all' shows #1 to #\(last)."
        case .alreadyThere(let number, let title):
            "#\(number) is already under \"\(title)\"."
        case .nothingToUndo:
            "Nothing to undo."
        case .emptyText(let what):
            "\(what.capitalizedFirst) is empty; nothing was captured."
        case .textTooLong(let what, let length, let limit):
            "\(what.capitalizedFirst) is \(length) characters long, more than \(limit); nothing was captured."
        case .noSuchItem(let target, let count):
            "No agenda item matches '\(target.abbreviated())'; give a number from 1 to \(count) or part of a title ('agenda' lists them)."
        case .ambiguousItem(let target, let candidates):
            "'\(target.abbreviated())' matches more than one item: \(candidates.joined(separator: ", ")). Type more of the title or its number."
        case .atEdge(let message):
            message
        case .alreadyAtItem(let number, let title):
            "Already at item \(number) \"\(title)\"."
        }
    }
}
