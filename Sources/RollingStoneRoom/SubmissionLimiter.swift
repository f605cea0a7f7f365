import Foundation
import Synchronization

/// At most `limit` submissions in any `window` from one phone.
final class SubmissionLimiter: Sendable {
    let limit: Int
    let window: TimeInterval
    private let recent = Mutex<[String: [Date]]>([:])

    init(limit: Int = 10, window: TimeInterval = 60) {
        self.limit = limit
        self.window = window
    }

    /// Counts one submission from `device` at `now`, unless it is one too many.
    func admit(_ device: String, at now: Date) -> Bool {
        recent.withLock { recent in
            var times = recent[device, default: []].filter { now.timeIntervalSince($0) < window }
            guard times.count < limit else {
                recent[device] = times
                return false
            }
            times.append(now)
            recent[device] = times
            // Phones that went quiet need not be remembered.
            if recent.count > 10_000 { recent = recent.filter { $0.value.contains { now.timeIntervalSince($0) < window } } }
            return true
        }
    }
}
