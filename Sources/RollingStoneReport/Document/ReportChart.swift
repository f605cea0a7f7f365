/// A horizontal bar chart: for each category a label, then one bar per
/// series. Drawn as SVG by `SVGBarChart`.
///
/// Bars run across and labels stand above their bars, so a long Dutch item
/// title has the chart's whole width and never overlaps a bar or another
/// label.
package struct ReportChart: Sendable {
    package struct Category: Sendable {
        /// Text that may hold anything (a typed item title, a country's name).
        package var label: String
        /// One value per series; `nil` for none (an item never reached).
        package var values: [Int?]

        package init(label: String, values: [Int?]) {
            self.label = label
            self.values = values
        }
    }

    /// Our own words.
    package var title: String
    /// The chart's figures in a sentence, for readers who do not see it.
    package var description: String
    /// The series' names, shown in a legend when there is more than one.
    package var series: [String]
    package var categories: [Category]
    /// Shown for a category's missing value instead of a number.
    package var missingValue: String

    package init(title: String, description: String, series: [String], categories: [Category], missingValue: String) {
        self.title = title
        self.description = description
        self.series = series
        self.categories = categories
        self.missingValue = missingValue
    }
}
