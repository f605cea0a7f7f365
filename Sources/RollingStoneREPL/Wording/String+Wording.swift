import Foundation

extension String {
    package var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }

    /// The text in quotes, shortened for a one-line reply.
    var quotedPreview: String { "\"\(abbreviated(limit: 60))\"" }
}

/// "1 participant", "3 participants", "2 countries".
package func plural(_ count: Int, _ singular: String, _ pluralForm: String? = nil) -> String {
    "\(count) " + (count == 1 ? singular : pluralForm ?? singular + "s")
}

/// The path relative to the working folder when it lies below it.
package func displayPath(_ url: URL) -> String {
    let cwd = FileManager.default.currentDirectoryPath + "/"
    let path = url.standardizedFileURL.path
    return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
}

/// `path` as it can be pasted into a shell.
package func shellQuoted(_ path: String) -> String {
    let safe = path.allSatisfy { $0.isLetter || $0.isNumber || "/._-+".contains($0) }
    return safe ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
