import Foundation

/// A clock the test moves by hand, so time boxes can be checked exactly.
final class TestClock: @unchecked Sendable {
    var now: Date

    init(_ start: Date = Date(timeIntervalSince1970: 1_348_660_800)) { now = start }

    func advance(minutes: Double) { now += minutes * 60 }
}
