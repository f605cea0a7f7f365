/// A horizontal bar chart: for each category a label, then one bar per
/// series. Drawn as SVG by `SVGBarChart`.
///
/// Bars run across and labels stand above their bars, so a long Dutch item
/// title has the chart's whole width and never overlaps a bar or another
/// label.
struct ReportChart {
    struct Category {
        /// Text that may hold anything (a typed item title, a country's name).
        var label: String
        /// One value per series; `nil` for none (an item never reached).
        var values: [Int?]
    }

    /// Our own words.
    var title: String
    /// The chart's figures in a sentence, for readers who do not see it.
    var description: String
    /// The series' names, shown in a legend when there is more than one.
    var series: [String]
    var categories: [Category]
    /// Shown for a category's missing value instead of a number.
    var missingValue: String
}
