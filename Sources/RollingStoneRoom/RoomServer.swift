import FlyingFox
import FlyingSocks
import Foundation
import RollingStoneCore
import RollingStoneMeeting
import Synchronization

/// The room: a web server on the facilitator's laptop for the projector and
/// the phones (docs/room.md). It reads the meeting and sends submissions
/// through the meeting's one writer; it never edits or accepts anything.
package final class RoomServer: Sendable {
    package let address: RoomAddress
    /// The code phones need; shown on the projector and in the REPL.
    package let joinCode: String
    /// Where phones go, `nil` when the room listens on loopback only.
    package let phoneURL: String?
    /// The QR code of `phoneURL`.
    package let phoneQRCode: QRCode?

    private let meeting: Meeting
    private let access: RoomAccess
    private let feed: ChangeFeed
    private let limiter = SubmissionLimiter()
    private let server: HTTPServer
    private let running = Mutex<Task<Void, Never>?>(nil)

    /// Prepares the room for `meeting` at `address`; `start` opens it.
    package init(meeting: Meeting, address: RoomAddress) throws(RoomError) {
        self.meeting = meeting
        self.address = address
        let header = meeting.state.header
        // The session's creation time and title, as the file keeps them: the
        // same code after a resume, whatever path the session is opened by.
        joinCode = RoomAccess.joinCode(for: "\(SessionTimestamp.string(from: header.created)) \(header.agenda.title)")
        access = RoomAccess(joinCode: joinCode)
        if address.isLoopback {
            phoneURL = nil
        } else {
            let host = address.host == "0.0.0.0" || address.host == "::" ? (LocalAddress.firstLANAddress() ?? address.host) : address.host
            phoneURL = "http://\(host.contains(":") ? "[\(host)]" : host):\(address.port)/j/\(joinCode)"
        }
        phoneQRCode = phoneURL.flatMap { try? QRCode($0) }
        feed = ChangeFeed(meeting: meeting, join: RoomView.Join(code: joinCode, phoneURL: phoneURL))
        let socketAddress = try Self.socketAddress(address)
        // Requests time out after a minute; an event stream is a response
        // returned at once, whose body then runs as long as the page listens.
        server = HTTPServer(
            address: socketAddress, timeout: 60, pool: NoDelaySocketPool(base: HTTPServer.defaultPool()), logger: .disabled)
    }

    private static func socketAddress(_ address: RoomAddress) throws(RoomError) -> any SocketAddress {
        do {
            return address.host.contains(":")
                ? try sockaddr_in6.inet6(ip6: address.host, port: address.port)
                : try sockaddr_in.inet(ip4: address.host, port: address.port)
        } catch {
            throw .badAddress(address.host)
        }
    }

    /// Whether the room could listen at `address`, asked before a meeting
    /// opens, so that a port in use does not leave a session behind. The
    /// port is only tried: another program could still take it before `start`.
    package static func checkAvailable(_ address: RoomAddress) throws(RoomError) {
        let socketAddress = try Self.socketAddress(address)
        do {
            let socket = try Socket(domain: Int32(socketAddress.family))
            defer { try? socket.close() }
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: socketAddress)
        } catch {
            throw RoomError(binding: error, address: address)
        }
    }

    /// Opens the room; returns once it listens.
    ///
    /// - Throws: `RoomError.portInUse` when another program has the port.
    package func start() async throws(RoomError) {
        await addRoutes()
        // Following the meeting before the first request can come, so no change is missed.
        feed.start()
        let failure = Mutex<(any Error)?>(nil)
        let task = Task { [server] in
            do { try await server.run() } catch { failure.withLock { $0 = error } }
        }
        running.withLock { $0 = task }
        // FlyingFox reports a failed bind only through `run`: wait for one of the two.
        for _ in 0..<1_000 {
            if await server.isListening { return }
            if let error = failure.withLock({ $0 }) {
                feed.stop()
                throw RoomError(binding: error, address: address)
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
        throw .couldNotListen(address, reason: "no answer from the server")
    }

    /// Closes the room: every page's stream ends.
    package func stop() async {
        feed.stop()
        await server.stop(timeout: 1)
        running.withLock { $0 }?.cancel()
    }

    /// How many pages listen to the event stream now.
    package var listenerCount: Int { feed.listenerCount }

    // MARK: Routes

    private func addRoutes() async {
        await server.appendRoute("GET /") { [self] request in guarded(request) { _ in page(.projector) } }
        await server.appendRoute("GET /j/*") { [self] request in guarded(request, needsCode: false) { request in phonePage(request) } }
        await server.appendRoute("GET /room.css") { [self] request in guarded(request, needsCode: false) { _ in page(.style) } }
        await server.appendRoute("GET /room.js") { [self] request in guarded(request, needsCode: false) { _ in page(.script) } }
        await server.appendRoute("GET /qr.svg") { [self] request in guarded(request) { _ in qrCode() } }
        await server.appendRoute("GET /api/state") { [self] request in guarded(request) { _ in stateResponse() } }
        await server.appendRoute("GET /api/events") { [self] request in guarded(request) { request in events(request) } }
        await server.appendRoute("POST /api/submissions") { [self] request in await submission(request) }
        await server.appendRoute("*") { [self] request in
            guarded(request, needsCode: false) { _ in RoomResponse.error(.notFound, "There is nothing at this address.") }
        }
    }

    /// `respond`, once the request may be answered: its `Host` names this
    /// machine and, with `needsCode`, it carries the join code.
    private func guarded(_ request: HTTPRequest, needsCode: Bool = true, _ respond: (HTTPRequest) -> HTTPResponse) -> HTTPResponse {
        guard RoomAccess.hasTrustedHost(request) else {
            return RoomResponse.error(.misdirectedRequest, "Open the room by the laptop's address, as the REPL shows it.")
        }
        guard !needsCode || access.admits(request) else {
            return RoomResponse.error(.forbidden, "This room needs its join code: open the address the projector shows.")
        }
        return respond(request)
    }

    private func page(_ page: RoomPage) -> HTTPResponse {
        RoomResponse.page(page)
    }

    /// The phone page; its address holds the code, which it keeps in a cookie.
    private func phonePage(_ request: HTTPRequest) -> HTTPResponse {
        let code = RoomAccess.normalized(String(request.path.split(separator: "/").last ?? ""))
        guard code == joinCode || RoomAccess.isFromThisMachine(request) else {
            return RoomResponse.error(.forbidden, "This join code is not the room's: open the address the projector shows.")
        }
        var response = RoomResponse.page(.phone)
        var cookies = ["\(RoomAccess.codeCookie)=\(joinCode); Path=/; SameSite=Strict"]
        if RoomAccess.cookie(RoomAccess.deviceCookie, in: request) == nil {
            cookies.append("\(RoomAccess.deviceCookie)=\(UUID().uuidString); Path=/; SameSite=Strict; HttpOnly")
        }
        for cookie in cookies { response.headers.addValue(cookie, for: .setCookie) }
        return response
    }

    private func qrCode() -> HTTPResponse {
        guard let phoneQRCode else {
            return RoomResponse.error(.notFound, "Phones are off: start the room on the laptop's network address to let them in.")
        }
        return RoomResponse.data(Data(phoneQRCode.svg().utf8), type: "image/svg+xml")
    }

    private func stateResponse() -> HTTPResponse {
        let view = RoomView(meeting.state, now: meeting.now, join: RoomView.Join(code: joinCode, phoneURL: phoneURL))
        return RoomResponse.json(view)
    }

    private func events(_ request: HTTPRequest) -> HTTPResponse {
        let last = request.headers[HTTPHeader("Last-Event-ID")].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let frames = feed.subscribe(after: last)
        var headers = RoomResponse.commonHeaders
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: EventStreamBody(frames: frames)))
    }

    // MARK: Submissions

    private func submission(_ request: HTTPRequest) async -> HTTPResponse {
        do throws(RoomRequestError) {
            let accepted = try await acceptSubmission(request)
            return RoomResponse.json(accepted, status: .accepted)
        } catch {
            return RoomResponse.error(error)
        }
    }

    private struct Accepted: Encodable {
        var number: Int
        var status: String
    }

    private func acceptSubmission(_ request: HTTPRequest) async throws(RoomRequestError) -> Accepted {
        guard RoomAccess.hasTrustedHost(request) else {
            throw .misdirected("Open the room by the laptop's address, as the REPL shows it.")
        }
        guard RoomAccess.isSameOrigin(request) else {
            throw .forbidden("Submissions come from the room's own phone page, not from another site.")
        }
        let body = try await Self.readBody(request)
        let fields = try SubmissionRequest.parse(body, contentType: request.headers[.contentType])
        guard access.admits(request, fromBody: fields.code) else {
            throw .forbidden("This room needs its join code: open the address the projector shows.")
        }
        let kind = try fields.submissionKind()
        if let text = fields.text, text.count > Meeting.maximumSubmissionLength {
            throw .tooLarge("The text is \(text.count) characters; at most \(Meeting.maximumSubmissionLength) fit.")
        }
        // What the meeting would refuse anyway must not use up the phone's share.
        do throws(MeetingError) {
            _ = try Meeting.submissionFields(text: fields.text ?? "", name: fields.name ?? "")
        } catch {
            throw RoomRequestError(error)
        }
        let device = RoomAccess.cookie(RoomAccess.deviceCookie, in: request) ?? fields.device ?? Self.describe(request.remoteAddress)
        guard limiter.admit(device, at: Date()) else {
            throw .tooMany("That is more than \(limiter.limit) in a minute from this phone; wait a moment and send again.")
        }
        do throws(MeetingError) {
            let (submission, status) = try meeting.submit(kind, text: fields.text ?? "", name: fields.name ?? "")
            return Accepted(number: submission.number, status: RoomChange.SubmissionView(submission, status).status)
        } catch {
            throw RoomRequestError(error)
        }
    }

    /// At most `SubmissionRequest.maximumBodySize` bytes, whatever the client says.
    private static func readBody(_ request: HTTPRequest) async throws(RoomRequestError) -> Data {
        let limit = SubmissionRequest.maximumBodySize
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw .tooLarge("The request is larger than \(limit / 1024) KB.")
        }
        var body = Data()
        do {
            for try await chunk in request.bodySequence {
                body.append(chunk)
                if body.count > limit { throw RoomRequestError.tooLarge("The request is larger than \(limit / 1024) KB.") }
            }
        } catch let error as RoomRequestError {
            throw error
        } catch {
            throw .badRequest("The request's body could not be read.")
        }
        return body
    }

    private static func describe(_ address: HTTPRequest.Address?) -> String {
        switch address {
        case .ip4(let ip, _), .ip6(let ip, _): ip
        case .unix(let path): path
        case nil: "unknown"
        }
    }
}

extension RoomRequestError {
    /// The status and sentence for a refusal of the meeting's.
    init(_ error: MeetingError) {
        switch error {
        case .emptyText(.submissionText): self = .badRequest("The text is empty: write the tip, idea or question.")
        case .emptyText(.submitterName): self = .badRequest("Give your name, so the facilitator knows who sent it.")
        case .textTooLong(.submissionText, let length, let limit): self = .tooLarge("The text is \(length) characters; at most \(limit) fit.")
        case .textTooLong(.submitterName, _, let limit): self = .badRequest("The name is longer than \(limit) characters.")
        case .notRecorded: self = .notSaved("The laptop could not save it; try again in a moment.")
        default: self = .badRequest("The submission could not be taken.")
        }
    }
}
