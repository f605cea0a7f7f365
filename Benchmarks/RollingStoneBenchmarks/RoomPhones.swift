import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension RoomBench {
    /// Phones that send ten submissions each (the room's limit is ten a
    /// minute a phone), on a connection each keeps alive or a new one each time.
    final class Phones {
        let port: UInt16
        let label: String
        let keepAlive: Bool
        private(set) var sent = 0
        private(set) var phones = 0
        private var connection: Int32?
        private static let names = ["Marije", "Stef", "Hannah", "Siobhan", "Pieter", "Jonas", "Aoife", "Lotte", "Wim", "Femke"]
        private static let kinds = ["tip", "idea", "question"]

        let quickAck: Bool

        init(port: UInt16, label: String, keepAlive: Bool, quickAck: Bool) {
            self.port = port
            self.label = label
            self.keepAlive = keepAlive
            self.quickAck = quickAck
        }

        deinit { closeConnection() }

        func closeConnection() {
            if let connection { close(connection) }
            connection = nil
        }

        /// Sends one submission and returns the microseconds to its `202`
        /// and the moment it was read; throws unless the answer is a `202`.
        func once() throws -> (microseconds: Double, acknowledged: UInt64) {
            let phone = sent / 10
            if sent % 10 == 0 {
                closeConnection()
                phones += 1
            }
            sent += 1
            let request = submissionRequest(
                port: port, device: "bench-\(label)-\(phone)", kind: Self.kinds[sent % Self.kinds.count],
                name: Self.names[sent % Self.names.count], text: "Vraag van telefoon \(phone) aan de zaal (\(label) \(sent))")
            if keepAlive && connection == nil { connection = try connectLoopback(port: port, receiveTimeoutSeconds: 10) }
            let start = monotonicNanoseconds()
            let descriptor = try connection ?? connectLoopback(port: port, receiveTimeoutSeconds: 10)
            defer { if !keepAlive { close(descriptor) } }
            let answer: HTTPExchange
            do {
                answer = try exchange(descriptor, request, quickAck: quickAck)
            } catch {
                throw BenchFailure("submission \(sent) (\(label)): \(error)")
            }
            let end = monotonicNanoseconds()
            guard answer.status == 202, answer.body.contains(#""status":"pending""#) else {
                throw BenchFailure("submission \(sent) (\(label)) was answered \(answer.status) \(answer.body), not 202 pending")
            }
            return (Double(end - start) / 1_000, end)
        }
    }

    /// A page asking for something the room does not have (`GET /api/none`,
    /// answered `404`) on a kept-alive connection: a request's round trip
    /// through the server with nothing to save, the 202's floor.
    final class RoundTrips {
        let port: UInt16
        private var connection: Int32?

        init(port: UInt16) { self.port = port }

        deinit { closeConnection() }

        func closeConnection() {
            if let connection { close(connection) }
            connection = nil
        }

        /// One round trip in microseconds; throws unless the answer is a `404`.
        func once() throws -> Double {
            let descriptor = try connection ?? connectLoopback(port: port, receiveTimeoutSeconds: 10)
            connection = descriptor
            let request = Array("GET /api/none HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8)
            let start = monotonicNanoseconds()
            let answer = try exchange(descriptor, request)
            let end = monotonicNanoseconds()
            guard answer.status == 404 else { throw BenchFailure("GET /api/none was answered \(answer.status), not 404") }
            return Double(end - start) / 1_000
        }
    }
}
