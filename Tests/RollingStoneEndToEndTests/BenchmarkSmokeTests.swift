import Foundation
import RollingStoneTestSupport
import Testing

/// The benchmark is too slow and too noisy for every test run, but it must
/// not rot: its smoke mode runs every in-process part on tiny sizes and
/// fails only when something is broken, never on a missed ratio.
@Suite struct BenchmarkSmokeTests {
    @Test(.timeLimit(.minutes(1)))
    func theBenchmarkSmokeRunPassesAndPrintsItsTable() async throws {
        let folder = try TemporaryFolder()
        let process = Process()
        process.executableURL = BuiltProduct.url("rollingstone-bench")
        process.arguments = ["smoke", "--json", folder.path("smoke.json")]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let started = Date()
        try process.run()
        let outputReader = Task.detached { output.fileHandleForReading.readDataToEndOfFile() }
        let errorReader = Task.detached { errors.fileHandleForReading.readDataToEndOfFile() }
        let printed = String(decoding: await outputReader.value, as: UTF8.self)
        let complaints = String(decoding: await errorReader.value, as: UTF8.self)
        process.waitUntilExit()
        print("BenchmarkSmokeTests: smoke run took \(Date().timeIntervalSince(started)) s")

        #expect(process.terminationStatus == 0, "stderr: \(complaints)\nstdout: \(printed)")
        for row in [
            "floor: 200 B append + fsync", "capture, fresh session", "capture, 300-entry session",
            "size independence", "smoke run ok",
        ] {
            #expect(printed.contains(row), "missing '\(row)' in:\n\(printed)")
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path("smoke.json")))) as? [String: Any]
        let floor = json?["floor"] as? [String: Any]
        #expect((floor?["count"] as? Int) == 9)
        #expect(((floor?["median"] as? Double) ?? 0) > 0)
        #expect((json?["checks"] as? [Any])?.count == 5)
    }
}
