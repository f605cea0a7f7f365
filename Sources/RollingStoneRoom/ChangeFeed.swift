import Dispatch
import Foundation
import RollingStoneCore
import RollingStoneMeeting
import Synchronization

/// The changes of the meeting as Server-Sent Events, for every page that listens.
///
/// It observes the meeting and turns each record into one frame (`id:` the
/// record's `seq`, `data:` the change and the status after it, and the whole
/// state where a page must start again from it), on its own
/// queue so that the facilitator's capture never waits for a page. It keeps
/// the frames since it started, so a page that reconnects with
/// `Last-Event-ID` gets every later change once; one that asks for more than
/// it holds, or starts afresh, first gets a `reset` with the current state.
final class ChangeFeed: Sendable {
    /// Frames kept for reconnecting pages; older ones are answered with a reset.
    static let historyLimit = 5_000
    /// How long after a change its frame goes out. The phone waiting for its
    /// `202` and the facilitator's prompt come first: sent at once, the
    /// writes to every page would queue on the few threads ahead of the
    /// `202`'s. Changes that come meanwhile go out together, one write a page.
    static let sendDelay: TimeInterval = 0.001
    /// Writes a page may fall behind by. One further behind is ended rather
    /// than left with a gap: it reconnects with `Last-Event-ID` and catches
    /// up, or starts again from a reset when it missed more than this.
    static let listenerBacklog = 1_000

    private let meeting: Meeting
    private let join: RoomView.Join
    /// Keeps the keep-alive timer.
    private let queue = DispatchQueue(label: "rollingstone.room.feed")
    /// Sends the changes, in batches.
    private let sender = Mutex<BatchingThread<MeetingUpdate>?>(nil)
    private let feed: Mutex<Feed>
    private let observation = Mutex<MeetingObservation?>(nil)
    private let keepAlive = Mutex<(any DispatchSourceTimer)?>(nil)

    private struct Feed {
        var frames: [(sequence: Int, bytes: [UInt8])] = []
        /// The sequence number frames start after: what the meeting had when the feed began, or the oldest dropped.
        var startSequence: Int
        /// The sequence number of the last frame published. The feed keeps no
        /// state of its own: one held across captures would make the meeting
        /// copy its state on every change.
        var lastPublished: Int
        var listeners: [Int: Listener] = [:]
        var nextListener = 0
        /// Accepted and rejected submissions by the record that decided them, so an undo can say which one is pending again.
        var decisions: [Int: Submission] = [:]
    }

    /// A page's stream, and the frames its reset already covered.
    private struct Listener {
        var continuation: AsyncStream<[UInt8]>.Continuation
        /// A reset is taken from the meeting, which may be ahead of the frames
        /// published: those up to here are in it, and are not sent again.
        var coveredThrough: Int
    }

    init(meeting: Meeting, join: RoomView.Join) {
        self.meeting = meeting
        self.join = join
        let start = meeting.state.lastSequence
        feed = Mutex(Feed(startSequence: start, lastPublished: start))
    }

    /// Starts following the meeting, with a keep-alive comment every `keepAliveSeconds`.
    func start(keepAliveSeconds: Int = 15) {
        let sender = BatchingThread<MeetingUpdate>(name: "rollingstone.room.feed", delay: Self.sendDelay) { [weak self] updates in
            self?.publish(updates)
        }
        self.sender.withLock { $0 = sender }
        let observation = meeting.observe { update in sender.add(update) }
        self.observation.withLock { $0 = observation }
        keepAlive.withLock { slot in
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now() + .seconds(keepAliveSeconds), repeating: .seconds(keepAliveSeconds))
            timer.setEventHandler { [weak self] in self?.broadcast(Array(": keep-alive\n\n".utf8)) }
            timer.resume()
            slot = timer
        }
    }

    /// Stops following the meeting and ends every stream, once the changes not yet sent are.
    func stop() {
        let observation = self.observation.withLock { current -> MeetingObservation? in
            let taken = current
            current = nil
            return taken
        }
        observation?.cancel()
        // What the meeting recorded last (its end, say) still reaches the pages.
        sender.withLock { $0 }?.stop()
        keepAlive.withLock { timer in
            timer?.cancel()
            timer = nil
        }
        let listeners = feed.withLock { feed in
            defer { feed.listeners = [:] }
            return feed.listeners.values.map(\.continuation)
        }
        for listener in listeners { listener.finish() }
    }

    /// The frames for a page that last saw `lastSequence` (`nil`: a new
    /// page), then every later one as it comes.
    func subscribe(after lastSequence: Int?) -> AsyncStream<[UInt8]> {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingOldest(Self.listenerBacklog))
        let id = feed.withLock { feed -> Int in
            let missed = lastSequence.map { last in feed.frames.filter { $0.sequence > last } } ?? []
            var covered = feed.lastPublished
            if let lastSequence, lastSequence >= feed.startSequence, lastSequence <= feed.lastPublished,
                missed.count < Self.listenerBacklog
            {
                for frame in missed { continuation.yield(frame.bytes) }
            } else {
                let state = meeting.state
                covered = state.lastSequence
                continuation.yield(frame(sequence: covered, change: .reset, state: state, at: meeting.now))
            }
            let id = feed.nextListener
            feed.nextListener += 1
            feed.listeners[id] = Listener(continuation: continuation, coveredThrough: covered)
            return id
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.feed.withLock { $0.listeners.removeValue(forKey: id) }
        }
        return stream
    }

    /// How many pages listen now.
    var listenerCount: Int { feed.withLock { $0.listeners.count } }

    /// The sequence number of the last change sent to the pages.
    var publishedThrough: Int { feed.withLock { $0.lastPublished } }

    // MARK: Frames

    /// Turns `updates` into frames, in order, and sends them.
    private func publish(_ updates: [MeetingUpdate]) {
        guard !updates.isEmpty else { return }
        let behind = feed.withLock { feed in
            var batch: [(sequence: Int, bytes: [UInt8])] = []
            for update in updates {
                // The status's clock as of the change itself.
                let now = update.record.time
                let sequence = update.record.sequence
                let change = RoomChange(update.record.event, in: update.state, undoing: { feed.decisions[$0] })
                if case .submission(let submission, _) = change, submission.status != "pending",
                    let decided = update.state.submissions.first(where: { $0.number == submission.number })
                {
                    feed.decisions[sequence] = decided
                }
                batch.append((sequence, frame(sequence: sequence, change: change, state: update.state, at: now)))
            }
            feed.lastPublished = batch[batch.count - 1].sequence
            feed.frames.append(contentsOf: batch)
            if feed.frames.count > Self.historyLimit {
                feed.frames.removeFirst(feed.frames.count - Self.historyLimit - 1)
                feed.startSequence = feed.frames.removeFirst().sequence
            }
            return Self.send(batch, to: &feed.listeners)
        }
        // Outside the lock: finishing runs `onTermination`, which takes it.
        for listener in behind { listener.finish() }
    }

    private func broadcast(_ bytes: [UInt8]) {
        let behind = feed.withLock { feed in Self.send([(nil, bytes)], to: &feed.listeners) }
        for listener in behind { listener.finish() }
    }

    /// Sends `frames` (a `nil` sequence: a comment) to every listener, in one
    /// write each, but for those its reset already covered; returns, and
    /// forgets, the listeners too far behind to take them, for the caller to
    /// end once it has let go of the lock.
    private static func send(
        _ frames: [(sequence: Int?, bytes: [UInt8])], to listeners: inout [Int: Listener]
    ) -> [AsyncStream<[UInt8]>.Continuation] {
        func joined(after covered: Int) -> [UInt8] {
            frames.filter { frame in frame.sequence.map { $0 > covered } ?? true }.flatMap(\.bytes)
        }
        let all = joined(after: Int.min)
        let first = frames.compactMap(\.sequence).first ?? Int.max
        var behind: [AsyncStream<[UInt8]>.Continuation] = []
        for (id, listener) in listeners {
            let bytes = listener.coveredThrough < first ? all : joined(after: listener.coveredThrough)
            guard !bytes.isEmpty else { continue }
            if case .dropped = listener.continuation.yield(bytes) {
                behind.append(listener.continuation)
                listeners[id] = nil
            }
        }
        return behind
    }

    private func frame(sequence: Int, change: RoomChange, state: MeetingState, at now: Date) -> [UInt8] {
        let event = RoomEvent(
            seq: sequence, change: change, status: RoomStatus(state, now: now),
            state: change.needsWholeState ? RoomView(state, now: now, join: join) : nil)
        // Encoding these plain values cannot fail; an empty frame would only be skipped by the browser.
        let json = (try? RoomJSON.encoder.encode(event)) ?? Data("{}".utf8)
        return Array("id: \(sequence)\nevent: change\ndata: ".utf8) + Array(json) + Array("\n\n".utf8)
    }
}

/// One change event: what happened and the status after it; the whole state
/// when the change needs it. Frames stay small, so that each is one write.
struct RoomEvent: Encodable, Sendable {
    var seq: Int
    var change: RoomChange
    var status: RoomStatus
    var state: RoomView?
}

/// The JSON the room writes.
enum RoomJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}
