import FlyingFox
import Foundation

/// Who may use the room: the laptop itself always; anyone else with the join
/// code. See "Safety" in docs/room.md.
struct RoomAccess: Sendable {
    let joinCode: String

    /// The cookie `/j/CODE` sets, sent back by the pages.
    static let codeCookie = "rs_code"
    /// The cookie that tells one phone from another, for the rate limit.
    static let deviceCookie = "rs_device"

    /// Whether the request comes from this machine. The socket's address,
    /// never `X-Forwarded-For`, which any phone could set.
    static func isFromThisMachine(_ request: HTTPRequest) -> Bool {
        switch request.remoteAddress {
        case .ip4(let address, _): address.hasPrefix("127.")
        case .ip6(let address, _): address == "::1" || address.hasPrefix("::ffff:127.")
        case .unix: true
        case nil: false
        }
    }

    /// Whether the `Host` header names this machine by an address or as
    /// `localhost`: a name that resolves to the laptop only by a rebinding
    /// trick is refused.
    static func hasTrustedHost(_ request: HTTPRequest) -> Bool {
        guard var host = request.headers[.host]?.lowercased(), !host.isEmpty else { return false }
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            host = String(host[host.index(after: host.startIndex)..<close])
            return host.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        }
        if let colon = host.lastIndex(of: ":") { host = String(host[..<colon]) }
        if host == "localhost" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in UInt8(part) != nil }
    }

    /// Whether a request that says where it comes from (`Origin`, which
    /// browsers send with every POST) comes from a page of this same room:
    /// a page of another site open on the laptop must not submit for it.
    static func isSameOrigin(_ request: HTTPRequest) -> Bool {
        guard let origin = request.headers[HTTPHeader("Origin")] else { return true }
        guard let host = request.headers[.host] else { return false }
        return origin.lowercased() == "http://" + host.lowercased()
    }

    /// Whether the request carries the join code, in the cookie, the query
    /// or `fromBody`, or needs none.
    func admits(_ request: HTTPRequest, fromBody bodyCode: String? = nil) -> Bool {
        if Self.isFromThisMachine(request) { return true }
        let offered = [Self.cookie(Self.codeCookie, in: request), request.query["code"], bodyCode]
        return offered.contains { $0.map(Self.normalized) == joinCode }
    }

    /// Codes are shown in capitals; phones type them as they like.
    static func normalized(_ code: String) -> String {
        code.trimmingCharacters(in: .whitespaces).uppercased()
    }

    /// The value of cookie `name`, if the request sends it.
    static func cookie(_ name: String, in request: HTTPRequest) -> String? {
        guard let header = request.headers[.cookie] else { return nil }
        for pair in header.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// A join code that stays the same when the meeting is resumed, so phones
    /// that joined before a crash still get in: four characters that cannot
    /// be mistaken for one another, derived from the session's creation.
    static func joinCode(for session: String) -> String {
        let alphabet = Array("ACDEFGHJKLMNPQRTUVWXY34679")
        // FNV-1a: small, stable across runs and machines (Hasher is neither).
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in session.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(
            (0..<4).map { index in alphabet[Int((hash >> (UInt64(index) * 12)) % UInt64(alphabet.count))] })
    }
}
