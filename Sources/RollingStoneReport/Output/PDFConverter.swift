import Foundation

/// Prints a report's HTML to PDF with WeasyPrint, the `weasyprint` command
/// (Debian's package, or PyPI's).
///
/// WeasyPrint is a separate program, looked up on `PATH` when a PDF is
/// asked for; the rest of the tool never needs it.
package struct PDFConverter: Sendable {
    /// The `weasyprint` program found on `PATH`, or an error that says how
    /// to install it.
    package static func located(path: String? = ProcessInfo.processInfo.environment["PATH"]) throws(PDFError) -> PDFConverter {
        for folder in (path ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("weasyprint")
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return PDFConverter(program: candidate)
            }
        }
        throw .weasyPrintMissing
    }

    /// The `weasyprint` executable.
    package let program: URL

    /// Writes `html` as a PDF at `url`, replacing an earlier file there only
    /// once the new one is whole.
    package func write(html: String, to url: URL) throws(PDFError) {
        let folder = url.deletingLastPathComponent()
        let stem = ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)"
        let source = folder.appendingPathComponent(stem + ".html")
        let target = folder.appendingPathComponent(stem + ".pdf")
        defer {
            try? FileManager.default.removeItem(at: source)
            try? FileManager.default.removeItem(at: target)
        }
        do {
            try Data(html.utf8).write(to: source)
        } catch {
            throw .unwritable(path: url.path, reason: (error as NSError).localizedDescription)
        }
        let process = Process()
        process.executableURL = program
        // The HTML holds no external asset, so no base URL or network is needed.
        process.arguments = ["--quiet", source.path, target.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .weasyPrintFailed(status: -1, message: (error as NSError).localizedDescription)
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: target.path) else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw .weasyPrintFailed(status: process.terminationStatus, message: text)
        }
        // rename(2) replaces an earlier PDF in one step, in the same folder;
        // FileManager's replaceItemAt removed the old file first on Linux.
        guard rename(target.path, url.path) == 0 else {
            throw .unwritable(path: url.path, reason: String(cString: strerror(errno)))
        }
    }
}

/// A PDF that could not be made.
package enum PDFError: Error, Equatable, CustomStringConvertible, Sendable {
    case weasyPrintMissing
    case weasyPrintFailed(status: Int32, message: String)
    case unwritable(path: String, reason: String)

    package var description: String {
        switch self {
        case .weasyPrintMissing:
            "error: a PDF is printed by WeasyPrint, which is not installed (no 'weasyprint' on PATH); install it with 'sudo apt-get install weasyprint' or 'pip install weasyprint', or write the report as HTML with '--format html' and print that from a browser"
        case .weasyPrintFailed(let status, let message):
            "error: WeasyPrint could not print the report (exit status \(status))" + (message.isEmpty ? "" : ": \(message.abbreviated(limit: 400))")
        case .unwritable(let path, let reason):
            "\(path.abbreviated(limit: 200)): error: could not write the report: \(reason)"
        }
    }
}
