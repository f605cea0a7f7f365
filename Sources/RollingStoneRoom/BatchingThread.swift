import Dispatch
import Foundation

/// A thread of its own that hands what it is given to `send` a moment
/// later, together with whatever came meanwhile, in order.
///
/// Waking it costs the caller one signal, which matters to the caller here:
/// the meeting's capture, under its lock. A dispatch queue would cost two
/// threads' wake-ups there (the queue's, and the one that keeps its timers).
/// `stop` ends the thread; one never stopped waits for the process to end.
final class BatchingThread<Item: Sendable>: @unchecked Sendable {
    private let delay: TimeInterval
    private let send: @Sendable ([Item]) -> Void
    /// Guards `items` and `stopping`, and wakes the thread.
    private let condition = NSCondition()
    private var items: [Item] = []
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)

    /// - Parameters:
    ///   - delay: how long after the first of a batch `send` runs.
    ///   - send: called on the thread, one batch at a time.
    init(name: String, delay: TimeInterval, send: @escaping @Sendable ([Item]) -> Void) {
        self.delay = delay
        self.send = send
        let thread = Thread { [self] in run() }
        thread.name = name
        thread.start()
    }

    /// Adds `item` to the next batch.
    func add(_ item: Item) {
        condition.lock()
        items.append(item)
        let isFirst = items.count == 1
        condition.unlock()
        if isFirst { condition.signal() }
    }

    /// Sends what is left at once, then ends the thread; returns when it has.
    func stop() {
        condition.lock()
        let wasStopping = stopping
        stopping = true
        condition.unlock()
        condition.signal()
        if !wasStopping { finished.wait() }
    }

    private func run() {
        condition.lock()
        while true {
            while items.isEmpty && !stopping { condition.wait() }
            if items.isEmpty { break }
            let isStopping = stopping
            condition.unlock()
            if !isStopping { Thread.sleep(forTimeInterval: delay) }
            condition.lock()
            let batch = items
            items = []
            condition.unlock()
            send(batch)
            condition.lock()
        }
        condition.unlock()
        finished.signal()
    }
}
