import Foundation

/// A file a test compares its output with, byte for byte.
///
/// Recorded when missing, or again after a deliberate change when the tests
/// run with `RECORD_GOLDEN=1`; a recording run fails, so CI never passes on a
/// file it has just written.
package struct GoldenFile: Sendable {
    package let url: URL

    package init(_ url: URL) {
        self.url = url
    }

    /// Whether this run records golden files rather than checking them.
    package static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    /// What a comparison found.
    package enum Outcome: Equatable, Sendable {
        case matches
        /// The file was (re)written; the caller must fail the test.
        case recorded
        /// The file holds something else; `expected` is what it holds.
        case differs(expected: Data)
    }

    /// Compares `actual` with the file, or records it.
    package func check(_ actual: Data) throws -> Outcome {
        if Self.isRecording || !FileManager.default.fileExists(atPath: url.path) {
            try actual.write(to: url)
            return .recorded
        }
        let expected = try Data(contentsOf: url)
        return expected == actual ? .matches : .differs(expected: expected)
    }
}
