import Foundation
import RollingStoneCore

/// Writes a report to a file, in the format asked for or the one its name
/// implies.
package struct ReportFileWriter: Sendable {
    package var options: ReportOptions?

    package init(options: ReportOptions? = nil) {
        self.options = options
    }

    /// `sessions/x.jsonl` → `sessions/x.md` (or `.html`, `.pdf`).
    package static func defaultReportPath(for sessionPath: String, format: ReportFormat = .md) -> String {
        let base = sessionPath.hasSuffix(".jsonl") ? String(sessionPath.dropLast(6)) : sessionPath
        return base + "." + format.rawValue
    }

    /// Renders `state` and writes it to `url`, replacing an earlier report
    /// there. The format is `format`, else what `url`'s extension says, else
    /// Markdown.
    package func write(
        _ state: MeetingState, to url: URL, format: ReportFormat? = nil, unreadableTail: TornTail? = nil
    ) throws(ReportWriteError) {
        let options = options ?? ReportOptions(language: state.agenda.language)
        let format = format ?? ReportFormat(fileName: url.lastPathComponent) ?? .md
        let text = ReportRenderer.render(state, as: format.text, options: options, unreadableTail: unreadableTail)
        if format == .pdf {
            do {
                try PDFConverter.located().write(html: text, to: url)
            } catch {
                throw ReportWriteError(path: url.path, reason: .pdf(error))
            }
            return
        }
        do {
            // Atomic, so a crash never leaves half a report over a whole one.
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw ReportWriteError(path: url.path, reason: .system((error as NSError).localizedDescription))
        }
    }
}

/// A report that could not be written.
package struct ReportWriteError: Error, Equatable, CustomStringConvertible, Sendable {
    package enum Reason: Equatable, Sendable {
        /// What the system said (in its own words).
        case system(String)
        /// The PDF could not be printed.
        case pdf(PDFError)
    }

    package var path: String
    package var reason: Reason

    package var description: String {
        switch reason {
        case .system(let reason): "\(path.abbreviated(limit: 200)): error: could not write the report: \(reason)"
        case .pdf(let error): error.description
        }
    }
}
