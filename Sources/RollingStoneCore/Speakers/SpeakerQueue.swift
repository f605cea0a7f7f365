import Foundation

/// Who is waiting to speak and who has had the floor: the part of
/// `MeetingState` that the queue events (`queue`, `unqueue`, `turn`,
/// `turn-end`, `speaker-time`) change.
///
/// Like the rest of the state it changes only as events are applied, live
/// and on replay, so a resumed meeting has the same queue and turns.
package struct SpeakerQueue: Equatable, Sendable {
    /// Waiting requests in the order they were made, both levels mixed.
    private var requests: [SpeakerRequest] = []
    /// Every turn so far in the order given; the last is under way when it has not ended.
    package private(set) var turns: [SpeakerTurn] = []
    /// Seconds each speaker has before the overrun is announced; 0 for no limit.
    package private(set) var secondsPerTurn = 0

    package init() {}

    /// The waiting requests in the order the floor goes to them: every
    /// direct request first, then the plain ones, each level first come,
    /// first served.
    package var waiting: [SpeakerRequest] {
        requests.filter { $0.priority == .direct } + requests.filter { $0.priority == .plain }
    }

    /// The turn under way, if any.
    package var current: SpeakerTurn? {
        guard let last = turns.last, last.ended == nil else { return nil }
        return last
    }

    /// Whether anyone has had the floor in this meeting.
    package var hasTurns: Bool { !turns.isEmpty }

    /// Whether participant `id` is waiting for the floor.
    package func isWaiting(_ id: Int) -> Bool {
        requests.contains { $0.participant == id }
    }

    /// Whether the queue or its turns refer to participant `id`: such a
    /// participant cannot be taken out of the meeting by undoing their join.
    package func refers(to id: Int) -> Bool {
        isWaiting(id) || turns.contains { $0.request.participant == id }
    }

    // MARK: Totals

    /// Turns and seconds spoken by one participant.
    package struct Total: Equatable, Sendable {
        package var turns: Int
        package var seconds: TimeInterval

        package init(turns: Int = 0, seconds: TimeInterval = 0) {
            self.turns = turns
            self.seconds = seconds
        }
    }

    /// Turns and seconds by participant id, counting the turn under way up to `now`.
    package func totals(now: Date) -> [Int: Total] {
        var totals: [Int: Total] = [:]
        for turn in turns {
            totals[turn.request.participant, default: Total()].turns += 1
            totals[turn.request.participant, default: Total()].seconds += turn.seconds(now: now)
        }
        return totals
    }

    // MARK: Events

    /// Throws when a queue event does not fit: the participant is unknown,
    /// already waiting or not waiting, no turn is under way.
    func check(_ event: SessionEvent, participantExists: (Int) -> Bool) throws(MeetingStateError) {
        switch event {
        case .queued(let request):
            guard participantExists(request.participant) else { throw .unknownParticipant(request.participant) }
            guard !isWaiting(request.participant) else { throw .unexpected("second request of participant \(request.participant)") }
        case .unqueued(let id):
            guard isWaiting(id) else { throw .unexpected("unqueue of participant \(id), who is not waiting") }
        case .turnStarted(let id):
            guard isWaiting(id) else { throw .unexpected("turn of participant \(id), who is not waiting") }
        case .turnEnded:
            guard current != nil else { throw .unexpected("end of a turn when none is under way") }
        case .speakerTimeSet(let seconds):
            guard seconds >= 0 else { throw .unexpected("speaker time of \(seconds) seconds") }
        default:
            break
        }
    }

    /// Applies a queue event that `check` accepted; other events are left alone.
    mutating func apply(_ event: SessionEvent, at time: Date) {
        switch event {
        case .queued(let request):
            requests.append(request)
        case .unqueued(let id):
            requests.removeAll { $0.participant == id }
        case .turnStarted(let id):
            endTurn(at: time)
            guard let index = requests.firstIndex(where: { $0.participant == id }) else { return }
            let request = requests.remove(at: index)
            turns.append(SpeakerTurn(number: turns.count + 1, request: request, started: time, since: time))
        case .turnEnded:
            endTurn(at: time)
        case .speakerTimeSet(let seconds):
            secondsPerTurn = seconds
        default:
            break
        }
    }

    /// Ends the turn under way, if any, at `time`: a new turn or the meeting's end does.
    mutating func endTurn(at time: Date) {
        guard current != nil else { return }
        turns[turns.count - 1].ended = Swift.max(time, turns[turns.count - 1].since)
    }

    /// A session opened again after a crash: the turn under way counts up to
    /// `lastEventTime`, the last thing known, and goes on from `time`.
    mutating func resume(lastEventTime: Date, at time: Date) {
        guard current != nil else { return }
        let index = turns.count - 1
        turns[index].secondsBefore += Swift.max(0, lastEventTime.timeIntervalSince(turns[index].since))
        turns[index].since = time
    }
}
