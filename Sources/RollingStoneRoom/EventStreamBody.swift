import FlyingFox
import FlyingSocks

/// A response body that is written as the frames arrive: FlyingFox sends
/// each buffer as one chunk, so an event reaches the browser when it is
/// yielded, not when a buffer fills.
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
            await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            while pending.isEmpty {
                guard let frame = await frames.next() else { return nil }
                pending = frame[...]
            }
            let chunk = pending.prefix(Swift.max(1, count))
            pending = pending.dropFirst(chunk.count)
            return chunk
        }
    }
}
