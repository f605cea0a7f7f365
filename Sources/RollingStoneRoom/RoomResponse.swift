import FlyingFox
import Foundation

/// The pages the room serves, embedded in the binary so they work offline.
enum RoomPage: Sendable {
    case projector, phone, style, script

    var bytes: [UInt8] {
        switch self {
        case .projector: PackageResources.projector_html
        case .phone: PackageResources.phone_html
        case .style: PackageResources.room_css
        case .script: PackageResources.room_js
        }
    }

    var contentType: String {
        switch self {
        case .projector, .phone: "text/html; charset=utf-8"
        case .style: "text/css; charset=utf-8"
        case .script: "text/javascript; charset=utf-8"
        }
    }
}

/// How every answer of the room is made: the same safety headers on all.
enum RoomResponse {
    /// Nothing but the room's own files, no inline script or style, no frames.
    static let commonHeaders: HTTPHeaders = [
        HTTPHeader("Content-Security-Policy"):
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
        HTTPHeader("X-Content-Type-Options"): "nosniff",
        HTTPHeader("Referrer-Policy"): "no-referrer",
    ]

    static func page(_ page: RoomPage) -> HTTPResponse {
        data(Data(page.bytes), type: page.contentType)
    }

    static func data(_ body: Data, type: String, status: HTTPStatusCode = .ok) -> HTTPResponse {
        var headers = commonHeaders
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        return HTTPResponse(statusCode: status, headers: headers, body: body)
    }

    static func json(_ value: some Encodable, status: HTTPStatusCode = .ok) -> HTTPResponse {
        // Plain values: encoding cannot fail.
        let body = (try? RoomJSON.encoder.encode(value)) ?? Data("{}".utf8)
        return data(body, type: "application/json; charset=utf-8", status: status)
    }

    private struct Failure: Encodable {
        var error: String
    }

    static func error(_ status: HTTPStatusCode, _ message: String) -> HTTPResponse {
        json(Failure(error: message), status: status)
    }

    static func error(_ error: RoomRequestError) -> HTTPResponse {
        switch error {
        case .badRequest(let message): self.error(.badRequest, message)
        case .forbidden(let message): self.error(.forbidden, message)
        case .tooLarge(let message): self.error(.payloadTooLarge, message)
        case .tooMany(let message): self.error(.tooManyRequests, message)
        case .misdirected(let message): self.error(.misdirectedRequest, message)
        case .notSaved(let message): self.error(.serviceUnavailable, message)
        }
    }
}
