import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Nanoseconds on the monotonic clock.
func monotonicNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}

/// Microseconds `body` took.
func microseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = monotonicNanoseconds()
    try body()
    return Double(monotonicNanoseconds() - start) / 1_000
}

/// A summary of timings, in microseconds.
struct Summary: Codable {
    var count: Int
    var median: Double
    var p99: Double
    var mean: Double
    var min: Double
    var max: Double

    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        count = sorted.count
        median = Self.quantile(sorted, 0.5)
        p99 = Self.quantile(sorted, 0.99)
        mean = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count)
        min = sorted.first ?? 0
        max = sorted.last ?? 0
    }

    /// The nearest-rank quantile over sorted samples, interpolated linearly.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = Swift.min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }
}

/// A figure against its target, for the table.
struct Check: Codable {
    var name: String
    var figure: String
    var ratio: Double
    /// "≤ 1.5× floor median"
    var target: String
    var limit: Double
    var met: Bool

    init(_ name: String, figure: String, ratio: Double, target: String, limit: Double) {
        self.name = name
        self.figure = figure
        self.ratio = ratio
        self.target = target
        self.limit = limit
        self.met = ratio <= limit
    }
}

/// A fixed-width text table.
func textTable(_ header: [String], _ rows: [[String]]) -> String {
    let widths = header.indices.map { column in
        ([header] + rows).map { $0[column].count }.max() ?? 0
    }
    func line(_ cells: [String]) -> String {
        zip(cells, widths).map { cell, width in cell.padding(toLength: width, withPad: " ", startingAt: 0) }
            .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }
    return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)).joined(separator: "\n")
}

func formatMicroseconds(_ value: Double) -> String {
    abs(value) >= 10_000 ? String(format: "%.1f ms", value / 1_000) : String(format: "%.0f µs", value)
}

func formatRatio(_ value: Double) -> String {
    String(format: "%.2f×", value)
}

/// A fresh folder under the system's temporary folder.
func temporaryFolder(_ prefix: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(getpid())-\(UInt32.random(in: 0 ... .max))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
