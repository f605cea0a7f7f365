import Foundation
import RollingStoneTestSupport
import Testing

@testable import RollingStoneReport

/// The charts are drawn so that nothing overlaps, whatever the labels: a
/// label's lines stand above its bars, wrapped to the chart's width.
@Suite struct SVGBarChartTests {
    static let longTitle =
        "Trekkracht op instanties: hoe je als bewonersnetwerk samenwerkt met de gemeente, de woningcorporatie en de provincie zonder je eigen koers te verliezen"

    static func chart(_ labels: [String]) -> ReportChart {
        ReportChart(
            title: "Geplande en werkelijke minuten per onderdeel", description: "…", series: ["Gepland", "Werkelijk"],
            categories: labels.enumerated().map { .init(label: $1, values: [20 + $0, $0 == 1 ? nil : 25]) },
            missingValue: "–")
    }

    static func elements(_ chart: ReportChart) throws -> [HTML5Parser.Element] {
        var html = ""
        SVGBarChart(chart, id: "c").write(to: &html)
        return try HTML5Parser.elements(of: "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\(html)</body></html>")
    }

    @Test func longLabelsAreWrappedBetweenWords() {
        let lines = SVGBarChart.wrapped(Self.longTitle)
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.count <= 70 })
        #expect(lines.joined(separator: " ").hasPrefix("Trekkracht op instanties: hoe je als bewonersnetwerk"))
        #expect(!lines.joined().contains("  "))
        #expect(SVGBarChart.wrapped("Pauze") == ["Pauze"])
        // A word longer than a line is cut, not left to run off the chart.
        #expect(SVGBarChart.wrapped(String(repeating: "x", count: 150)).allSatisfy { $0.count <= 70 })
    }

    @Test func nothingOverlaps() throws {
        let page = try Self.elements(Self.chart([Self.longTitle, "Pauze", Self.longTitle + " en nog veel meer woorden daarna", "Afsluiting"]))
        let rects = page.filter { $0.tag == "rect" && $0.values["width"] != "14" }
        // Each label line is a text with a y; bars are rects with y and height.
        let labels = page.filter { $0.tag == "text" && $0.values["class"] == nil && $0.values["x"] == "0" }
        #expect(labels.count == 3 + 1 + 3 + 1)
        let bars = rects.compactMap { rect -> ClosedRange<Double>? in
            guard let y = Double(rect.values["y"] ?? ""), let height = Double(rect.values["height"] ?? "") else { return nil }
            return y...(y + height)
        }
        #expect(bars.count == 8, "two bars per item, the one not reached too")
        for label in labels {
            let baseline = try #require(Double(label.values["y"] ?? ""))
            // A line of 14 px text takes the 14 px above its baseline (and a little below).
            let line = (baseline - 14)...(baseline + 3)
            #expect(!bars.contains { $0.overlaps(line) }, "label '\(label.text)' overlaps a bar")
        }
        let baselines = labels.compactMap { Double($0.values["y"] ?? "") }
        #expect(baselines == baselines.sorted() && Set(baselines).count == baselines.count, "labels stand on lines of their own")
        // The item not reached has its mark instead of a number.
        let values = page.filter { $0.values["class"] == "value" }.map(\.text)
        #expect(values.contains("–"), "\(values)")
        let svg = try #require(page.first { $0.tag == "svg" })
        let height = try #require(Double(svg.values["height"] ?? ""))
        #expect(bars.allSatisfy { $0.upperBound <= height }, "the view box holds every bar")
    }
}
