/// A headline figure of `summary.csv`: its name (the `metric` column), its unit (the `unit` column) and what it
/// means. Declared once here, so the simulator writes, the reports read and `Documentation/Outputs.md` defines the
/// same metrics.
package struct SummaryMetric: Sendable, Hashable {
    /// The `metric` column.
    package let name: String
    /// The `unit` column.
    package let unit: String
    /// What the figure measures, for the data dictionary.
    package let meaning: String
    /// When the row is written, if not in every run (e.g. "with a network: section").
    package let writtenWhen: String?

    package init(_ name: String, _ unit: String, _ meaning: String, writtenWhen: String? = nil) {
        self.name = name
        self.unit = unit
        self.meaning = meaning
        self.writtenWhen = writtenWhen
    }
}
