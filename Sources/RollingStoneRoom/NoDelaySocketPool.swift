import FlyingFox
import FlyingSocks

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// FlyingFox's socket pool, with Nagle's algorithm off on the room's sockets.
///
/// FlyingFox writes an answer's head and its body, and each event frame, in
/// writes of their own, and sets no `TCP_NODELAY`. With Nagle's algorithm on,
/// a write waits until the client has acknowledged the one before, and
/// clients delay acknowledgements by about 40 ms: a `202` or a frame would
/// arrive that much late. FlyingFox has no hook for the sockets it makes, but
/// each one waits through its pool, the listening socket first of all, and a
/// connection accepted from a listener with `TCP_NODELAY` has it too (Linux,
/// the BSDs). A connection is set again whenever it waits, which covers one
/// accepted before the listener first waited; setting it twice is harmless.
struct NoDelaySocketPool<Base: AsyncSocketPool>: AsyncSocketPool {
    let base: Base

    private static var noDelay: BoolSocketOption { BoolSocketOption(level: Int32(IPPROTO_TCP), name: Int32(TCP_NODELAY)) }

    func prepare() async throws { try await base.prepare() }

    func run() async throws { try await base.run() }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        // Not every socket is TCP (a Unix socket refuses the option); such a refusal changes nothing.
        try? socket.setValue(true, for: Self.noDelay)
        try await base.suspendSocket(socket, untilReadyFor: events)
    }
}
