import FlyingFox
import Foundation
import Testing

@testable import RollingStoneRoom

/// Who may use the room: the `Host` check against DNS rebinding, the join
/// code, and the code itself ("Safety" in docs/room.md).
@Suite struct RoomAccessTests {
    static func request(
        host: String? = nil, cookie: String? = nil, query: [HTTPRequest.QueryItem] = [], from address: HTTPRequest.Address? = .ip4("127.0.0.1", port: 50_000),
        extra: [HTTPHeader: String] = [:]
    ) -> HTTPRequest {
        var headers = HTTPHeaders()
        if let host { headers[.host] = host }
        if let cookie { headers[.cookie] = cookie }
        for (name, value) in extra { headers[name] = value }
        return HTTPRequest(
            method: .GET, version: .http11, path: "/api/state", query: query, headers: headers, body: HTTPBodySequence(data: Data()),
            remoteAddress: address)
    }

    @Test(arguments: [
        "127.0.0.1:8080", "127.0.0.1", "192.168.1.20:8080", "10.0.0.7", "0.0.0.0:8080", "localhost:8080", "localhost", "LocalHost:80",
        "[::1]:8080", "[::1]", "[fe80::1]", "[2001:db8::7]:443",
    ])
    func aHostNamedByAnAddressIsTrusted(host: String) {
        #expect(RoomAccess.hasTrustedHost(Self.request(host: host)))
    }

    @Test(arguments: [
        "evil.example.com", "evil.example.com:8080", "EVIL.EXAMPLE.COM", "127.0.0.1.nip.io", "127.0.0.1.evil.example.com:8080",
        "localhost.evil.example.com", "1.2.3", "1.2.3.4.5", "256.1.1.1", "[evil.example.com]:8080", "",
    ])
    func aHostThatIsANameIsRefused(host: String) {
        #expect(!RoomAccess.hasTrustedHost(Self.request(host: host)))
    }

    @Test func aRequestWithoutHostIsRefused() {
        #expect(!RoomAccess.hasTrustedHost(Self.request(host: nil)))
    }

    @Test func theJoinCodeIsStableAndFromTheUnambiguousAlphabet() {
        let alphabet = Set("ACDEFGHJKLMNPQRTUVWXY34679")
        // Letters and digits a phone's screen or a projector lets people mistake for one another.
        let ambiguous = Set("0O1IB8S5Z2")
        #expect(alphabet.isDisjoint(with: ambiguous))
        var codes = Set<String>()
        for index in 0..<2_000 {
            let session = "\(1_348_660_800 + index).0 Over trekkracht /tmp/sessions/meeting-\(index).jsonl"
            let code = RoomAccess.joinCode(for: session)
            #expect(code.count == 4)
            #expect(code.allSatisfy(alphabet.contains), "\(code)")
            #expect(RoomAccess.joinCode(for: session) == code)
            codes.insert(code)
        }
        // 26^4 = 456,976 codes: 2,000 sessions spread over nearly as many
        // (a few birthday collisions are expected, a handful of codes is not).
        #expect(codes.count > 1_950)
        // Stable across runs and machines (not `Hasher`, which is seeded per
        // process): FNV-1a as computed by a separate implementation (Python,
        // written from the FNV specification, not from this code).
        #expect(RoomAccess.joinCode(for: "1348660800.0 Over trekkracht /tmp/x/meeting.jsonl") == "C9VC")
        #expect(RoomAccess.joinCode(for: "RollingStone") == "E3VV")
    }

    @Test func theLaptopNeedsNoCodeAndEveryoneElseDoes() {
        let access = RoomAccess(joinCode: "K7Q2")
        let phone = HTTPRequest.Address.ip4("192.168.1.30", port: 50_000)
        #expect(access.admits(Self.request(from: .ip4("127.0.0.1", port: 1))))
        #expect(access.admits(Self.request(from: .ip4("127.0.0.53", port: 1))))
        #expect(access.admits(Self.request(from: .ip6("::1", port: 1))))
        #expect(access.admits(Self.request(from: .ip6("::ffff:127.0.0.1", port: 1))))
        #expect(!access.admits(Self.request(from: phone)))
        #expect(!access.admits(Self.request(from: .ip6("fe80::7", port: 1))))
        #expect(!access.admits(Self.request(from: nil)))
        // A header any phone can set is not where a request comes from.
        #expect(!access.admits(Self.request(from: phone, extra: [.xForwardedFor: "127.0.0.1"])))

        #expect(access.admits(Self.request(cookie: "theme=dark; rs_code=K7Q2; rs_device=abc", from: phone)))
        #expect(access.admits(Self.request(query: [.init(name: "code", value: "k7q2 ")], from: phone)))
        #expect(access.admits(Self.request(from: phone), fromBody: "k7Q2"))
        #expect(!access.admits(Self.request(cookie: "rs_code=K7Q3", from: phone)))
        #expect(!access.admits(Self.request(query: [.init(name: "code", value: "")], from: phone)))
        #expect(!access.admits(Self.request(from: phone), fromBody: "WRONG"))
        #expect(!access.admits(Self.request(cookie: "not_rs_code=K7Q2", from: phone)))
    }

    @Test func cookiesAreReadByName() {
        let request = Self.request(cookie: "a=1; rs_device=3F2A-77; rs_code = K7Q2 ;b=x=y")
        #expect(RoomAccess.cookie("rs_device", in: request) == "3F2A-77")
        #expect(RoomAccess.cookie("rs_code", in: request) == "K7Q2")
        #expect(RoomAccess.cookie("b", in: request) == "x=y")
        #expect(RoomAccess.cookie("rs", in: request) == nil)
        #expect(RoomAccess.cookie("rs_device", in: Self.request()) == nil)
    }
}
