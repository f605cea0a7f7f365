import Foundation
import RollingStoneCore

/// A session file as read from disk: its header, the state its events
/// replay to, and what could not be read at its end.
package struct SessionFile: Sendable {
    package var path: String
    package var header: SessionHeader
    /// The meeting as its events replay.
    package var state: MeetingState
    /// How many events were replayed.
    package var eventCount: Int
    /// The byte length of the complete lines; a torn tail starts here.
    package var validLength: UInt64
    /// An incomplete or unreadable last line, left by a crash mid-write.
    package var tornTail: TornTail?

    /// Files larger than this are refused: a day-long meeting writes a few MiB.
    package static let maximumFileSize: UInt64 = 1 << 30
    /// Longer lines are refused: captured text is capped well below this.
    package static let maximumLineLength = 1 << 20

    /// Reads and replays the session file at `url`.
    package static func read(at url: URL) throws(SessionFileError) -> SessionFile {
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
    package static func parse(_ bytes: [UInt8], path: String) throws(SessionFileError) -> SessionFile {
        guard !bytes.isEmpty else { throw .empty(path: path) }
        let replayed = bytes.withUnsafeBufferPointer { input in
            Result { () throws(SessionFileError) in try replay(input, path: path) }
        }
        return try replayed.get()
    }

    private static func replay(_ input: UnsafeBufferPointer<UInt8>, path: String) throws(SessionFileError) -> SessionFile {
        let decoder = JSONDecoder()
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
            } else {
                do {
                    try state!.apply(decode(line, with: decoder))
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

    /// One event line, decoded without copying it.
    private static func decode(_ line: UnsafeBufferPointer<UInt8>, with decoder: JSONDecoder) throws -> SessionRecord {
        try decoder.decode(SessionRecord.self, from: unownedData(line))
    }

    /// The bytes of `line` as `Data` without copying them: valid only as
    /// long as `line` is.
    private static func unownedData(_ line: UnsafeBufferPointer<UInt8>) -> Data {
        guard let base = line.baseAddress, line.count > 0 else { return Data() }
        return Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: line.count, deallocator: .none)
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
        func located(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "" : " at '" + path.map(\.stringValue).joined(separator: ".") + "'"
        }
        switch error {
        case .dataCorrupted(let context): return "invalid JSON\(located(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context): return "missing '\(key.stringValue)'\(located(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "wrong type\(located(context.codingPath))"
        @unknown default: return "\(error)"
        }
    }
}
