import RollingStoneCore
import RollingStoneJournal
import RollingStoneMeeting
import RollingStoneReport

/// The words the REPL understands, with their usage and help.
package enum CommandName: String, CaseIterable, Sendable {
    case help, agenda, next, back, goto, time, join, who, lesson
    case tip, note, quote, idea, action
    case list, edit, delete, move, undo, report, end
    case inbox, accept, reject, room
    case queue = "q"
    case queueUp = "q+"
    case unqueue = "q-"
    case ack

    /// Other words for the same command.
    static let aliases: [String: CommandName] = [
        "?": .help, "h": .help, "n": .next, "b": .back, "go": .goto, "ls": .list,
        "rm": .delete, "del": .delete, "quit": .end, "exit": .end,
    ]

    /// How the command is typed.
    package var usage: String {
        switch self {
        case .help: "help [COMMAND]"
        case .agenda: "agenda"
        case .next: "next"
        case .back: "back"
        case .goto: "goto N|TITLE"
        case .time: "time"
        case .join: "join NAME, COUNTRY[, NETWORK[, ROLE[, CONTACT]]]"
        case .who: "who"
        case .lesson: "lesson TITLE"
        case .tip: "tip [@NAME] TEXT"
        case .note: "note TEXT"
        case .quote: "quote @NAME TEXT"
        case .idea: "idea [@NAME] TEXT"
        case .action: "action [@NAME] TEXT"
        case .list: "list [all]"
        case .edit: "edit #N TEXT"
        case .delete: "delete #N"
        case .move: "move #N ITEM"
        case .undo: "undo"
        case .report: "report [FILE]"
        case .end: "end"
        case .inbox: "inbox"
        case .accept: "accept N [@NAME]"
        case .reject: "reject N"
        case .room: "room [direct|moderated]"
        case .queue: "q [next|done|stats|time MIN|time off]"
        case .queueUp: "q+ @NAME [!] [TOPIC]"
        case .unqueue: "q- @NAME"
        case .ack: "ack"
        }
    }

    /// One line on what it does.
    package var summary: String {
        switch self {
        case .help: "list the commands, or explain one"
        case .agenda: "show the agenda: done, current and upcoming items with their minutes"
        case .next: "go to the next agenda item"
        case .back: "go back to the previous agenda item"
        case .goto: "go to agenda item N, or the item whose title contains TITLE"
        case .time: "show the time spent on this item and the meeting against the plan"
        case .join: "add a participant; COUNTRY is an ISO code or a name in Dutch or English"
        case .who: "list the participants by country"
        case .lesson: "open a lesson under the current theme; what follows belongs to it"
        case .tip: "capture a practical tip, optionally by a participant"
        case .note: "capture a note (any line that is not a command is a note too)"
        case .quote: "capture what a participant said, in their words"
        case .idea: "capture an idea, optionally by a participant"
        case .action: "capture a follow-up action, optionally with its owner"
        case .list: "list the entries of this item, or of the whole meeting, with their #numbers"
        case .edit: "replace the text of entry #N"
        case .delete: "delete entry #N (undo brings it back)"
        case .move: "move entry #N to another agenda item"
        case .undo: "take back the last change; again takes back the one before"
        case .report: "write the report so far (default: next to the session file)"
        case .end: "end the meeting (Ctrl-D does the same)"
        case .inbox: "list what phones in the room sent that waits for 'accept' or 'reject'"
        case .accept: "capture submission N under this item and lesson, by @NAME or by the name the phone gave"
        case .reject: "turn submission N down ('undo' brings it back)"
        case .room: "capture what phones send at once (direct) or only once accepted (moderated, the default)"
        case .queue: "show the speaker queue and who has the floor, for how long ('help q' for the rest)"
        case .queueUp: "put a participant in the speaker queue; with '!' (a point of order or direct reply) ahead of the others"
        case .unqueue: "take a participant out of the speaker queue"
        case .ack: "give the floor to the first in the queue, ending the turn under way ('q next' does the same)"
        }
    }

    /// Whether a word one letter off this command is taken for a typo of it.
    /// Not `ack`: "ach" starts many a Dutch or German sentence; nor the
    /// queue's signs.
    var isGuessedFromTypos: Bool {
        self != .ack && rawValue.allSatisfy(\.isLetter)
    }
}
