/// The report's tables as tidy CSV, for `report-data/`.
enum TableData {
    /// Every row of every figure table: `table,metric,group,unit,n,mean,ci95_low,ci95_high,values` in the original
    /// unit of `summary.csv` / `comparison.csv` (`values` lists each seed's value, separated by spaces).
    static func csv(_ tables: [FigureTable]) -> String {
        var text = "table,metric,group,unit,n,mean,ci95_low,ci95_high,values\n"
        for table in tables {
            for row in table.rows {
                for (group, estimate) in zip(table.groups, row.estimates) {
                    guard let estimate else { continue }
                    let interval = estimate.interval
                    text +=
                        [
                            CSVText.field(table.title), CSVText.field(row.metric), CSVText.field(group),
                            CSVText.field(row.rawUnit), String(estimate.count), CSVText.number(estimate.mean),
                            interval.map { CSVText.number($0.lowerBound) } ?? "",
                            interval.map { CSVText.number($0.upperBound) } ?? "",
                            estimate.values.map(CSVText.number).joined(separator: " "),
                        ].joined(separator: ",") + "\n"
                }
            }
        }
        return text
    }

    /// The parameters: `parameter,group,value`, one row per group (shared parameters under every group).
    static func csv(_ parameters: ParameterTable) -> String {
        var text = "parameter,group,value\n"
        for row in parameters.differing {
            for (group, value) in zip(parameters.groups, row.values) {
                text += "\(CSVText.field(row.path)),\(CSVText.field(group)),\(CSVText.field(value))\n"
            }
        }
        for row in parameters.shared {
            for group in parameters.groups {
                text += "\(CSVText.field(row.path)),\(CSVText.field(group)),\(CSVText.field(row.value))\n"
            }
        }
        return text
    }
}
