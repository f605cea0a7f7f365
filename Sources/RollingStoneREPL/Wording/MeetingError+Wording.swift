import RollingStoneCore
import RollingStoneMeeting

extension MeetingError {
    /// What the REPL says when the meeting refuses an operation; `state`
    /// gives the titles that the error refers to by number.
    package func description(in state: MeetingState) -> String {
        let items = state.agenda.items
        func title(_ item: Int) -> String { items.indices.contains(item) ? items[item].title : "item \(item + 1)" }
        func name(_ id: Int) -> String { state.participant(id)?.name ?? "Participant \(id)" }
        switch self {
        case .notRecorded(let error):
            return "\(error.description.capitalizedFirst). Press ↑ to get the line back and try again."
        case .joinNeedsNameAndCountry:
            return "'join' needs a name and a country: join NAME, COUNTRY[, NETWORK[, ROLE[, CONTACT]]], e.g. join Stef Steyaert, BE, Lab van Troje"
        case .alreadyJoined(let participant):
            return "\(participant.name) has already joined; 'who' lists everyone."
        case .unknownCountry(let error):
            return error.description
        case .noSuchParticipant(let id):
            return "There is no participant \(id); 'who' lists everyone."
        case .quoteNeedsSpeaker:
            return "A quote needs its speaker: quote @NAME TEXT."
        case .notATheme(let item):
            return "\"\(title(item))\" is not a theme; lessons belong under a theme item (see 'agenda', then 'goto')."
        case .emptyText(let field):
            return "\(field.wording.capitalizedFirst) is empty; nothing was captured."
        case .textTooLong(let field, let length, let limit):
            return "\(field.wording.capitalizedFirst) is \(length) characters long, more than \(limit); nothing was captured."
        case .noSuchEntry(let number, let last):
            return last == 0
                ? "There is no entry #\(number): nothing has been captured yet."
                : "There is no entry #\(number) (deleted, undone or never captured); 'list all' shows #1 to #\(last)."
        case .alreadyThere(let number, let item):
            return "#\(number) is already under \"\(title(item))\"."
        case .nothingToUndo:
            return "Nothing to undo."
        case .noSuchItem:
            return "No such item."
        case .atFirstItem:
            return "This is the first item."
        case .atLastItem:
            return "This is the last item; 'end' ends the meeting."
        case .alreadyAtItem(let item):
            return "Already at item \(item + 1) \"\(title(item))\"."
        case .noSuchSubmission(let number, let last):
            return last == 0
                ? "There is no submission \(number): no phone has sent anything yet."
                : "There is no submission \(number); 'inbox' shows the ones waiting (1 to \(last) were sent)."
        case .submissionDecided(let number, let status):
            return "Submission \(number) is \(status.wording) already."
        case .alreadyQueued(let id):
            return "\(name(id)) is in the queue already; 'q' shows it."
        case .notQueued(let id):
            return "\(name(id)) is not in the queue; 'q' shows who is."
        case .speakerQueueEmpty:
            return "No one is in the queue: q+ @NAME puts someone in."
        case .noTurnUnderWay:
            return "No one has the floor; 'ack' gives it to the first in the queue."
        case .meetingHasEnded:
            return "The meeting has ended: no more turns. 'end' closes it again."
        case .speakerTimeOutOfRange(_, let limit):
            return "A speaker can have up to \(limit / 60) min: q time N (minutes), or q time off."
        case .joinHasTurns(let id):
            return "\(name(id)) is in the speaker queue or has spoken, so their join cannot be undone; 'q- @NAME' takes them out of the queue."
        }
    }
}

extension TextField {
    /// "the tip", "the lesson's title", …
    var wording: String {
        switch self {
        case .name: "the name"
        case .lessonTitle: "the lesson's title"
        case .entryText(let kind): "the \(kind.rawValue)"
        case .newText: "the new text"
        case .submissionText: "the text"
        case .submitterName: "the name"
        case .speakerTopic: "the topic"
        }
    }
}

extension UndoableChange: CustomStringConvertible {
    /// "tip #12", "join of Stef Steyaert", … as `undo` says it.
    package var description: String {
        switch self {
        case .join(let name): "join of \(name)"
        case .lesson(let title): "lesson \"\(title)\""
        case .capture(let kind, let number): "\(kind.rawValue) #\(number)"
        case .edit(let number): "edit of #\(number)"
        case .delete(let number): "delete of #\(number)"
        case .move(let number): "move of #\(number)"
        case .accept(let submission, let entry): "acceptance of submission \(submission) (#\(entry))"
        case .reject(let submission): "rejection of submission \(submission)"
        }
    }
}
