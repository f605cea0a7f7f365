/// Where the room is served: `[HOST:]PORT` as given to `run --room`.
package struct RoomAddress: Equatable, Sendable {
    /// An IPv4 or IPv6 address to listen on; `127.0.0.1` when not given.
    package var host: String
    package var port: UInt16

    package init(host: String = "127.0.0.1", port: UInt16) {
        self.host = host
        self.port = port
    }

    /// `8080`, `0.0.0.0:8080`, `192.168.1.20:8080`, `[::1]:8080`.
    package init(parsing text: String) throws(RoomAddressError) {
        let portText: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { throw .missingPort(text) }
            portText = rest.dropFirst()
        } else if let colon = text.lastIndex(of: ":") {
            host = String(text[..<colon])
            // "::1" would read as host ":" and port 1.
            guard !host.contains(":") else { throw .unbracketedIPv6(text) }
            portText = text[text.index(after: colon)...]
        } else {
            host = "127.0.0.1"
            portText = Substring(text)
        }
        if host == "localhost" { host = "127.0.0.1" }
        guard !host.isEmpty else { throw .missingHost(text) }
        guard let port = UInt16(portText), port > 0 else { throw .badPort(text) }
        self.port = port
    }

    /// Whether only this machine can reach it.
    package var isLoopback: Bool {
        host == "::1" || host.hasPrefix("127.")
    }
}

/// A `--room` value that is not `[HOST:]PORT`.
package enum RoomAddressError: Error, Equatable, Sendable {
    case missingPort(String)
    case missingHost(String)
    case badPort(String)
    /// An IPv6 address needs brackets: `[::1]:8080`.
    case unbracketedIPv6(String)
}
