import Foundation

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

    /// Reads and replays the session file at `url`.
    public static func read(at url: URL) throws(SessionFileError) -> SessionFile {
        let path = url.path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { throw .notFound(path: path) }
            throw .io(path: path, JournalIOError(operation: "open", code: errno))
        }
        defer { close(descriptor) }
        let bytes = try readAll(descriptor, path: path)
        return try parse(bytes, path: path)
    }

    static func readAll(_ descriptor: Int32, path: String) throws(SessionFileError) -> [UInt8] {
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
        guard !bytes.isEmpty else { throw .empty(path: path) }
        let decoder = JSONDecoder()
        var lineStart = 0
        var lineNumber = 0
        var header: SessionHeader?
        var state: MeetingState?
        var eventCount = 0
        var tornTail: TornTail?

        while lineStart < bytes.count {
            lineNumber += 1
            let newline = bytes[lineStart...].firstIndex(of: 0x0A)
            let lineEnd = newline ?? bytes.count
            guard lineEnd - lineStart <= maximumLineLength else {
                throw .lineTooLong(path: path, line: lineNumber, limit: maximumLineLength)
            }
            let line = bytes[lineStart..<lineEnd]
            let isLast = newline == nil || newline! + 1 == bytes.count

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
            } else {
                do {
                    let record = try decoder.decode(SessionRecord.self, from: Data(line))
                    try state!.apply(record)
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
        let validLength = UInt64(tornTail == nil ? bytes.count : bytes.count - tornTail!.bytes.count)
        return SessionFile(path: path, header: header, state: state, eventCount: eventCount, validLength: validLength, tornTail: tornTail)
    }

    private struct FormatProbe: Decodable {
        var format: String?
        var version: Int?
    }

    private static func parseHeader(_ line: ArraySlice<UInt8>, decoder: JSONDecoder, path: String) throws(SessionFileError) -> SessionHeader {
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
