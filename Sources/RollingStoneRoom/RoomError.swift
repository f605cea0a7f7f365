import FlyingSocks
import Foundation

/// Why the room could not open.
package enum RoomError: Error, Equatable, Sendable {
    /// Another program listens on the port.
    case portInUse(RoomAddress)
    /// The host is not an address of this machine, or not an address at all.
    case badAddress(String)
    case couldNotListen(RoomAddress, reason: String)

    init(binding error: any Error, address: RoomAddress) {
        guard case SocketError.failed(_, let code, let message) = error else {
            self = .couldNotListen(address, reason: "\(error)")
            return
        }
        switch code {
        case EADDRINUSE: self = .portInUse(address)
        case EADDRNOTAVAIL: self = .badAddress(address.host)
        default: self = .couldNotListen(address, reason: message)
        }
    }
}
