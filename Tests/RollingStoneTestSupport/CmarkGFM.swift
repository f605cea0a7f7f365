import Foundation

/// The real GitHub Flavored Markdown renderer, `cmark-gfm`, run as a
/// subprocess: what a report looks like once rendered is checked against the
/// reference implementation rather than against our own idea of Markdown.
package enum CmarkGFM {
    /// The extensions GitHub turns on, and so the ones a report must survive.
    package static let arguments = ["--extension", "table", "--extension", "autolink", "--extension", "tasklist", "--extension", "strikethrough"]

    /// `markdown` rendered to HTML in cmark-gfm's default safe mode (raw HTML
    /// would show as `<!-- raw HTML omitted -->`).
    ///
    /// - Throws: `CmarkGFMError.notInstalled` when the binary is missing: the
    ///   tests that need it must fail then, never pass without checking.
    package static func html(for markdown: String) throws -> String {
        guard let executable = executableURL() else { throw CmarkGFMError.notInstalled }
        // Through a file rather than a pipe, so a large input cannot deadlock
        // against output the child is waiting to write.
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).md")
        try Data(markdown.utf8).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }

        let run = try ExternalProgram.run(executable, arguments + [input.path])
        guard run.status == 0 else {
            throw CmarkGFMError.failed(status: run.status, message: run.errors)
        }
        return String(decoding: run.output, as: UTF8.self)
    }

    private static func executableURL() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = ["/usr/bin", "/usr/local/bin"] + path.split(separator: ":").map(String.init)
        return folders.lazy
            .map { URL(fileURLWithPath: $0).appendingPathComponent("cmark-gfm") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

package enum CmarkGFMError: Error, CustomStringConvertible {
    case notInstalled
    case failed(status: Int32, message: String)

    package var description: String {
        switch self {
        case .notInstalled:
            "cmark-gfm is not installed, so the report's Markdown cannot be checked. Run the tests with the test command in README.md, which installs it (Debian package cmark-gfm)."
        case .failed(let status, let message):
            "cmark-gfm exited with status \(status): \(message)"
        }
    }
}
