/// A `ReportChart` drawn as inline SVG, sized by its own view box so it
/// scales to any width.
///
/// Each category's label stands on its own lines above its bars, wrapped at
/// a width the chart can hold, so labels never overlap bars or each other,
/// whatever their length. The chart's title and its figures in words are
/// the SVG's `title` and `desc`, for screen readers and text-only mail.
struct SVGBarChart {
    private let chart: ReportChart
    private let id: String

    private static let width = 640
    private static let fontSize = 14
    private static let lineHeight = 18
    private static let barHeight = 14
    private static let barGap = 4
    private static let categoryGap = 14
    /// Room right of the longest bar for its number.
    private static let valueRoom = 48
    /// Characters per label line: about the chart's width at this font size,
    /// with room to spare for wide letters.
    private static let labelLineLength = 70
    private static let maximumLabelLines = 3

    init(_ chart: ReportChart, id: String) {
        self.chart = chart
        self.id = id
    }

    /// Fills of the series: one series in the accent colour; with two, the
    /// plan light and the outcome dark, which also tells them apart in grey.
    private var fills: [String] {
        chart.series.count == 1 ? ["#1f6f8b"] : ["#b7c3cc", "#1f6f8b"] + Array(repeating: "#6b8e23", count: max(0, chart.series.count - 2))
    }

    func write(to html: inout String) {
        let largest = max(1, chart.categories.flatMap { $0.values.compactMap { $0 } }.max() ?? 1)
        let scale = Double(Self.width - Self.valueRoom) / Double(largest)
        var body = ""
        var y = 0
        if chart.series.count > 1 {
            var x = 0
            for (index, name) in chart.series.enumerated() {
                body.append("<rect x=\"\(x)\" y=\"\(y + 2)\" width=\"14\" height=\"14\" fill=\"\(fills[index])\"/>")
                body.append("<text x=\"\(x + 20)\" y=\"\(y + 14)\">")
                HTMLText.append(name, to: &body)
                body.append("</text>")
                x += 20 + name.count * 9 + 24
            }
            y += 28
        }
        for category in chart.categories {
            for line in Self.wrapped(category.label) {
                y += Self.lineHeight
                body.append("<text x=\"0\" y=\"\(y - 4)\">")
                HTMLText.append(line, to: &body)
                body.append("</text>")
            }
            y += 2
            for (index, value) in category.values.enumerated() {
                let length = value.map { max(1, Int((Double($0) * scale).rounded())) } ?? 0
                body.append("<rect x=\"0\" y=\"\(y)\" width=\"\(length)\" height=\"\(Self.barHeight)\" fill=\"\(fills[min(index, fills.count - 1)])\"/>")
                body.append("<text class=\"value\" x=\"\(length + 6)\" y=\"\(y + Self.barHeight - 2)\">")
                HTMLText.append(value.map(String.init) ?? chart.missingValue, to: &body)
                body.append("</text>")
                y += Self.barHeight + Self.barGap
            }
            y += Self.categoryGap
        }
        let height = max(1, y - Self.categoryGap + Self.barGap)

        html.append("<figure class=\"chart\">\n")
        html.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.width) \(height)\" width=\"\(Self.width)\" height=\"\(height)\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" font-size=\"\(Self.fontSize)\">"
        )
        html.append("<title id=\"\(id)-title\">")
        HTMLText.append(chart.title, to: &html)
        html.append("</title><desc id=\"\(id)-desc\">")
        HTMLText.append(chart.description, to: &html)
        html.append("</desc>")
        html.append(body)
        html.append("</svg>\n<figcaption>")
        HTMLText.append(chart.title, to: &html)
        html.append("</figcaption>\n</figure>\n")
    }

    /// `label` in lines of at most `labelLineLength` characters, broken
    /// between words (inside a word only when it is longer than a line);
    /// at most `maximumLabelLines`, the last ending in "…" when cut.
    static func wrapped(_ label: String) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in label.split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            while word.count > labelLineLength {
                if !line.isEmpty {
                    lines.append(line)
                    line = ""
                }
                lines.append(String(word.prefix(labelLineLength)))
                word = word.dropFirst(labelLineLength)
            }
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= labelLineLength {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        guard lines.count > maximumLabelLines else { return lines.isEmpty ? [""] : lines }
        var kept = Array(lines.prefix(maximumLabelLines))
        kept[kept.count - 1] = String(kept[kept.count - 1].prefix(labelLineLength - 1)) + "…"
        return kept
    }
}
