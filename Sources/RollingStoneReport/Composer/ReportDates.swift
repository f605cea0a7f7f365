import Foundation
import RollingStoneCore
import Synchronization

/// Writes agenda dates (`YYYY-MM-DD`) out in words, in the report's language.
///
/// Agenda dates are calendar days, not instants: they are read and written
/// in one fixed time zone (UTC) so no machine's zone can move them a day.
enum ReportDates {
    /// `text` written out with `pattern` (from the language's labels:
    /// "26 september 2012", "26. September 2012"); `nil` when `text` is not a
    /// real `YYYY-MM-DD` day.
    static func writtenOut(_ text: String, pattern: String, in language: MeetingLanguage) -> String? {
        format(text, pattern: pattern, in: language)
    }

    private static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }

    /// The day `text` names, when it is exactly `YYYY-MM-DD` and the day exists.
    ///
    /// Parsed by hand rather than with a lenient `DateFormatter`, which would
    /// also take "2012-9-6" or " 2012-09-26" and roll "2012-02-30" over.
    static func day(_ text: String) -> Date? {
        guard let match = text.wholeMatch(of: /([0-9]{4})-([0-9]{2})-([0-9]{2})/),
            let year = Int(match.1), let month = Int(match.2), let day = Int(match.3)
        else { return nil }
        let calendar = calendar
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components) else { return nil }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == year, back.month == month, back.day == day else { return nil }
        return date
    }

    private static func format(_ text: String, pattern: String, in language: MeetingLanguage) -> String? {
        guard let date = day(text) else { return nil }
        // A fixed pattern per language, not a localized template: a
        // template's punctuation ("Wednesday, 26 …") varies between ICU
        // versions, which would make reports differ by machine.
        // One formatter per language and pattern, used under the lock: a
        // new one for each date cost a digest of hundreds of meetings a
        // third of its time.
        return formatters.withLock { formatters in
            let key = language.rawValue + " " + pattern
            if let formatter = formatters[key] { return formatter.string(from: date) }
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: language.localeIdentifier)
            formatter.calendar = calendar
            formatter.timeZone = calendar.timeZone
            formatter.dateFormat = pattern
            formatters[key] = formatter
            return formatter.string(from: date)
        }
    }

    private static let formatters = Mutex<[String: DateFormatter]>([:])
}
