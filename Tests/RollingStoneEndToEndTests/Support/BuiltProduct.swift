import Foundation

/// Finds executables built by the same `swift build` / `swift test` run as
/// the tests, so end-to-end tests need no build step of their own.
///
/// SwiftPM puts every product of the package in one folder
/// (`.build/<triple>/debug`), next to the test bundle and this target's
/// resource bundle.
enum BuiltProduct {
    /// The built executable called `name`, e.g. `rollingstone`.
    ///
    /// When it is in none of the folders searched, returns where it should
    /// be, so that starting it fails with that path in the message.
    static func url(_ name: String) -> URL {
        let candidates = productFolders.map { $0.appendingPathComponent(name, isDirectory: false) }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    /// Where to look, most reliable first: the resource bundle's folder is
    /// the products folder on Linux and macOS whoever runs the tests; the
    /// `.xctest` bundle's folder and the running executable's folder cover
    /// other runners.
    private static var productFolders: [URL] {
        var folders = [Bundle.module.bundleURL.deletingLastPathComponent()]
        folders += Bundle.allBundles
            .filter { $0.bundleURL.pathExtension == "xctest" }
            .map { $0.bundleURL.deletingLastPathComponent() }
        if let executable = Bundle.main.executableURL {
            folders.append(executable.deletingLastPathComponent())
        }
        return folders
    }
}
