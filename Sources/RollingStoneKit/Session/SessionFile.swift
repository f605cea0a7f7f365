import Dispatch
import Foundation
import Synchronization

/// A session file as read from disk: its header, the state its events
/// replay to, and what could not be read at its end.
public struct SessionFile: Sendable {
    public var path: String
    public var header: SessionHeader
    /// The meeting as its events replay.
    public var state: MeetingState
    /// How many events were replayed.
    public var eventCount: Int
    /// The byte length of the complete lines; a torn tail starts here.
    public var validLength: UInt64
    /// An incomplete or unreadable last line, left by a crash mid-write.
    public var tornTail: TornTail?

    /// The bytes after the last complete line.
    public struct TornTail: Equatable, Sendable {
        /// The 1-based line number the torn bytes start on.
        public var line: Int
        public var bytes: [UInt8]
        /// Why the line is not a complete event.
        public var reason: String
    }

    /// Files larger than this are refused: a day-long meeting writes a few MiB.
    public static let maximumFileSize: UInt64 = 1 << 30
    /// Longer lines are refused: captured text is capped well below this.
    public static let maximumLineLength = 1 << 20

    /// Whether the state came from the snapshot beside the file rather than
    /// from replaying it.
    public var isFromSnapshot = false

    /// Reads and replays the session file at `url`.
    ///
    /// With `usingSnapshot`, the snapshot beside the file is taken instead
    /// when it is still true to the file (see `SessionSnapshot`): the same
    /// meeting, without its undo history, so for reports only.
    public static func read(at url: URL, usingSnapshot: Bool = false) throws(SessionFileError) -> SessionFile {
        if usingSnapshot, let (state, length) = SessionSnapshot.load(for: url) {
            return SessionFile(path: url.path, header: state.header, state: state, eventCount: state.lastSequence,
                               validLength: length, tornTail: nil, isFromSnapshot: true)
        }
        let path = url.path
        // O_NONBLOCK: opening a named pipe to read would otherwise wait for
        // a writer forever; a pipe is then refused as not a regular file.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            if errno == ENOENT { throw .notFound(path: path) }
            throw .io(path: path, JournalIOError(operation: "open", code: errno))
        }
        defer { close(descriptor) }
        let bytes = try readAll(descriptor, path: path)
        return try parse(bytes, path: path)
    }

    static func readAll(_ descriptor: Int32, path: String) throws(SessionFileError) -> [UInt8] {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .io(path: path, JournalIOError(operation: "fstat", code: errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notARegularFile(path: path) }
        let sink = FileJournalSink(descriptor: descriptor)
        let size: UInt64
        do { size = try sink.length() } catch { throw .io(path: path, error) }
        guard size <= maximumFileSize else { throw .tooLarge(path: path, bytes: size, limit: maximumFileSize) }
        var bytes = [UInt8](repeating: 0, count: Int(size))
        var done = 0
        while done < bytes.count {
            let result = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(done))
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, JournalIOError(operation: "read", code: errno))
            }
            if result == 0 { break }
            done += result
        }
        bytes.removeSubrange(done...)
        return bytes
    }

    /// Parses session file bytes; `path` is only used in messages.
    public static func parse(_ bytes: [UInt8], path: String) throws(SessionFileError) -> SessionFile {
        try parse(bytes, path: path, decodeAheadAbove: decodeAheadThreshold)
    }

    /// Past this many bytes of events, they are decoded on every core ahead
    /// of the replay (about 1,000 events); below it, threads cost more than
    /// they save.
    static let decodeAheadThreshold = 200_000

    /// Parses session file bytes, decoding the events on every core ahead of
    /// the replay when they take more than `decodeAheadAbove` bytes.
    ///
    /// Decoding ahead changes nothing of what is reported: events are still
    /// applied one by one in file order, and a line that was not decoded
    /// ahead is decoded in its turn, so the first bad line is the one named,
    /// with the same error, and only a bad last line is a torn tail.
    static func parse(_ bytes: [UInt8], path: String, decodeAheadAbove threshold: Int) throws(SessionFileError) -> SessionFile {
        guard !bytes.isEmpty else { throw .empty(path: path) }
        // Workers decoding ahead read the bytes through this pointer; they
        // are stopped before it goes (the `defer` in `replay`).
        let replayed = bytes.withUnsafeBufferPointer { input in
            Result { () throws(SessionFileError) in try replay(input, path: path, decodeAheadAbove: threshold) }
        }
        return try replayed.get()
    }

    private static func replay(_ input: UnsafeBufferPointer<UInt8>, path: String,
                               decodeAheadAbove threshold: Int) throws(SessionFileError) -> SessionFile {
        // The complete lines end here; what follows is a line cut off before
        // its newline was written, if anything.
        let completeEnd = (input.lastIndex(of: 0x0A) ?? -1) + 1
        let decoder = JSONDecoder()
        var ahead: EventsDecodedAhead?
        defer { ahead?.finish() }
        var lineStart = 0
        var lineNumber = 0
        var header: SessionHeader?
        var state: MeetingState?
        var eventCount = 0
        var tornTail: TornTail?

        while lineStart < input.count {
            lineNumber += 1
            let newline = nextNewline(in: input, from: lineStart, to: input.count)
            let lineEnd = newline ?? input.count
            guard lineEnd - lineStart <= maximumLineLength else {
                throw .lineTooLong(path: path, line: lineNumber, limit: maximumLineLength)
            }
            let line = UnsafeBufferPointer(rebasing: input[lineStart..<lineEnd])
            let isLast = newline == nil || newline! + 1 == input.count

            guard newline != nil else {
                // Every event is written with its newline in one write: a line
                // without one was cut off before it was acknowledged.
                if header == nil { throw .notASessionFile(path: path, reason: "the first line is incomplete") }
                tornTail = TornTail(line: lineNumber, bytes: Array(line), reason: "the last line is incomplete")
                break
            }

            if header == nil {
                let parsed = try parseHeader(line, decoder: decoder, path: path)
                header = parsed
                state = MeetingState(header: parsed)
                if completeEnd - (lineEnd + 1) > threshold {
                    ahead = EventsDecodedAhead(input, from: lineEnd + 1, to: completeEnd)
                }
            } else {
                do {
                    let decodedAhead = ahead?.record(startingAt: lineStart)
                    try state!.apply(decodedAhead ?? decode(line, with: decoder))
                    eventCount += 1
                } catch let error as MeetingStateError {
                    throw .badLine(path: path, line: lineNumber, reason: "event does not fit the meeting: \(error)")
                } catch {
                    guard isLast else {
                        throw .badLine(path: path, line: lineNumber, reason: "not a session event (\(Self.describe(error)))")
                    }
                    tornTail = TornTail(line: lineNumber, bytes: Array(line) + [0x0A], reason: "the last line is not a complete event")
                    break
                }
            }
            lineStart = lineEnd + 1
        }

        guard let header, let state else { throw .empty(path: path) }
        let validLength = UInt64(tornTail == nil ? input.count : input.count - tornTail!.bytes.count)
        return SessionFile(path: path, header: header, state: state, eventCount: eventCount, validLength: validLength, tornTail: tornTail)
    }

    /// The index of the first newline in `input[start..<end]`.
    private static func nextNewline(in input: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end, let base = input.baseAddress, let found = memchr(base + start, 0x0A, end - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// One event line, decoded without copying it: by the fast reader when
    /// it can vouch for the line, else by `JSONDecoder`, which also words
    /// every error.
    private static func decode(_ line: UnsafeBufferPointer<UInt8>, with decoder: JSONDecoder) throws -> SessionRecord {
        let data = unownedData(line)
        return try SessionRecord(jsonLine: data) ?? decoder.decode(SessionRecord.self, from: data)
    }

    /// One event line, decoded by `SessionRecord`'s `Decodable` conformance.
    static func decodeWithCodable(_ line: UnsafeBufferPointer<UInt8>, with decoder: JSONDecoder) throws -> SessionRecord {
        try decoder.decode(SessionRecord.self, from: unownedData(line))
    }

    /// The bytes of `line` as `Data` without copying them: valid only as
    /// long as `line` is.
    private static func unownedData(_ line: UnsafeBufferPointer<UInt8>) -> Data {
        guard let base = line.baseAddress, line.count > 0 else { return Data() }
        return Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: line.count, deallocator: .none)
    }

    /// The event lines of a large file, decoded on every core in chunks of
    /// whole lines while the replay applies the chunks already done, in order.
    ///
    /// A chunk stops at its first line that does not decode: the replay goes
    /// no further than that line (it is a hard error, or the torn tail), and
    /// decodes it itself to report it. So a damaged file costs no more to
    /// refuse than before, and the decoded events are freed chunk by chunk
    /// as the replay takes them.
    private final class EventsDecodedAhead: @unchecked Sendable {
        // Shared with the workers: each writes only its own chunk's slot, and
        // `finish` waits for them before the buffers go.
        private let input: UnsafeBufferPointer<UInt8>
        private let chunkStarts: [Int]
        private let chunkEnds: [Int]
        private let decoded: UnsafeMutableBufferPointer<[SessionRecord]>
        private let chunkDone: [DispatchSemaphore]
        private let workersDone = DispatchGroup()
        private let stop = Atomic<Bool>(false)
        // The replay's own.
        private var chunksReady = 0
        private var chunk = 0
        private var indexInChunk = 0
        private var finished = false

        /// Decodes the lines in `input[start..<end]`, which ends with a newline;
        /// `input` must stay valid until `finish` returns.
        init(_ input: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
            self.input = input
            // Several chunks per core, so a core slowed by a neighbour on a
            // shared machine does not hold the others up at the end.
            let count = Swift.max(1, ProcessInfo.processInfo.activeProcessorCount) * 8
            var starts = [start]
            for index in 1..<count {
                let guess = Swift.max(start + (end - start) * index / count, starts.last!)
                // A chunk starts right after a newline.
                let boundary = guess == start || input[guess - 1] == 0x0A
                    ? guess
                    : (SessionFile.nextNewline(in: input, from: guess, to: end).map { $0 + 1 } ?? end)
                starts.append(boundary)
            }
            chunkStarts = starts
            chunkEnds = Array(starts.dropFirst()) + [end]
            decoded = .allocate(capacity: count)
            decoded.initialize(repeating: [])
            chunkDone = (0..<count).map { _ in DispatchSemaphore(value: 0) }
            workersDone.enter()
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                DispatchQueue.concurrentPerform(iterations: count) { chunk in
                    decode(chunk)
                    chunkDone[chunk].signal()
                }
                workersDone.leave()
            }
        }

        private func decode(_ chunk: Int) {
            let decoder = JSONDecoder()
            var records: [SessionRecord] = []
            var lineStart = chunkStarts[chunk]
            let end = chunkEnds[chunk]
            while lineStart < end, !stop.load(ordering: .relaxed) {
                guard let lineEnd = SessionFile.nextNewline(in: input, from: lineStart, to: end),
                      lineEnd - lineStart <= SessionFile.maximumLineLength,
                      let record = try? SessionFile.decode(UnsafeBufferPointer(rebasing: input[lineStart..<lineEnd]), with: decoder)
                else { break }
                records.append(record)
                lineStart = lineEnd + 1
            }
            decoded[chunk] = records
        }

        /// The event on the line that starts at byte `offset`, decoded;
        /// `nil` when it was not. Lines must be asked for in order.
        func record(startingAt offset: Int) -> SessionRecord? {
            while chunk + 1 < chunkStarts.count, offset >= chunkStarts[chunk + 1] {
                decoded[chunk] = []  // taken: free it
                chunk += 1
                indexInChunk = 0
            }
            while chunksReady <= chunk {
                chunkDone[chunksReady].wait()
                chunksReady += 1
            }
            defer { indexInChunk += 1 }
            return indexInChunk < decoded[chunk].count ? decoded[chunk][indexInChunk] : nil
        }

        /// Stops the workers (the replay is over, or failed) and waits for them.
        func finish() {
            guard !finished else { return }
            finished = true
            stop.store(true, ordering: .relaxed)
            workersDone.wait()
        }

        deinit {
            finish()
            decoded.deinitialize()
            decoded.deallocate()
        }
    }

    private struct FormatProbe: Decodable {
        var format: String?
        var version: Int?
    }

    private static func parseHeader(_ line: UnsafeBufferPointer<UInt8>, decoder: JSONDecoder, path: String) throws(SessionFileError) -> SessionHeader {
        let data = Data(line)
        let probe: FormatProbe
        do {
            probe = try decoder.decode(FormatProbe.self, from: data)
        } catch {
            throw .notASessionFile(path: path, reason: "the first line is not a JSON object")
        }
        guard probe.format == SessionHeader.formatName else {
            throw .notASessionFile(path: path, reason: "format is '\(probe.format ?? "missing")', expected '\(SessionHeader.formatName)'")
        }
        let version = probe.version ?? 1
        guard version <= SessionHeader.currentVersion else {
            throw .newerVersion(path: path, found: version, supported: SessionHeader.currentVersion)
        }
        do {
            return try decoder.decode(SessionHeader.self, from: data)
        } catch {
            throw .notASessionFile(path: path, reason: "header: \(describe(error))")
        }
    }

    /// A short account of a decoding error, naming the field.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func where_(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "" : " at '" + path.map(\.stringValue).joined(separator: ".") + "'"
        }
        switch error {
        case .dataCorrupted(let context): return "invalid JSON\(where_(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context): return "missing '\(key.stringValue)'\(where_(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "wrong type\(where_(context.codingPath))"
        @unknown default: return "\(error)"
        }
    }
}
