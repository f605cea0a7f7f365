import Foundation

/// A fresh folder under the system's temporary folder, removed on deinit.
package final class TemporaryFolder: Sendable {
    package let url: URL

    package init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("rollingstone-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The URL of `name` in the folder.
    package func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// The path of `name` in the folder.
    package func path(_ name: String) -> String { file(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
