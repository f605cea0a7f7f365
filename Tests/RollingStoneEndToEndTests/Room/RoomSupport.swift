import Foundation
import Glibc

@testable import RollingStoneRoom

// What the room's end-to-end tests use: the built binary with its room on,
// and a small HTTP/1.1 client on plain sockets.
//
// Why plain sockets and not URLSession or FlyingFox's `HTTPClient`: the tests
// must send what a browser would never send (a foreign or missing `Host`, a
// `Content-Length` that lies, a body that is not percent-encoded, a chunked
// body past the limit) and read an event stream chunk by chunk as it comes,
// from a client that shares no code with the server it checks. Every call
// blocks its own thread (see `onOwnThread`), with a two-minute guard that
// only catches a hang.

/// Long enough to mean "hung", never a measure of speed.
let hangGuard: Duration = .seconds(120)

/// The test's failure with what the program printed, so a failing test says why.
struct RoomTestFailure: Error, CustomStringConvertible {
    let description: String
}

// MARK: - The running binary

/// `rollingstone run … --room …` with standard input a pipe the test writes
/// to, and standard output read all the time on a thread of its own, so a
/// chatty meeting (one line per submission) never blocks on a full pipe.
final class RoomRun: @unchecked Sendable {
    let process = Process()
    let port: UInt16
    /// What `run` printed before its first item: the "Projector:" line and, on a network address, "Phones:" and the QR code.
    private(set) var startLines: [String] = []
    private let stdin = Pipe()
    private let stdout = Pipe()
    private let errorFile: URL
    private let condition = NSCondition()
    private var lines: [String] = []
    private var partial: [UInt8] = []
    private var outputEnded = false
    /// Lines before this one were matched by `waitForLine` already.
    private var cursor = 0

    /// Starts the binary in `folder` without waiting for anything.
    init(_ arguments: [String], in folder: URL, port: UInt16) throws {
        signal(SIGPIPE, SIG_IGN)
        self.port = port
        process.executableURL = BuiltProduct.url("rollingstone")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        errorFile = folder.appendingPathComponent(".stderr-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: errorFile.path, contents: nil) else {
            throw RoomTestFailure(description: "could not create \(errorFile.path)")
        }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        let descriptor = stdout.fileHandleForReading.fileDescriptor
        let reader = Thread { [self] in drain(descriptor) }
        reader.start()
    }

    /// Starts `run --room HOST:PORT --session SESSION` and waits until the room listens.
    ///
    /// With no `port`, picks a free one, and another when the one picked was
    /// taken meanwhile (the binary then refuses to start, creating nothing).
    static func start(
        session: String, host: String = "127.0.0.1", port: UInt16? = nil, agenda: String? = nil, in folder: URL
    ) throws -> RoomRun {
        var lastErrors = ""
        for _ in 0..<8 {
            let chosen = try port ?? FreePort.pick(host: host)
            let shownHost = host.contains(":") ? "[\(host)]" : host
            var arguments = ["run", "--ui-lang", "en", "--room", "\(shownHost):\(chosen)", "--session", session]
            if let agenda { arguments += ["--agenda", agenda] }
            let run = try RoomRun(arguments, in: folder, port: chosen)
            if let projector = run.waitForLine(where: { $0.hasPrefix("Projector: ") }) {
                _ = projector
                // The phone address and its QR code come right after; the first item after them.
                if run.waitForLine(where: { $0.hasPrefix("Item ") }) == nil {
                    throw RoomTestFailure(description: "no item introduction after the room opened:\n\(run.linesSoFar.joined(separator: "\n"))")
                }
                run.startLines = run.linesSoFar
                return run
            }
            _ = run.finish()
            lastErrors = run.errors
            guard port == nil, lastErrors.contains("is in use") else { break }
        }
        throw RoomTestFailure(description: "the room did not open: \(lastErrors)")
    }

    deinit {
        if process.isRunning {
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: errorFile)
    }

    private func drain(_ descriptor: Int32) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            condition.lock()
            if count <= 0 {
                outputEnded = true
            } else {
                partial += buffer[..<count]
                while let newline = partial.firstIndex(of: 0x0A) {
                    lines.append(String(decoding: partial[..<newline], as: UTF8.self))
                    partial.removeSubrange(...newline)
                }
            }
            condition.broadcast()
            condition.unlock()
            if count <= 0 { return }
        }
    }

    /// Writes `line` and a newline to the meeting's standard input.
    @discardableResult
    func send(_ line: String) -> Bool {
        writeAll(Array(line.utf8) + [0x0A], to: stdin.fileHandleForWriting.fileDescriptor)
    }

    /// The first line after those matched before that satisfies `matches`;
    /// `nil` when the output ends first (or nothing comes for two minutes).
    func waitForLine(timeout: Duration = hangGuard, where matches: (String) -> Bool) -> String? {
        let deadline = Date() + Double(timeout.components.seconds)
        condition.lock()
        defer { condition.unlock() }
        while true {
            while cursor < lines.count {
                let line = lines[cursor]
                cursor += 1
                if matches(line) { return line }
            }
            if outputEnded { return nil }
            if !condition.wait(until: deadline) && cursor >= lines.count { return nil }
        }
    }

    /// The next `count` lines that satisfy `matches`, fewer if the output ends first.
    func waitForLines(_ count: Int, where matches: (String) -> Bool) -> [String] {
        var found: [String] = []
        while found.count < count, let line = waitForLine(where: matches) { found.append(line) }
        return found
    }

    /// Sends `line` and waits for the reply that satisfies `matches`.
    func reply(to line: String, where matches: (String) -> Bool) -> String? {
        guard send(line) else { return nil }
        return waitForLine(where: matches)
    }

    /// Every line printed so far.
    var linesSoFar: [String] {
        condition.lock()
        defer { condition.unlock() }
        return lines
    }

    /// SIGKILL, as a dead battery or the OOM killer would.
    func killNow() {
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Closes standard input and waits for the end; the exit status.
    @discardableResult
    func finish() -> Int32 {
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        // The reader thread sees the end of output once every copy of the pipe is closed.
        condition.lock()
        let deadline = Date() + Double(hangGuard.components.seconds)
        while !outputEnded && condition.wait(until: deadline) {}
        condition.unlock()
        return process.terminationStatus
    }

    var errors: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }
}

// MARK: - Addresses

enum FreePort {
    /// A port nothing listens on now, as the system hands out for port 0.
    static func pick(host: String = "127.0.0.1") throws -> UInt16 {
        let socket = try ListeningSocket(host: host, port: 0)
        return socket.port
    }
}

/// A TCP socket bound (and listening) on `host:port`: how a test holds a port.
final class ListeningSocket {
    let descriptor: Int32
    let port: UInt16

    init(host: String, port: UInt16, listening: Bool = true) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw RoomTestFailure(description: "socket: \(String(cString: strerror(errno)))") }
        var address = try IPv4.address(host, port: port)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, !listening || listen(descriptor, 16) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw RoomTestFailure(description: "bind \(host):\(port): \(reason)")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.descriptor = descriptor
        self.port = UInt16(bigEndian: actual.sin_port)
    }

    deinit { close(descriptor) }
}

enum IPv4 {
    static func address(_ host: String, port: UInt16) throws -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { throw RoomTestFailure(description: "not an IPv4 address: \(host)") }
        return address
    }

    /// The first IPv4 address of an interface that is up and not loopback:
    /// this machine's own address, which it reaches without leaving it.
    static let nonLoopbackAddress = LocalAddress.firstLANAddress()
}

// MARK: - HTTP

/// One answer of the room.
struct RoomResponse: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }
    func headers(_ name: String) -> [String] { headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value) }
    var text: String { String(decoding: body, as: UTF8.self) }
    /// The body as a JSON object, if it is one.
    var json: [String: Any]? { try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] }
    /// The `error` sentence of a refusal.
    var error: String? { json?["error"] as? String }
}

/// A connected TCP socket with a read buffer.
final class Connection {
    let descriptor: Int32
    private var buffer: [UInt8] = []
    private(set) var ended = false

    init(host: String, port: UInt16) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw RoomTestFailure(description: "socket: \(String(cString: strerror(errno)))") }
        var address = try IPv4.address(host, port: port)
        var result: Int32
        repeat {
            result = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        } while result != 0 && errno == EINTR
        guard result == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw RoomTestFailure(description: "connect \(host):\(port): \(reason)")
        }
        var guardTime = timeval(tv_sec: Int(hangGuard.components.seconds), tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &guardTime, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(descriptor) }

    /// Writes everything; false when the peer stopped reading.
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress! + written, $0.count - written, Int32(MSG_NOSIGNAL)) }
            if result < 0 {
                if errno == EINTR { continue }
                return false
            }
            written += result
        }
        return true
    }

    /// Reads what comes within `timeout`; false when nothing came (or the stream ended).
    @discardableResult
    func fill(timeout: Duration = hangGuard) throws -> Bool {
        guard !ended else { return false }
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        var ready: Int32
        repeat { ready = poll(&poller, 1, milliseconds) } while ready < 0 && errno == EINTR
        guard ready > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var count: Int
        repeat { count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress!, $0.count, 0) } } while count < 0 && errno == EINTR
        if count > 0 {
            buffer += chunk[..<count]
            return true
        }
        ended = true
        return false
    }

    /// Bytes up to and including `delimiter`, waiting for them.
    func read(through delimiter: [UInt8]) throws -> [UInt8] {
        while true {
            if let start = Bytes.find(delimiter, in: buffer) {
                let end = start + delimiter.count
                let bytes = Array(buffer[..<end])
                buffer.removeSubrange(..<end)
                return bytes
            }
            if ended { throw RoomTestFailure(description: "the connection closed before \(String(decoding: delimiter, as: UTF8.self).debugDescription)") }
            if try !fill() && !ended { throw RoomTestFailure(description: "no answer for \(hangGuard)") }
        }
    }

    func read(count: Int) throws -> [UInt8] {
        while buffer.count < count {
            if ended { throw RoomTestFailure(description: "the connection closed \(count - buffer.count) bytes early") }
            if try !fill() && !ended { throw RoomTestFailure(description: "no answer for \(hangGuard)") }
        }
        let bytes = Array(buffer.prefix(count))
        buffer.removeFirst(count)
        return bytes
    }

    func readToEnd() throws -> [UInt8] {
        while !ended {
            if try !fill() && !ended { throw RoomTestFailure(description: "no end for \(hangGuard)") }
        }
        defer { buffer = [] }
        return buffer
    }

    /// The status line and headers of a response.
    func readHead() throws -> (status: Int, headers: [(name: String, value: String)]) {
        let head = String(decoding: try read(through: Array("\r\n\r\n".utf8)), as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        guard !lines.isEmpty else { throw RoomTestFailure(description: "an empty response") }
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/1."), let status = Int(statusLine[1]) else {
            throw RoomTestFailure(description: "not an HTTP status line: \(head)")
        }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return (status, headers)
    }

    /// What has been received and not yet taken.
    func takeBuffered() -> [UInt8] {
        defer { buffer = [] }
        return buffer
    }

    /// A whole chunk already received, without waiting: `.chunk`, `.last`
    /// for the empty chunk that ends the body, or `.incomplete`.
    enum BufferedChunk {
        case chunk([UInt8])
        case last, incomplete
    }

    func takeBufferedChunk() throws -> BufferedChunk {
        guard let lineStart = Bytes.find([0x0D, 0x0A], in: buffer) else { return .incomplete }
        let lineEnd = lineStart..<(lineStart + 2)
        let sizeLine = String(decoding: buffer[..<lineEnd.lowerBound], as: UTF8.self)
        guard let size = Int(sizeLine.split(separator: ";").first ?? "", radix: 16) else {
            throw RoomTestFailure(description: "not a chunk size: \(sizeLine.debugDescription)")
        }
        let start = lineEnd.upperBound
        guard buffer.count >= start + size + 2 else { return .incomplete }
        let chunk = Array(buffer[start..<(start + size)])
        guard buffer[(start + size)..<(start + size + 2)].elementsEqual([0x0D, 0x0A]) else {
            throw RoomTestFailure(description: "a chunk without its CRLF")
        }
        buffer.removeSubrange(..<(start + size + 2))
        return size == 0 ? .last : .chunk(chunk)
    }

    /// One chunk of a chunked body; `nil` for the last (empty) one.
    func readChunk() throws -> [UInt8]? {
        let sizeLine = String(decoding: try read(through: [0x0D, 0x0A]).dropLast(2), as: UTF8.self)
        guard let size = Int(sizeLine.split(separator: ";").first ?? "", radix: 16) else {
            throw RoomTestFailure(description: "not a chunk size: \(sizeLine.debugDescription)")
        }
        let chunk = try read(count: size + 2)
        guard chunk.suffix(2) == [0x0D, 0x0A] else { throw RoomTestFailure(description: "a chunk without its CRLF") }
        return size == 0 ? nil : Array(chunk.dropLast(2))
    }
}

enum RoomHTTP {
    /// Sends `request` as it is and reads the whole answer.
    static func send(_ request: [UInt8], host: String = "127.0.0.1", port: UInt16) throws -> RoomResponse {
        let connection = try Connection(host: host, port: port)
        // A server that answers before reading everything (413) may close
        // while the rest is still being written: its answer is what counts.
        connection.write(request)
        let (status, headers) = try connection.readHead()
        let response = RoomResponse(status: status, headers: headers, body: [])
        if let length = response.header("Content-Length").flatMap(Int.init) {
            return RoomResponse(status: status, headers: headers, body: try connection.read(count: length))
        }
        if response.header("Transfer-Encoding")?.lowercased() == "chunked" {
            var body: [UInt8] = []
            while let chunk = try connection.readChunk() { body += chunk }
            return RoomResponse(status: status, headers: headers, body: body)
        }
        return RoomResponse(status: status, headers: headers, body: try connection.readToEnd())
    }

    /// The bytes of a request; `hostHeader` `nil` leaves the header out.
    static func request(
        _ method: String, _ target: String, hostHeader: String?, headers: [(String, String)] = [], body: [UInt8]? = nil,
        chunked: Bool = false
    ) -> [UInt8] {
        var head = "\(method) \(target) HTTP/1.1\r\n"
        if let hostHeader { head += "Host: \(hostHeader)\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body {
            head += chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: \(body.count)\r\n"
        }
        head += "Connection: close\r\n\r\n"
        guard let body else { return Array(head.utf8) }
        guard chunked else { return Array(head.utf8) + body }
        var bytes = Array(head.utf8)
        var rest = body[...]
        while !rest.isEmpty {
            let piece = rest.prefix(4_096)
            rest = rest.dropFirst(piece.count)
            bytes += Array(String(piece.count, radix: 16).utf8) + [0x0D, 0x0A] + piece + [0x0D, 0x0A]
        }
        return bytes + Array("0\r\n\r\n".utf8)
    }

    static func get(_ target: String, host: String = "127.0.0.1", port: UInt16, hostHeader: String? = nil, headers: [(String, String)] = []) throws
        -> RoomResponse
    {
        try send(request("GET", target, hostHeader: hostHeader ?? "\(host):\(port)", headers: headers), host: host, port: port)
    }

    /// `POST /api/submissions` with a JSON body.
    static func submit(
        _ fields: [String: String], host: String = "127.0.0.1", port: UInt16, device: String? = nil, hostHeader: String? = nil,
        headers: [(String, String)] = []
    ) throws -> RoomResponse {
        let body = try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
        return try post(Array(body), type: "application/json", host: host, port: port, device: device, hostHeader: hostHeader, headers: headers)
    }

    static func post(
        _ body: [UInt8], type: String?, target: String = "/api/submissions", host: String = "127.0.0.1", port: UInt16, device: String? = nil,
        hostHeader: String? = nil, headers: [(String, String)] = [], chunked: Bool = false
    ) throws -> RoomResponse {
        var all = headers
        if let type { all.append(("Content-Type", type)) }
        if let device { all.append(("Cookie", "rs_device=\(device)")) }
        return try send(
            request("POST", target, hostHeader: hostHeader ?? "\(host):\(port)", headers: all, body: body, chunked: chunked), host: host, port: port)
    }
}

// MARK: - Server-Sent Events

/// One event of `GET /api/events`.
struct RoomEvent: Sendable {
    var id: Int?
    var event: String?
    var data: String

    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any]) ?? [:] }
    var change: [String: Any] { json["change"] as? [String: Any] ?? [:] }
    var state: [String: Any] { json["state"] as? [String: Any] ?? [:] }
    var status: [String: Any] { json["status"] as? [String: Any] ?? [:] }
    var type: String? { change["type"] as? String }
    var seq: Int? { json["seq"] as? Int }
}

/// A page listening to the room's event stream.
final class EventStreamClient: @unchecked Sendable {
    let status: Int
    let headers: [(name: String, value: String)]
    /// The body of a refusal.
    private(set) var refusal: RoomResponse?
    private let connection: Connection
    private let chunked: Bool
    private var decoded: [UInt8] = []

    /// Connects and reads the response's head; `lastEventID` as a browser sends it on a reconnect.
    init(host: String = "127.0.0.1", port: UInt16, target: String = "/api/events", lastEventID: Int? = nil, headers: [(String, String)] = []) throws {
        connection = try Connection(host: host, port: port)
        var all = [("Accept", "text/event-stream")] + headers
        if let lastEventID { all.append(("Last-Event-ID", String(lastEventID))) }
        connection.write(RoomHTTP.request("GET", target, hostHeader: "\(host):\(port)", headers: all))
        (status, self.headers) = try connection.readHead()
        chunked = self.headers.contains { $0.name.lowercased() == "transfer-encoding" && $0.value.lowercased() == "chunked" }
        if status != 200 {
            let length = self.headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
            refusal = RoomResponse(status: status, headers: self.headers, body: try connection.read(count: length))
        }
    }

    var contentType: String? { headers.first { $0.name.lowercased() == "content-type" }?.value }

    /// The next event (comments skipped), waiting at most `timeout`; `nil`
    /// when none came in time. Throws when the stream ends.
    func next(timeout: Duration = hangGuard) throws -> RoomEvent? {
        let deadline = ContinuousClock.now + timeout
        while true {
            try decodeReceived()
            if let event = takeEvent() { return event }
            if streamEnded { throw RoomTestFailure(description: "the event stream ended") }
            let left = ContinuousClock.now.duration(to: deadline)
            if left <= .zero { return nil }
            if try !connection.fill(timeout: left), connection.ended { streamEnded = true }
        }
    }

    private var streamEnded = false

    /// Moves every whole chunk received so far into `decoded`, waiting for nothing.
    private func decodeReceived() throws {
        guard chunked else {
            decoded += connection.takeBuffered()
            return
        }
        while true {
            switch try connection.takeBufferedChunk() {
            case .chunk(let bytes): decoded += bytes
            case .last:
                streamEnded = true
                return
            case .incomplete: return
            }
        }
    }

    func close() { shutdown(connection.descriptor, Int32(SHUT_RDWR)) }

    private func takeEvent() -> RoomEvent? {
        while let blank = Bytes.find([0x0A, 0x0A], in: decoded, from: max(0, scanned - 1)) {
            scanned = 0
            let block = String(decoding: decoded[..<blank], as: UTF8.self)
            decoded.removeSubrange(..<(blank + 2))
            var event = RoomEvent(id: nil, event: nil, data: "")
            var isComment = true
            for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix(":") { continue }
                isComment = false
                if line.hasPrefix("id:") { event.id = Int(line.dropFirst(3).trimmingCharacters(in: .whitespaces)) }
                if line.hasPrefix("event:") { event.event = line.dropFirst(6).trimmingCharacters(in: .whitespaces) }
                if line.hasPrefix("data:") {
                    event.data += (event.data.isEmpty ? "" : "\n") + String(line.dropFirst(5).drop { $0 == " " })
                }
            }
            if !isComment { return event }
        }
        // Nothing whole yet: the next search starts where this one ended.
        scanned = decoded.count
        return nil
    }

    private var scanned = 0
}

/// Searching bytes with the C library: the tests read a few hundred MB of
/// event stream, and a debug build's generic search would dominate.
enum Bytes {
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        guard !needle.isEmpty, start + needle.count <= haystack.count else { return nil }
        return haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pin -> Int? in
                let base = hay.baseAddress!
                var at = start
                // memchr for the first byte (memmem is a GNU extension Swift does not see), memcmp for the rest.
                while at + pin.count <= hay.count, let hit = memchr(base + at, Int32(needle[0]), hay.count - pin.count + 1 - at) {
                    let index = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + index, pin.baseAddress!, pin.count) == 0 { return index }
                    at = index + 1
                }
                return nil
            }
        }
    }
}

/// `value` as a JSON object, or empty.
func object(_ value: Any?) -> [String: Any] { value as? [String: Any] ?? [:] }

// MARK: - From async tests

// Every blocking call on a thread of its own, so that tests running in
// parallel never hold the few threads of Swift's concurrency pool.

extension RoomRun {
    static func open(
        session: String, host: String = "127.0.0.1", port: UInt16? = nil, agenda: String? = nil, in folder: URL
    ) async throws -> RoomRun {
        try await onOwnThread { try RoomRun.start(session: session, host: host, port: port, agenda: agenda, in: folder) }
    }

    /// The next line that satisfies `matches`.
    func line(where matches: @escaping @Sendable (String) -> Bool) async throws -> String? {
        try await onOwnThread { self.waitForLine(where: matches) }
    }

    /// Types `line` and waits for the reply that satisfies `matches`.
    func answer(_ line: String, where matches: @escaping @Sendable (String) -> Bool) async throws -> String? {
        try await onOwnThread { self.reply(to: line, where: matches) }
    }

    func end() async throws -> Int32 {
        try await onOwnThread { self.finish() }
    }

    func kill() async throws {
        try await onOwnThread { self.killNow() }
    }
}

/// A phone (or the projector's browser) talking to the room.
enum Phone {
    static func get(_ target: String, host: String = "127.0.0.1", port: UInt16, hostHeader: String? = nil, headers: [(String, String)] = [])
        async throws -> RoomResponse
    {
        let headers = headers.map { Pair($0.0, $0.1) }
        return try await onOwnThread { try RoomHTTP.get(target, host: host, port: port, hostHeader: hostHeader, headers: headers.map(\.tuple)) }
    }

    static func submit(
        _ fields: [String: String], host: String = "127.0.0.1", port: UInt16, device: String? = nil, hostHeader: String? = nil,
        headers: [(String, String)] = []
    ) async throws -> RoomResponse {
        let headers = headers.map { Pair($0.0, $0.1) }
        return try await onOwnThread {
            try RoomHTTP.submit(fields, host: host, port: port, device: device, hostHeader: hostHeader, headers: headers.map(\.tuple))
        }
    }

    static func post(
        _ body: [UInt8], type: String?, target: String = "/api/submissions", host: String = "127.0.0.1", port: UInt16, device: String? = nil,
        hostHeader: String? = nil, headers: [(String, String)] = [], chunked: Bool = false
    ) async throws -> RoomResponse {
        let headers = headers.map { Pair($0.0, $0.1) }
        return try await onOwnThread {
            try RoomHTTP.post(
                body, type: type, target: target, host: host, port: port, device: device, hostHeader: hostHeader, headers: headers.map(\.tuple),
                chunked: chunked)
        }
    }

    static func send(_ request: [UInt8], host: String = "127.0.0.1", port: UInt16) async throws -> RoomResponse {
        try await onOwnThread { try RoomHTTP.send(request, host: host, port: port) }
    }

    static func listen(host: String = "127.0.0.1", port: UInt16, target: String = "/api/events", lastEventID: Int? = nil) async throws
        -> EventStreamClient
    {
        try await onOwnThread { try EventStreamClient(host: host, port: port, target: target, lastEventID: lastEventID) }
    }

    /// A header as a Sendable value: tuples are not.
    private struct Pair: Sendable {
        var name: String
        var value: String
        init(_ name: String, _ value: String) { (self.name, self.value) = (name, value) }
        var tuple: (String, String) { (name, value) }
    }
}

extension EventStreamClient {
    /// The next event; throws when none comes within the hang guard.
    func event() async throws -> RoomEvent {
        try await onOwnThread {
            guard let event = try self.next() else { throw RoomTestFailure(description: "no event for \(hangGuard)") }
            return event
        }
    }

    /// The next `count` events.
    func events(_ count: Int) async throws -> [RoomEvent] {
        try await onOwnThread {
            try (0..<count).map { _ in
                guard let event = try self.next() else { throw RoomTestFailure(description: "no event for \(hangGuard)") }
                return event
            }
        }
    }

    /// Whether the stream ended (the room closed) rather than sending more.
    func ends() async throws -> Bool {
        try await onOwnThread {
            do {
                _ = try self.next()
                return false
            } catch {
                return true
            }
        }
    }
}
