import Foundation

/// Timestamps in session files: UTC, ISO 8601, with milliseconds.
enum SessionTimestamp {
    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)

    static func string(from date: Date) -> String {
        date.formatted(style)
    }

    static func date(from string: String, codingPath: [any CodingKey]) throws -> Date {
        do {
            return try style.parse(string)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "not an ISO 8601 time: '\(string)'"))
        }
    }
}
