import Foundation

/// A participant asking for the floor: what `q+` puts in the speaker queue.
package struct SpeakerRequest: Codable, Equatable, Sendable {
    /// The participant's id.
    package var participant: Int
    package var priority: SpeakerPriority
    /// What they want to speak about, if they said.
    package var topic: String?

    package init(participant: Int, priority: SpeakerPriority = .plain, topic: String? = nil) {
        self.participant = participant
        self.priority = priority
        self.topic = topic
    }
}

/// The two levels of the queue, after TC39's TCQ kept to two: a point of
/// order or direct reply goes ahead of every plain request; within a level,
/// first come, first served.
package enum SpeakerPriority: String, Codable, CaseIterable, Sendable {
    /// A point of order or a direct reply to what is being said (`q+ @NAME !`).
    case direct
    /// A new point (`q+ @NAME`).
    case plain
}

/// One turn at speaking, finished or under way.
package struct SpeakerTurn: Equatable, Sendable {
    /// 1 for the first turn of the meeting, then one more each turn.
    package var number: Int
    package var request: SpeakerRequest
    package var started: Date
    /// When the turn ended; `nil` while it is under way.
    package var ended: Date?
    /// Seconds spoken before `since`: a turn that ran through a crash counts
    /// up to the last event before it, not the unknown gap.
    package var secondsBefore: TimeInterval = 0
    /// Where the running count started.
    package var since: Date

    package init(number: Int, request: SpeakerRequest, started: Date, ended: Date? = nil, secondsBefore: TimeInterval = 0, since: Date) {
        self.number = number
        self.request = request
        self.started = started
        self.ended = ended
        self.secondsBefore = secondsBefore
        self.since = since
    }

    /// Seconds spoken up to `now` (or to the end of a finished turn).
    package func seconds(now: Date) -> TimeInterval {
        secondsBefore + Swift.max(0, (ended ?? now).timeIntervalSince(since))
    }
}
