import Dispatch
import Foundation
import RollingStoneREPL
import RollingStoneRoom
import Synchronization

/// `run --room`: the room's address, its start and stop from the synchronous
/// command, and what the facilitator is told about it.
enum RoomConsole {
    static func address(_ text: String) throws -> RoomAddress {
        do {
            return try RoomAddress(parsing: text)
        } catch {
            let reason =
                switch error {
                case .missingPort: "a port is missing"
                case .missingHost: "the host is empty"
                case .badPort: "the port must be a number from 1 to 65535"
                case .unbracketedIPv6: "an IPv6 address goes in brackets, e.g. [::1]:8080"
                }
            throw UserFacingFailure("error: --room '\(text)': \(reason); give [HOST:]PORT, e.g. 8080 or 0.0.0.0:8080")
        }
    }

    static func checkAvailable(_ address: RoomAddress) throws {
        do {
            try RoomServer.checkAvailable(address)
        } catch {
            throw UserFacingFailure(message(for: error))
        }
    }

    /// Starts `server`, waiting until it listens, and says where it is.
    static func start(_ server: RoomServer, console: Console, language: InterfaceLanguage) throws -> RoomServer {
        let outcome = Mutex<RoomError?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            do throws(RoomError) {
                try await server.start()
            } catch {
                outcome.withLock { $0 = error }
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.withLock({ $0 }) { throw UserFacingFailure(message(for: error)) }
        let address = server.address
        let host = address.isLoopback || address.host == "0.0.0.0" ? "127.0.0.1" : address.host
        let projector = "http://\(host.contains(":") ? "[\(host)]" : host):\(address.port)/"
        switch language {
        case .en: console.write("Projector: \(projector) (the room page; open it on the laptop)")
        case .nl: console.write("Projector: \(projector) (de pagina voor de zaal; open hem op de laptop)")
        }
        if let phoneURL = server.phoneURL {
            switch language {
            case .en: console.write("Phones: \(phoneURL)  (join code \(server.joinCode); scan the code below or on the projector)")
            case .nl: console.write("Telefoons: \(phoneURL)  (toegangscode \(server.joinCode); scan de code hieronder of op de projector)")
            }
            if let code = server.phoneQRCode { console.write(String(code.terminalText().dropLast())) }
        }
        return server
    }

    /// Closes the room; waits a moment for pages to be told.
    static func stop(_ server: RoomServer) {
        let done = DispatchSemaphore(value: 0)
        Task {
            await server.stop()
            done.signal()
        }
        _ = done.wait(timeout: .now() + 3)
    }

    static func message(for error: RoomError) -> String {
        switch error {
        case .portInUse(let address):
            "error: --room: port \(address.port) is in use by another program; choose another port, e.g. --room \(address.port + 1)"
        case .badAddress(let host):
            "error: --room: '\(host)' is not an address of this machine; use 127.0.0.1 (this laptop only), 0.0.0.0 (every network) or the laptop's LAN address"
        case .couldNotListen(let address, let reason):
            "error: --room: could not listen on \(address.host):\(address.port): \(reason)"
        }
    }
}
