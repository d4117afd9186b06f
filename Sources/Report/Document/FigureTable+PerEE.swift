/// The per-EE comparison of runs whose shards carry several workload EEs (`slots.csv` with an `ee` column): what each
/// EE's blocks cost, side by side.
extension FigureTable {
    /// One column per EE (per group and EE when there are several groups), one cell per metric: the mean across seeds
    /// of each run's figure, with its interval. `nil` when the runs have one EE.
    ///
    /// - witness bytes per transaction: the EE's witness bytes over the run ÷ the user transactions its blocks included;
    /// - gas per transaction: likewise with gas;
    /// - execution time per block (mean): the mean of `execution_time_us` over the EE's produced blocks (simulated
    ///   time, gas ÷ `execution.gasPerSecond`);
    /// - block bytes per block and transactions per block (mean): over the same blocks.
    public static func perEE(_ input: ReportInput) -> FigureTable? {
        let metrics: [(name: String, unit: String, value: (SlotRows) -> Double?)] = [
            ("witness bytes per transaction", "bytes", { $0.ratioOfSums(ColumnNames.witnessBytes) }),
            ("gas per transaction", "gas", { $0.ratioOfSums(ColumnNames.gasUsed) }),
            ("execution time per block (mean)", "µs", { $0.meanPerBlock(ColumnNames.executionTime) }),
            ("block bytes per block (mean)", "bytes", { $0.meanPerBlock("block_bytes") }),
            ("transactions per block (mean)", "count", { $0.meanPerBlock(ColumnNames.transactions) }),
        ]
        var groups: [String] = []
        var values = metrics.map { _ in [[Double]]() }
        for group in input.groups {
            guard let ees = group.runs.compactMap({ $0.slots.flatMap { SlotRows($0).ees } }).first, ees.count > 1
            else { continue }
            for ee in ees {
                groups.append(input.groups.count > 1 ? "\(group.name) · \(ee)" : ee)
                for (index, metric) in metrics.enumerated() {
                    values[index].append(
                        group.runs.compactMap { run in run.slots.flatMap { metric.value(SlotRows($0).rows(ofEE: ee)) } }
                    )
                }
            }
        }
        guard !groups.isEmpty else { return nil }
        return make(
            title: "EEs compared (slots.csv, per EE)", groups: groups, metrics: metrics.map(\.name),
            units: metrics.map(\.unit), values: values)
    }
}

extension SlotRows {
    /// `column` summed over the rows ÷ `transactions` summed over them, or `nil` when no transaction was included.
    func ratioOfSums(_ column: String) -> Double? {
        let numerator = sumPerSlot(column).values.reduce(0, +)
        let transactions = sumPerSlot(ColumnNames.transactions).values.reduce(0, +)
        return transactions > 0 ? numerator / transactions : nil
    }

    /// The mean of `column` over the produced blocks, or `nil` when there is none.
    func meanPerBlock(_ column: String) -> Double? {
        let blocks = perBlock(column)
        return blocks.isEmpty ? nil : blocks.reduce(0, +) / Double(blocks.count)
    }
}
