import RollingStoneCore
import RollingStoneJournal
import RollingStoneMeeting
import RollingStoneReport

/// One line typed at the prompt, understood.
package enum Command: Equatable, Sendable {
    case help(topic: String?)
    case agenda
    case next
    case back
    case goto(target: String)
    case time
    case join(arguments: String)
    case who
    case lesson(title: String)
    /// `tip`, `note`, `quote`, `idea`, `action`, with the text after the
    /// command word (which may start with `@NAME`).
    case capture(EntryKind, text: String)
    /// A line that is not a command, captured as a note.
    case plainNote(text: String)
    case list(all: Bool)
    case edit(entry: Int, text: String)
    case delete(entry: Int)
    case move(entry: Int, target: String)
    case undo
    case report(path: String?)
    case end
    /// The room's submissions waiting for a decision.
    case inbox
    /// `accept N [@NAME]`: `mention` is the text after the number, if any.
    case accept(submission: Int, mention: String?)
    case reject(submission: Int)
    /// `room direct`, `room moderated`; `nil` asks how the room stands.
    case room(direct: Bool?)
    /// `q`: the speaker queue and who has the floor.
    case queue
    /// `q+ @NAME [!] [TOPIC]`, with the text after `q+`.
    case queueUp(text: String)
    /// `q- @NAME`, with the text after `q-`.
    case unqueue(text: String)
    /// `ack`, `q next`: the floor to the first in the queue.
    case nextSpeaker
    /// `q done`: the turn under way ends, no one next.
    case endTurn
    /// `q time MIN`, `q time off` (0 seconds).
    case speakerTime(seconds: Int)
    /// `q stats`: turns and time by person and country.
    case speakerStats
    /// `actions`: the open actions of earlier meetings, and this one's.
    case actions
    /// `done A2.6`: that action was done.
    case done(label: String)
    /// `private @NAME`, with the text after `private`.
    case makePrivate(text: String)
    /// `search WORDS`: what the meetings of the folder said about it.
    case search(words: String)
}
