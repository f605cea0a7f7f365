import Dispatch
import Synchronization

/// What a watch announces, and a way to wait for the next announcement.
final class OverrunRecorder<Item: Sendable>: Sendable {
    let items = Mutex<[Item]>([])
    private let arrived = DispatchSemaphore(value: 0)

    func record(_ item: Item) {
        items.withLock { $0.append(item) }
        arrived.signal()
    }

    /// Waits for one more; a hang guard, not a speed limit.
    func waitForOne() -> Bool { arrived.wait(timeout: .now() + 120) == .success }
}
