import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#endif

// The room's clients for the benchmark, on plain blocking sockets: they share
// no code with the server they measure, and each listener reads on a thread
// of its own, as each page would on its own device.

/// A TCP connection to `127.0.0.1:port`, `TCP_NODELAY` as browsers set it
/// (nothing else: no `TCP_QUICKACK`, which no browser sets).
func connectLoopback(port: UInt16, receiveTimeoutSeconds: Int = 0) throws -> Int32 {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw BenchFailure("socket failed: \(String(cString: strerror(errno)))") }
    var one: Int32 = 1
    setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    if receiveTimeoutSeconds > 0 {
        var timeout = timeval(tv_sec: receiveTimeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else {
        let reason = String(cString: strerror(errno))
        close(descriptor)
        throw BenchFailure("connect to 127.0.0.1:\(port) failed: \(reason)")
    }
    return descriptor
}

/// A port nothing listens on now, as the system hands out for port 0.
func freeLoopbackPort() throws -> UInt16 {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw BenchFailure("socket failed: \(String(cString: strerror(errno)))") }
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
            bind(descriptor, pointer, length) == 0 && getsockname(descriptor, pointer, &length) == 0
        }
    }
    guard bound else { throw BenchFailure("could not find a free port: \(String(cString: strerror(errno)))") }
    return UInt16(bigEndian: address.sin_port)
}

/// `TCP_QUICKACK`, which Linux clears again as it pleases, so it is set
/// after every read: the client acknowledges every segment at once instead
/// of delaying its ACK. No browser does this; it is the benchmark's
/// diagnostic for a server that writes one answer in several small writes
/// with Nagle's algorithm on (each write after the first then waits for the
/// client's delayed ACK, up to 40 ms on Linux).
func acknowledgeAtOnce(_ descriptor: Int32) {
    var one: Int32 = 1
    setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_QUICKACK, &one, socklen_t(MemoryLayout<Int32>.size))
}

/// Writes all of `bytes`.
func sendAll(_ descriptor: Int32, _ bytes: [UInt8]) throws {
    var sent = 0
    while sent < bytes.count {
        let result = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
        if result < 0 {
            if errno == EINTR { continue }
            throw BenchFailure("send failed: \(String(cString: strerror(errno)))")
        }
        sent += result
    }
}

// MARK: - Submissions

/// One HTTP/1.1 exchange at a time on a connection: the request, then the
/// whole response (its `Content-Length`).
struct HTTPExchange {
    var status: Int
    var body: String
}

func exchange(_ descriptor: Int32, _ request: [UInt8], quickAck: Bool = false) throws -> HTTPExchange {
    try sendAll(descriptor, request)
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 16_384)
    var headEnd: Int?
    var contentLength = 0
    var status = 0
    while true {
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress!, $0.count, 0) }
        if count < 0 && errno == EINTR { continue }
        if count <= 0 {
            throw BenchFailure(
                count == 0 ? "the server closed the connection before its answer was complete" : "no answer: \(String(cString: strerror(errno)))")
        }
        received += buffer[..<count]
        if quickAck { acknowledgeAtOnce(descriptor) }
        if headEnd == nil, let end = find([13, 10, 13, 10], in: received) {
            headEnd = end + 4
            let head = String(decoding: received[..<end], as: UTF8.self)
            let lines = head.split(separator: "\r\n")
            let statusParts = lines.first?.split(separator: " ") ?? []
            status = statusParts.count > 1 ? Int(statusParts[1]) ?? 0 : 0
            for line in lines.dropFirst() where line.lowercased().hasPrefix("content-length:") {
                contentLength = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? 0
            }
        }
        if let headEnd, received.count >= headEnd + contentLength {
            return HTTPExchange(status: status, body: String(decoding: received[headEnd..<(headEnd + contentLength)], as: UTF8.self))
        }
    }
}

private func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
        if Array(haystack[start..<(start + needle.count)]) == needle { return start }
    }
    return nil
}

/// `POST /api/submissions` as the phone page sends it (JSON), with the phone's `rs_device` cookie.
func submissionRequest(port: UInt16, device: String, kind: String, name: String, text: String) -> [UInt8] {
    let body = #"{"kind":"\#(kind)","name":"\#(name)","text":"\#(text)"}"#
    let head =
        "POST /api/submissions HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Type: application/json\r\n"
        + "Cookie: rs_device=\(device)\r\nContent-Length: \(body.utf8.count)\r\n\r\n"
    return Array(head.utf8) + Array(body.utf8)
}

// MARK: - Listeners

/// One frame of the event stream as a listener got it.
struct FrameArrival {
    var sequence: Int
    /// When the read that completed the frame's `id:` line returned.
    var idLine: UInt64
    /// When the read that completed the frame (its blank line) returned: when a page can act on it.
    var complete: UInt64
    /// The frame's bytes (`id:` to the blank line), without the chunked encoding.
    var bytes: Int
}

/// What every listener got, and a wait for all of them to reach a frame.
final class FrameHub: @unchecked Sendable {
    let count: Int
    private let condition = NSCondition()
    private var latest: [Int]
    private var arrivals: [[FrameArrival]]
    private var ended: [Bool]
    private var failures: [String] = []
    private var target = Int.max
    private var reached = 0

    init(listeners: Int) {
        count = listeners
        latest = Array(repeating: -1, count: listeners)
        arrivals = Array(repeating: [], count: listeners)
        ended = Array(repeating: false, count: listeners)
    }

    func arrived(_ listener: Int, _ arrival: FrameArrival) {
        condition.lock()
        defer { condition.unlock() }
        let previous = latest[listener]
        // Every session event is one frame: after the reset, ids follow one another, none missing, none twice.
        if previous >= 0 && arrival.sequence != previous + 1 {
            failures.append("listener \(listener): frame \(arrival.sequence) came after \(previous)")
            condition.broadcast()
        }
        latest[listener] = arrival.sequence
        arrivals[listener].append(arrival)
        if previous < target && arrival.sequence >= target {
            reached += 1
            if reached == count { condition.broadcast() }
        }
    }

    func failed(_ listener: Int, _ message: String) {
        condition.lock()
        failures.append("listener \(listener): \(message)")
        condition.broadcast()
        condition.unlock()
    }

    func streamEnded(_ listener: Int) {
        condition.lock()
        ended[listener] = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until every listener has the frame with id `sequence`.
    func waitForAll(_ sequence: Int, timeoutSeconds: Double, what: @autoclosure () -> String) throws {
        condition.lock()
        defer { condition.unlock() }
        target = sequence
        reached = latest.filter { $0 >= sequence }.count
        defer { target = .max }
        let deadline = Date(timeIntervalSinceNow: timeoutSeconds)
        while reached < count && failures.isEmpty && !ended.contains(true) {
            if !condition.wait(until: deadline) { break }
        }
        if let failure = failures.first { throw BenchFailure("event stream: \(failure)") }
        if reached < count {
            let missing = latest.indices.filter { latest[$0] < sequence }
            let why = ended.contains(true) ? "a stream ended" : String(format: "after %.0f s", timeoutSeconds)
            throw BenchFailure(
                "event stream: \(missing.count) of \(count) listeners had no frame with id \(sequence) (\(what())): \(why); "
                    + "listener \(missing[0]) last got \(latest[missing[0]])")
        }
    }

    /// Every frame each listener got, once they are done.
    var all: [[FrameArrival]] {
        condition.lock()
        defer { condition.unlock() }
        return arrivals
    }

    var problems: [String] {
        condition.lock()
        defer { condition.unlock() }
        return failures
    }
}

/// A page that listens to `GET /api/events`, on its own thread.
final class Listener: @unchecked Sendable {
    let index: Int
    let descriptor: Int32
    private let hub: FrameHub
    private let quickAck: Bool
    private let done = DispatchSemaphore(value: 0)

    init(index: Int, port: UInt16, hub: FrameHub, quickAck: Bool = false) throws {
        self.index = index
        self.hub = hub
        self.quickAck = quickAck
        descriptor = try connectLoopback(port: port)
        let request = "GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n"
        try sendAll(descriptor, Array(request.utf8))
        let thread = Thread { [self] in
            read()
            done.signal()
        }
        thread.name = "listener \(index)"
        thread.start()
    }

    private func read() {
        var parser = EventStreamParser()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress!, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            let now = monotonicNanoseconds()
            if quickAck { acknowledgeAtOnce(descriptor) }
            buffer.withUnsafeBufferPointer { bytes in
                parser.feed(UnsafeBufferPointer(rebasing: bytes[..<count]), at: now) { hub.arrived(index, $0) }
            }
            if let error = parser.error {
                hub.failed(index, error)
                break
            }
            if parser.finished { break }
        }
        hub.streamEnded(index)
    }

    /// Ends the connection (its thread sees the end) and waits for the thread.
    func close(timeoutSeconds: Double = 5) {
        shutdown(descriptor, Int32(SHUT_RDWR))
        _ = done.wait(timeout: .now() + timeoutSeconds)
        Glibc.close(descriptor)
    }
}

/// The response head, the chunked encoding, then the event stream's lines:
/// it keeps only what it needs (the `id:` line and the blank line that ends
/// a frame) and skips the `data:` line with `memchr`, so fifty of them cost
/// the machine little.
struct EventStreamParser {
    private enum Stage {
        case head
        case chunkSize
        case chunkData(remaining: Int)
        case chunkEnd(remaining: Int)
        case plain
        case done
    }

    private var stage = Stage.head
    private var head: [UInt8] = []
    private var sizeLine: [UInt8] = []
    private var linePrefix: [UInt8] = []
    private var lineLength = 0
    private var frameID: Int?
    private var frameIDTime: UInt64 = 0
    private var frameBytes = 0
    private(set) var error: String?
    var finished: Bool {
        if case .done = stage { return true }
        return false
    }

    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, at now: UInt64, _ deliver: (FrameArrival) -> Void) {
        var index = 0
        while index < bytes.count && error == nil {
            switch stage {
            case .head:
                head.append(bytes[index])
                index += 1
                if head.count >= 4 && head.suffix(4).elementsEqual([13, 10, 13, 10]) {
                    let text = String(decoding: head, as: UTF8.self).lowercased()
                    guard text.hasPrefix("http/1.1 200") else {
                        error = "answered \(text.split(separator: "\r\n").first ?? "nothing")"
                        return
                    }
                    guard text.contains("content-type: text/event-stream") else {
                        error = "not an event stream"
                        return
                    }
                    stage = text.contains("transfer-encoding: chunked") ? .chunkSize : .plain
                }
            case .chunkSize:
                let byte = bytes[index]
                index += 1
                if byte == 10 {
                    let line = String(decoding: sizeLine, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                    sizeLine = []
                    guard let size = Int(line.split(separator: ";").first ?? "", radix: 16) else {
                        error = "bad chunk size '\(line)'"
                        return
                    }
                    stage = size == 0 ? .done : .chunkData(remaining: size)
                } else {
                    sizeLine.append(byte)
                }
            case .chunkData(let remaining):
                let take = min(remaining, bytes.count - index)
                body(UnsafeBufferPointer(rebasing: bytes[index..<(index + take)]), at: now, deliver)
                index += take
                stage = take == remaining ? .chunkEnd(remaining: 2) : .chunkData(remaining: remaining - take)
            case .chunkEnd(let remaining):
                index += 1
                stage = remaining == 1 ? .chunkSize : .chunkEnd(remaining: remaining - 1)
            case .plain:
                body(UnsafeBufferPointer(rebasing: bytes[index...]), at: now, deliver)
                index = bytes.count
            case .done:
                return
            }
        }
    }

    private mutating func body(_ bytes: UnsafeBufferPointer<UInt8>, at now: UInt64, _ deliver: (FrameArrival) -> Void) {
        guard let base = bytes.baseAddress else { return }
        var start = 0
        while start < bytes.count {
            let rest = bytes.count - start
            let newline = memchr(base + start, 10, rest).map { UnsafeRawPointer($0) - UnsafeRawPointer(base + start) }
            let length = newline ?? rest
            if linePrefix.count < 16 {
                linePrefix.append(contentsOf: UnsafeBufferPointer(start: base + start, count: min(16 - linePrefix.count, length)))
            }
            lineLength += length
            frameBytes += length
            guard let newline else { return }
            frameBytes += 1
            endLine(at: now, deliver)
            start += newline + 1
        }
    }

    private mutating func endLine(at now: UInt64, _ deliver: (FrameArrival) -> Void) {
        defer {
            linePrefix.removeAll(keepingCapacity: true)
            lineLength = 0
        }
        if lineLength == 0 {
            // The blank line: the end of a frame (a keep-alive comment has no id).
            if let frameID { deliver(FrameArrival(sequence: frameID, idLine: frameIDTime, complete: now, bytes: frameBytes)) }
            frameID = nil
            frameBytes = 0
        } else if lineLength < 16, linePrefix.starts(with: Array("id: ".utf8)) {
            frameID = Int(String(decoding: linePrefix.dropFirst(4), as: UTF8.self))
            frameIDTime = now
            if frameID == nil { error = "bad id line" }
        }
    }
}
