import FlyingFox
import FlyingSocks

/// A response body that is written as the frames arrive: FlyingFox sends
/// each buffer as one chunk in one `write`, so an event reaches the browser
/// when it is yielded, not when a buffer fills, and a frame is never split
/// into writes that wait for each other's acknowledgement.
struct EventStreamBody: AsyncBufferedSequence {
    typealias Element = UInt8

    let frames: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator {
        Iterator(frames: frames.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var frames: AsyncStream<[UInt8]>.Iterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            guard await fill() else { return nil }
            return pending.popFirst()
        }

        /// The rest of the current frame, or the next frame whole, whatever `count` suggests.
        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            guard await fill() else { return nil }
            defer { pending = [] }
            return pending
        }

        /// Waits for a frame when none is left; `false` once the stream has ended.
        private mutating func fill() async -> Bool {
            while pending.isEmpty {
                guard let frame = await frames.next() else { return false }
                pending = frame[...]
            }
            return true
        }
    }
}
