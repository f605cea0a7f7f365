import Foundation

/// Timestamps in session files: UTC, ISO 8601, with milliseconds.
package enum SessionTimestamp {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

    package static func string(from date: Date) -> String {
        date.formatted(style)
    }

    package static func date(from string: String, codingPath: [any CodingKey]) throws -> Date {
        if let date = fastDate(from: string) { return date }
        do {
            return try style.parse(string)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "not an ISO 8601 time: '\(string)'"))
        }
    }

    /// Seconds from 1970 to 2001, Foundation's reference date.
    private static let referenceOffset = 978_307_200
    /// The years read without the style. Close to 2001 (Foundation's
    /// reference date) the style rounds differently in the last bit, and
    /// before 1582 its calendar is Julian: those are left to it.
    static let fastYears = 2005...2199

    /// The exact shape this tool writes, `2026-03-14T12:58:07.733Z`, read
    /// without the format style (which costs a tenth of a replay). Gives the
    /// same `Date` as the style, bit for bit; anything else returns `nil`
    /// and is left to the style.
    static func fastDate(from string: String) -> Date? {
        var string = string
        return string.withUTF8 { utf8 -> Date? in
            guard utf8.count == 24, utf8[4] == 0x2D, utf8[7] == 0x2D, utf8[10] == 0x54, utf8[13] == 0x3A,
                utf8[16] == 0x3A, utf8[19] == 0x2E, utf8[23] == 0x5A
            else { return nil }
            func number(_ start: Int, _ count: Int) -> Int? {
                var value = 0
                for index in start..<(start + count) {
                    let digit = Int(utf8[index]) &- 0x30
                    guard digit >= 0, digit <= 9 else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                let millisecond = number(20, 3), fastYears.contains(year),
                (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
                hour <= 23, minute <= 59, second <= 59
            else { return nil }
            let seconds = daysSince1970(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
            return Date(timeIntervalSinceReferenceDate: Double(seconds - referenceOffset) + Double(millisecond * 1_000_000) / 1_000_000_000)
        }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
