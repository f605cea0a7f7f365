import Dispatch
import Foundation
import RollingStoneCore
import RollingStoneMeeting
import Synchronization

/// The changes of the meeting as Server-Sent Events, for every page that listens.
///
/// It observes the meeting and turns each record into one frame (`id:` the
/// record's `seq`, `data:` the change and the state after it), on its own
/// queue so that the facilitator's capture never waits for a page. It keeps
/// the frames since it started, so a page that reconnects with
/// `Last-Event-ID` gets every later change once; one that asks for more than
/// it holds, or starts afresh, first gets a `reset` with the current state.
final class ChangeFeed: Sendable {
    /// Frames kept for reconnecting pages; older ones are answered with a reset.
    static let historyLimit = 5_000
    /// Frames a page may fall behind by. One further behind is ended rather
    /// than left with a gap: it reconnects with `Last-Event-ID` and catches
    /// up, or starts again from a reset when it missed more than this.
    static let listenerBacklog = 1_000

    private let meeting: Meeting
    private let join: RoomView.Join
    private let queue = DispatchQueue(label: "rollingstone.room.feed")
    private let feed: Mutex<Feed>
    private let observation = Mutex<MeetingObservation?>(nil)
    private let keepAlive = Mutex<(any DispatchSourceTimer)?>(nil)

    private struct Feed {
        var frames: [(sequence: Int, bytes: [UInt8])] = []
        /// The sequence number frames start after: what the meeting had when the feed began, or the oldest dropped.
        var startSequence: Int
        var latest: MeetingState
        var listeners: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
        var nextListener = 0
        /// Accepted and rejected submissions by the record that decided them, so an undo can say which one is pending again.
        var decisions: [Int: Submission] = [:]
    }

    init(meeting: Meeting, join: RoomView.Join) {
        self.meeting = meeting
        self.join = join
        let state = meeting.state
        feed = Mutex(Feed(startSequence: state.lastSequence, latest: state))
    }

    /// Starts following the meeting, with a keep-alive comment every `keepAliveSeconds`.
    func start(keepAliveSeconds: Int = 15) {
        let observation = meeting.observe { [weak self] update in
            guard let self else { return }
            let now = self.meeting.now
            self.queue.async { self.publish(update, at: now) }
        }
        self.observation.withLock { $0 = observation }
        keepAlive.withLock { slot in
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now() + .seconds(keepAliveSeconds), repeating: .seconds(keepAliveSeconds))
            timer.setEventHandler { [weak self] in self?.broadcast(Array(": keep-alive\n\n".utf8)) }
            timer.resume()
            slot = timer
        }
    }

    /// Stops following the meeting and ends every stream.
    func stop() {
        let observation = self.observation.withLock { current -> MeetingObservation? in
            let taken = current
            current = nil
            return taken
        }
        observation?.cancel()
        keepAlive.withLock { timer in
            timer?.cancel()
            timer = nil
        }
        let listeners = feed.withLock { feed in
            defer { feed.listeners = [:] }
            return Array(feed.listeners.values)
        }
        for listener in listeners { listener.finish() }
    }

    /// The frames for a page that last saw `lastSequence` (`nil`: a new
    /// page), then every later one as it comes.
    func subscribe(after lastSequence: Int?) -> AsyncStream<[UInt8]> {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingOldest(Self.listenerBacklog))
        let id = feed.withLock { feed -> Int in
            let missed = lastSequence.map { last in feed.frames.filter { $0.sequence > last } } ?? []
            if let lastSequence, lastSequence >= feed.startSequence, lastSequence <= feed.latest.lastSequence,
                missed.count < Self.listenerBacklog
            {
                for frame in missed { continuation.yield(frame.bytes) }
            } else {
                continuation.yield(frame(sequence: feed.latest.lastSequence, change: .reset, state: feed.latest, at: meeting.now))
            }
            let id = feed.nextListener
            feed.nextListener += 1
            feed.listeners[id] = continuation
            return id
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.feed.withLock { $0.listeners.removeValue(forKey: id) }
        }
        return stream
    }

    /// How many pages listen now.
    var listenerCount: Int { feed.withLock { $0.listeners.count } }

    // MARK: Frames

    private func publish(_ update: MeetingUpdate, at now: Date) {
        let sequence = update.record.sequence
        let behind = feed.withLock { feed in
            let change = RoomChange(update.record.event, in: update.state, undoing: { feed.decisions[$0] })
            if case .submission(let submission, _) = change, submission.status != "pending",
                let decided = update.state.submissions.first(where: { $0.number == submission.number })
            {
                feed.decisions[sequence] = decided
            }
            let bytes = frame(sequence: sequence, change: change, state: update.state, at: now)
            feed.latest = update.state
            feed.frames.append((sequence, bytes))
            if feed.frames.count > Self.historyLimit {
                feed.startSequence = feed.frames.removeFirst().sequence
            }
            return Self.send(bytes, to: &feed.listeners)
        }
        // Outside the lock: finishing runs `onTermination`, which takes it.
        for listener in behind { listener.finish() }
    }

    private func broadcast(_ bytes: [UInt8]) {
        let behind = feed.withLock { feed in Self.send(bytes, to: &feed.listeners) }
        for listener in behind { listener.finish() }
    }

    /// Sends `bytes` to every listener; returns, and forgets, those too far
    /// behind to take it, for the caller to end once it has let go of the lock.
    private static func send(
        _ bytes: [UInt8], to listeners: inout [Int: AsyncStream<[UInt8]>.Continuation]
    ) -> [AsyncStream<[UInt8]>.Continuation] {
        var behind: [AsyncStream<[UInt8]>.Continuation] = []
        for (id, listener) in listeners {
            if case .dropped = listener.yield(bytes) {
                behind.append(listener)
                listeners[id] = nil
            }
        }
        return behind
    }

    private func frame(sequence: Int, change: RoomChange, state: MeetingState, at now: Date) -> [UInt8] {
        let event = RoomEvent(seq: sequence, change: change, state: RoomView(state, now: now, join: join))
        // Encoding these plain values cannot fail; an empty frame would only be skipped by the browser.
        let json = (try? RoomJSON.encoder.encode(event)) ?? Data("{}".utf8)
        return Array("id: \(sequence)\nevent: change\ndata: ".utf8) + Array(json) + Array("\n\n".utf8)
    }
}

/// One change event: what happened, and the state after it.
struct RoomEvent: Encodable, Sendable {
    var seq: Int
    var change: RoomChange
    var state: RoomView
}

/// The JSON the room writes.
enum RoomJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
