import Testing

@testable import RollingStoneRoom

/// `--room [HOST:]PORT` as the facilitator types it.
@Suite struct RoomAddressTests {
    @Test(arguments: [
        ("8080", "127.0.0.1", 8080 as UInt16, true),
        ("0.0.0.0:8080", "0.0.0.0", 8080, false),
        ("192.168.1.20:80", "192.168.1.20", 80, false),
        ("[::1]:8080", "::1", 8080, true),
        ("[::]:9000", "::", 9000, false),
        ("localhost:65535", "127.0.0.1", 65535, true),
        ("127.0.0.2:1", "127.0.0.2", 1, true),
    ])
    func goodAddressesParse(text: String, host: String, port: UInt16, loopback: Bool) throws {
        let address = try RoomAddress(parsing: text)
        #expect(address == RoomAddress(host: host, port: port))
        #expect(address.isLoopback == loopback)
    }

    @Test(arguments: [
        ("", RoomAddressError.badPort("")),
        ("0", .badPort("0")),
        ("65536", .badPort("65536")),
        ("-1", .badPort("-1")),
        ("http", .badPort("http")),
        ("8080:", .badPort("8080:")),
        ("0.0.0.0:", .badPort("0.0.0.0:")),
        ("0.0.0.0:port", .badPort("0.0.0.0:port")),
        (":8080", .missingHost(":8080")),
        ("[]:8080", .missingHost("[]:8080")),
        ("[::1]", .missingPort("[::1]")),
        ("[::1]8080", .missingPort("[::1]8080")),
    ])
    func badAddressesAreRefusedWithTheReason(text: String, error: RoomAddressError) {
        #expect(throws: error) { try RoomAddress(parsing: text) }
    }

    /// An IPv6 address needs brackets, as in a URL; without them the last
    /// colon is taken for the port's and `::1` became host `:` on port 1.
    @Test func anUnbracketedIPv6AddressIsRefused() {
        #expect(throws: RoomAddressError.self) { try RoomAddress(parsing: "::1") }
        #expect(throws: RoomAddressError.self) { try RoomAddress(parsing: "fe80::1") }
    }
}
