import Dispatch
import Foundation
import RollingStoneCore
import RollingStoneJournal
import RollingStoneMeeting
import RollingStoneRoom
import SessionGenerator
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The room (`run --room`) against the disk's floor, in one process: a
/// `RoomServer` on loopback over a meeting, with `listeners` pages reading
/// `GET /api/events` on threads of their own.
///
/// Six series run in blocks that take turns (each goes first, second, … in
/// turn), so that whatever the shared machine does meanwhile falls on all of
/// them alike, and every sample, whatever its series, comes after the same
/// quiet time (`pauseMilliseconds`): a meeting is idle between two captures,
/// and the wake from idle costs the floor as much as the capture.
/// - floor: one 200-byte `write` + `fsync`, as in `CaptureBench`;
/// - capture with the room on: `CommandInterpreter.handle("tip @Stef …")` on
///   the meeting the room serves; after each, untimed, the bench waits until
///   every listener has the capture's frame, and takes the frame's arrival at
///   each listener less the moment `handle` returned;
/// - capture with the room off: the same on a second meeting with no room;
/// - a submission's `202`: `POST /api/submissions` on a kept-alive connection,
///   from the request's first byte sent to the answer's last byte read,
///   each phone its own `rs_device` cookie and connection, ten submissions
///   a phone (the limit is ten a minute); then the wait for its frame;
/// - the same on a new connection each time (connect included), as information;
/// - a request with nothing to save (`GET /api/none`, a `404`) on a kept-alive
///   connection: the server's own round trip, which every `202` includes.
///
/// The clients run on the same two cores as the server, which real phones
/// and projectors do not: the figures are, if anything, pessimistic.
enum RoomBench {
    struct Settings: Codable {
        var listeners: Int
        var blocks: Int
        var blockSize: Int
        /// The quiet time before every sample, in every series (0: back to back).
        var pauseMilliseconds: Double = 50
        /// Diagnostic: clients acknowledge every segment at once (`TCP_QUICKACK`), as no browser does.
        var quickAckClients = false
        /// How long a frame may take to reach every listener before the run fails.
        var frameTimeoutSeconds: Double = 10
    }

    static func run(_ settings: Settings, work: String?, log: (String) -> Void = { _ in }) throws -> Result {
        signal(SIGPIPE, SIG_IGN)
        let started = monotonicNanoseconds()
        let folder =
            try work.map { path -> URL in
                let url = URL(fileURLWithPath: path)
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
                return url
            } ?? temporaryFolder("rollingstone-bench-room")
        defer { if work == nil { try? FileManager.default.removeItem(at: folder) } }
        let roomURL = folder.appendingPathComponent("room-on.jsonl")
        let offURL = folder.appendingPathComponent("room-off.jsonl")
        let floorURL = folder.appendingPathComponent("room-floor.bin")
        let peopleURL = folder.appendingPathComponent("room-people.jsonl")
        for url in [roomURL, offURL, floorURL, peopleURL] {
            try? FileManager.default.removeItem(at: url)
            try? FileManager.default.removeItem(at: URL(fileURLWithPath: url.path + ".lock"))
        }

        // The same 12 participants as CaptureBench's sessions.
        try SessionGenerator(entries: 0).write(to: peopleURL)
        let participants = try SessionFile.read(at: peopleURL).state.participants
        try? FileManager.default.removeItem(at: peopleURL)
        func meeting(_ label: String, at url: URL) throws -> CaptureBench.Capturer {
            let capturer = try CaptureBench.Capturer(
                label: label, journal: SessionJournal.create(at: url, agenda: SessionGenerator.agenda, now: Date()))
            for participant in participants {
                try capturer.say("join \(participant.name), \(participant.country)" + (participant.network.map { ", \($0)" } ?? ""))
            }
            return capturer
        }
        var room: CaptureBench.Capturer? = try meeting("room", at: roomURL)
        var off: CaptureBench.Capturer? = try meeting("off", at: offURL)
        let roomMeeting = room!.interpreter.meeting
        let eventsBefore = roomMeeting.state.lastSequence
        let offEventsBefore = off!.interpreter.state.lastSequence

        // The room on a free port of loopback.
        var server: RoomServer?
        var port: UInt16 = 0
        for attempt in 1...5 {
            port = try freeLoopbackPort()
            let candidate = try RoomServer(meeting: roomMeeting, address: RoomAddress(host: "127.0.0.1", port: port))
            do {
                try blocking { try await candidate.start() }
                server = candidate
                break
            } catch let error as RoomError {
                guard case .portInUse = error, attempt < 5 else { throw BenchFailure("the room did not open: \(error)") }
            }
        }
        guard let server else { throw BenchFailure("the room did not open") }
        log("room on 127.0.0.1:\(port); \(settings.listeners) listeners …")

        let hub = FrameHub(listeners: settings.listeners)
        var listeners: [Listener] = []
        var open = true
        func closeRoom() throws {
            guard open else { return }
            open = false
            try blocking(timeoutSeconds: 5) { await server.stop() }
            for listener in listeners { listener.close() }
        }
        defer { try? closeRoom() }
        for index in 0..<settings.listeners {
            listeners.append(try Listener(index: index, port: port, hub: hub, quickAck: settings.quickAckClients))
        }
        // Each listener first gets a reset with the current state.
        try hub.waitForAll(roomMeeting.state.lastSequence, timeoutSeconds: settings.frameTimeoutSeconds, what: "the reset")

        var captureAcknowledged: [Int: UInt64] = [:]
        var submissionAcknowledged: [Int: UInt64] = [:]
        var measuring = false
        var floor: CaptureBench.Floor? = try CaptureBench.Floor(at: floorURL)
        defer { try? FileManager.default.removeItem(at: floorURL) }
        let kept = Phones(port: port, label: "kept", keepAlive: true, quickAck: settings.quickAckClients)
        let fresh = Phones(port: port, label: "new", keepAlive: false, quickAck: settings.quickAckClients)
        let roundTrips = RoundTrips(port: port)

        func captureInRoom() throws -> Double {
            let start = monotonicNanoseconds()
            try room!.once()
            let end = monotonicNanoseconds()
            let sequence = roomMeeting.state.lastSequence
            if measuring { captureAcknowledged[sequence] = end }
            try hub.waitForAll(sequence, timeoutSeconds: settings.frameTimeoutSeconds, what: "capture \(room!.count)")
            return Double(end - start) / 1_000
        }
        func submit(_ phones: Phones) throws -> Double {
            let (spent, acknowledged) = try phones.once()
            let sequence = roomMeeting.state.lastSequence
            if measuring { submissionAcknowledged[sequence] = acknowledged }
            try hub.waitForAll(sequence, timeoutSeconds: settings.frameTimeoutSeconds, what: "submission \(phones.sent) (\(phones.label))")
            return spent
        }

        var samples: [[Double]] = Array(repeating: [], count: 6)
        let series: [() throws -> Double] = [
            { try microseconds { try floor!.once() } },
            { try captureInRoom() },
            { try microseconds { try off!.once() } },
            { try submit(kept) },
            { try submit(fresh) },
            { try roundTrips.once() },
        ]
        // The same quiet time before every sample, whatever the series: a
        // meeting is idle between two captures, and waking from idle costs
        // the floor as much as the capture, so every series must wake alike.
        // It is counted from the end of the previous sample's work, the wait
        // for its frames included.
        let pause = UInt64(settings.pauseMilliseconds * 1_000_000)
        var quietSince = monotonicNanoseconds()
        func paced(_ measure: () throws -> Double) throws -> Double {
            let now = monotonicNanoseconds()
            if now < quietSince + pause {
                let left = quietSince + pause - now
                var request = timespec(tv_sec: Int(left / 1_000_000_000), tv_nsec: Int(left % 1_000_000_000))
                var remaining = timespec()
                while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
            }
            defer { quietSince = monotonicNanoseconds() }
            return try measure()
        }
        // Warm up every path, untimed.
        for _ in 0..<min(2, settings.blockSize) {
            for measure in series { _ = try paced(measure) }
        }
        measuring = true
        log("measuring \(settings.blocks) blocks of \(settings.blockSize), \(settings.pauseMilliseconds) ms quiet before each sample …")
        for block in 0..<settings.blocks {
            // Each series goes first, second, … in turn.
            for turn in 0..<series.count {
                let which = (block + turn) % series.count
                for _ in 0..<settings.blockSize { samples[which].append(try paced(series[which])) }
            }
        }
        measuring = false
        kept.closeConnection()
        roundTrips.closeConnection()
        let phones = kept.phones + fresh.phones

        // The frames as the listeners got them.
        try closeRoom()
        if let problem = hub.problems.first { throw BenchFailure("event stream: \(problem)") }
        var afterCapture: [Double] = []
        var idLineAfterCapture: [Double] = []
        var afterSubmission: [Double] = []
        var slowest: [Int: Double] = [:]
        var captureFrameBytes: [(sequence: Int, bytes: Int)] = []
        var submissionFrameBytes = 0
        var earlyCaptures = 0
        var earlySubmissions = 0
        func since(_ start: UInt64, _ end: UInt64) -> Double { Double(Int64(bitPattern: end &- start)) / 1_000 }
        for (index, arrivals) in hub.all.enumerated() {
            var seen = 0
            for arrival in arrivals {
                if let acknowledged = captureAcknowledged[arrival.sequence] {
                    seen += 1
                    let latency = since(acknowledged, arrival.complete)
                    afterCapture.append(latency)
                    idLineAfterCapture.append(since(acknowledged, arrival.idLine))
                    slowest[arrival.sequence] = max(slowest[arrival.sequence] ?? -.infinity, latency)
                    if latency < 0 { earlyCaptures += 1 }
                    if index == 0 { captureFrameBytes.append((arrival.sequence, arrival.bytes)) }
                } else if let acknowledged = submissionAcknowledged[arrival.sequence] {
                    seen += 1
                    let latency = since(acknowledged, arrival.complete)
                    afterSubmission.append(latency)
                    if latency < 0 { earlySubmissions += 1 }
                    if index == 0 { submissionFrameBytes = max(submissionFrameBytes, arrival.bytes) }
                }
            }
            guard seen == captureAcknowledged.count + submissionAcknowledged.count else {
                throw BenchFailure("listener \(index) got \(seen) of the \(captureAcknowledged.count + submissionAcknowledged.count) frames measured")
            }
        }

        // Every acknowledged capture and submission must be in the files.
        let roomCount = room!.count
        let offCount = off!.count
        let submitted = kept.sent + fresh.sent
        room = nil
        off = nil
        floor = nil
        roomMeeting.close()
        let roomFile = try SessionFile.read(at: roomURL)
        guard roomFile.tornTail == nil, roomFile.eventCount == eventsBefore + roomCount + submitted,
            roomFile.state.submissions.count == submitted, roomFile.state.entries.last?.text.hasSuffix("(room \(roomCount))") == true
        else {
            throw BenchFailure(
                "room-on.jsonl: \(roomFile.eventCount) events and \(roomFile.state.submissions.count) submissions on disk; "
                    + "\(eventsBefore + roomCount + submitted) events and \(submitted) submissions acknowledged")
        }
        let offFile = try SessionFile.read(at: offURL)
        guard offFile.tornTail == nil, offFile.eventCount == offEventsBefore + offCount else {
            throw BenchFailure("room-off.jsonl: \(offFile.eventCount) events on disk, \(offEventsBefore + offCount) acknowledged")
        }
        try? FileManager.default.removeItem(at: roomURL)
        try? FileManager.default.removeItem(at: offURL)

        let floorSummary = Summary(samples[0])
        let captureRoom = Summary(samples[1])
        let submission = Summary(samples[3])
        let frames = Summary(afterCapture)
        let checks = [
            RoomCheck(
                name: "room: capture → frame at \(settings.listeners) listeners, median", figure: formatMicroseconds(frames.median),
                ratio: nil, target: "≤ 5 ms", met: frames.median <= 5_000),
            RoomCheck(
                name: "room: capture → frame at \(settings.listeners) listeners, p99", figure: formatMicroseconds(frames.p99),
                ratio: nil, target: "≤ 20 ms", met: frames.p99 <= 20_000),
            RoomCheck(
                name: "room: submission 202, median", figure: formatMicroseconds(submission.median),
                ratio: submission.median / floorSummary.median, target: "≤ 2× floor median", met: submission.median / floorSummary.median <= 2),
            RoomCheck(
                name: "room: capture median, room on", figure: formatMicroseconds(captureRoom.median),
                ratio: captureRoom.median / floorSummary.median, target: "≤ 1.5× floor median",
                met: captureRoom.median / floorSummary.median <= 1.5),
        ]
        captureFrameBytes.sort { $0.sequence < $1.sequence }
        return Result(
            settings: settings, folder: folder.path, port: port, floor: floorSummary, captureRoom: captureRoom,
            captureNoRoom: Summary(samples[2]), submissionKeptAlive: submission, submissionNewConnection: Summary(samples[4]),
            roundTrip: Summary(samples[5]),
            frameAfterCapture: frames, frameIDLineAfterCapture: Summary(idLineAfterCapture),
            slowestListenerAfterCapture: Summary(Array(slowest.values)), frameAfterSubmission: Summary(afterSubmission),
            framesBeforeCaptureAcknowledged: earlyCaptures, framesBeforeSubmissionAcknowledged: earlySubmissions,
            frameBytes: FrameSizes(
                firstCapture: captureFrameBytes.first?.bytes ?? 0, lastCapture: captureFrameBytes.last?.bytes ?? 0,
                submission: submissionFrameBytes),
            phones: phones, seconds: Double(monotonicNanoseconds() - started) / 1e9, checks: checks)
    }
}

/// Runs `body` on the concurrency pool and waits for it here, as `run --room` starts its room.
func blocking<T: Sendable>(timeoutSeconds: Double? = nil, _ body: @escaping @Sendable () async throws -> T) throws -> T {
    let outcome = Mutex<Result<T, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task {
        let result: Result<T, any Error>
        do { result = .success(try await body()) } catch { result = .failure(error) }
        outcome.withLock { $0 = result }
        done.signal()
    }
    if let timeoutSeconds {
        guard done.wait(timeout: .now() + timeoutSeconds) == .success else { throw BenchFailure("no answer within \(timeoutSeconds) s") }
    } else {
        done.wait()
    }
    return try outcome.withLock { $0! }.get()
}
