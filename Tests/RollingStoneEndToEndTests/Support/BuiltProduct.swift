import Foundation

/// Finds executables that `swift test` built next to the test bundle.
enum BuiltProduct {
    static func url(_ name: String) -> URL {
        var folder = Bundle.main.bundleURL
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            folder = bundle.bundleURL.deletingLastPathComponent()
        }
        return folder.appendingPathComponent(name)
    }
}
