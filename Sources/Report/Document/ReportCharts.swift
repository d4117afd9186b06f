/// The charts of a report, computed from the runs' CSV files (columns by name, see ``ColumnNames``).
public enum ReportCharts {
    /// Applied transactions per slot, all shards together; the mean across each group's seeds.
    public static func throughput(_ input: ReportInput) -> LineChart {
        LineChart(
            title: "Throughput per slot", xLabel: "slot", yLabel: "applied transactions (all shards)",
            series: input.groups.map { perSlotMean($0, column: ColumnNames.applied) })
    }

    /// Gas used per slot, all shards together; the mean across each group's seeds.
    public static func gas(_ input: ReportInput) -> LineChart {
        LineChart(
            title: "Gas per slot", xLabel: "slot", yLabel: "gas used (all shards)",
            series: input.groups.map { perSlotMean($0, column: ColumnNames.gasUsed) })
    }

    /// The CDF of cross-shard latency (slots from inclusion to delivery) of delivered transfers, per group.
    public static func latency(_ input: ReportInput) -> LineChart {
        LineChart(
            title: "Cross-shard latency CDF", xLabel: "latency (slots, inclusion to delivery)",
            yLabel: "share of delivered transfers",
            series: input.groups.map { group in
                let values = group.runs.flatMap { run -> [Double] in
                    guard let t = run.transfers, let o = t.index(of: ColumnNames.outcome),
                        let l = t.index(of: ColumnNames.latencySlots)
                    else { return [] }
                    return t.rows.filter { $0[o] == ColumnNames.delivered }.compactMap { Double($0[l]) }
                }
                return ChartSeries.cdf(name: group.name, values: values)
            }, yRange: 0...1)
    }

    /// The CDF of a per-block column over produced (not missed) blocks, per group.
    public static func blockDistribution(_ input: ReportInput, column: String, title: String, xLabel: String) -> LineChart {
        LineChart(
            title: title, xLabel: xLabel, yLabel: "share of blocks",
            series: input.groups.map { group in
                let values = group.runs.flatMap { run -> [Double] in
                    guard let s = run.slots, let c = s.index(of: column) else { return [] }
                    let missed = s.index(of: ColumnNames.missed)
                    return s.rows.filter { missed == nil || $0[missed!] != "1" }.compactMap { Double($0[c]) }
                }
                return ChartSeries.cdf(name: group.name, values: values)
            }, yRange: 0...1)
    }

    /// The base fee over time per shard of the first run of each group, from `fees.csv` or else `slots.csv`;
    /// `nil` for a group whose runs have no base-fee column.
    public static func baseFee(_ group: RunGroup) -> LineChart? {
        guard let run = group.runs.first else { return nil }
        for table in [run.fees, run.slots].compactMap({ $0 }) {
            guard let feeColumn = ColumnNames.baseFee(in: table.header), let fee = table.index(of: feeColumn),
                let slot = table.index(of: ColumnNames.slot), let shard = table.index(of: ColumnNames.shard)
            else { continue }
            var byShard: [Int: [(x: Double, y: Double)]] = [:]
            for row in table.rows {
                guard let s = Int(row[shard]), let x = Double(row[slot]), let y = Double(row[fee]) else { continue }
                byShard[s, default: []].append((x, y))
            }
            return LineChart(
                title: "Base fee per shard — \(group.name) (\(run.name))", xLabel: "slot", yLabel: feeColumn,
                series: byShard.keys.sorted().map { ChartSeries(name: "shard \($0)", points: byShard[$0]!) })
        }
        return nil
    }

    /// For each slot, the column's sum over shards, averaged over the group's runs that have that slot.
    static func perSlotMean(_ group: RunGroup, column: String) -> ChartSeries {
        var sums: [Int: (total: Double, runs: Int)] = [:]
        for run in group.runs {
            guard let s = run.slots, let slot = s.index(of: ColumnNames.slot), let c = s.index(of: column) else { continue }
            var perSlot: [Int: Double] = [:]
            for row in s.rows {
                guard let n = Int(row[slot]) else { continue }
                perSlot[n, default: 0] += Double(row[c]) ?? 0
            }
            for (n, value) in perSlot { sums[n, default: (0, 0)].total += value; sums[n, default: (0, 0)].runs += 1 }
        }
        let points = sums.keys.sorted().map { (x: Double($0), y: sums[$0]!.total / Double(sums[$0]!.runs)) }
        return ChartSeries(name: group.name, points: points)
    }
}
