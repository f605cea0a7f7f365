import Foundation
import RollingStoneCore

/// Writes a report next to, or instead of, standard output.
package struct ReportFileWriter: Sendable {
    package var options: ReportOptions?

    package init(options: ReportOptions? = nil) {
        self.options = options
    }

    /// `sessions/x.jsonl` → `sessions/x.md`.
    package static func defaultReportPath(for sessionPath: String) -> String {
        let base = sessionPath.hasSuffix(".jsonl") ? String(sessionPath.dropLast(6)) : sessionPath
        return base + ".md"
    }

    /// Renders `state` and writes it to `url`, replacing an earlier report there.
    package func write(_ state: MeetingState, to url: URL, unreadableTail: TornTail? = nil) throws(ReportWriteError) {
        let options = options ?? ReportOptions(language: state.agenda.language)
        let markdown = ReportRenderer.render(state, options: options, unreadableTail: unreadableTail)
        do {
            // Atomic, so a crash never leaves half a report over a whole one.
            try Data(markdown.utf8).write(to: url, options: .atomic)
        } catch {
            throw ReportWriteError(path: url.path, reason: (error as NSError).localizedDescription)
        }
    }
}

/// A report that could not be written.
package struct ReportWriteError: Error, Equatable, CustomStringConvertible, Sendable {
    package var path: String
    package var reason: String

    package var description: String { "\(path.abbreviated(limit: 200)): error: could not write the report: \(reason)" }
}
