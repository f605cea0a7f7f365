import Foundation
import Synchronization

/// A clock the test moves by hand, so time boxes can be checked exactly;
/// safe to read from the threads of concurrency tests.
final class TestClock: Sendable {
    private let time: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_348_660_800)) { time = Mutex(start) }

    var now: Date {
        get { time.withLock { $0 } }
        set { time.withLock { $0 = newValue } }
    }

    func advance(minutes: Double) { time.withLock { $0 += minutes * 60 } }
}
