/// The base fee over time per shard, mean and band across seeds, with the demand spike's window shaded.
enum BaseFeeFigure {
    /// Above this many shards, the chart shows the mean over the spike's shards and over the others instead.
    static let maximumLines = 8

    /// The figure of `group`, or `nil` when its runs have no base-fee values (the fee market was off).
    static func make(_ group: RunGroup, index: Int) -> ReportFigure? {
        var perRun: [[Int: [Double: Double]]] = []
        var source = ""
        for run in group.runs {
            for (name, table) in [(ColumnNames.feesFile, run.fees), (ColumnNames.slotsFile, run.slots)] {
                guard let table, let column = ColumnNames.baseFee(in: table.header) else { continue }
                let byShard = SlotRows(table).perShard(column)
                guard !byShard.isEmpty else { continue }
                perRun.append(byShard)
                source = "\(name) \(column)"
                break
            }
        }
        guard !perRun.isEmpty else { return nil }
        let parameters = group.runs.first?.parameters
        let spike = Spike(parameters, slotSeconds: group.slotSeconds)
        let shards = Set(perRun.flatMap(\.keys)).sorted()
        var series: [ChartSeries] = []
        if shards.count <= maximumLines {
            for shard in shards {
                let marked = spike.map { $0.shards.contains(shard) } == true ? " (spike)" : ""
                series.append(
                    SeedBand(perSeed: perRun.compactMap { $0[shard] })
                        .series(name: "shard \(shard)\(marked)", key: "shard \(shard)"))
            }
        } else {
            let sets: [(String, [Int])] =
                spike.map { s in
                    [
                        ("mean of the \(s.shards.count) spike shards", shards.filter(s.shards.contains)),
                        ("mean of the other shards", shards.filter { !s.shards.contains($0) }),
                    ]
                } ?? [("mean of all \(shards.count) shards", shards)]
            for (name, members) in sets where !members.isEmpty {
                let perSeed = perRun.map { run in
                    var sums: [Double: (Double, Int)] = [:]
                    for shard in members {
                        for (slot, fee) in run[shard] ?? [:] {
                            sums[slot, default: (0, 0)].0 += fee
                            sums[slot, default: (0, 0)].1 += 1
                        }
                    }
                    return sums.mapValues { $0.0 / Double($0.1) }
                }
                series.append(SeedBand(perSeed: perSeed).series(name: name, key: name))
            }
        }
        let shade =
            spike.map {
                [
                    ShadedRange(
                        from: $0.fromSlot, until: $0.untilSlot,
                        label:
                            "demand spike ×\($0.multiplier), slots \(CSVText.number($0.fromSlot))–\(CSVText.number($0.untilSlot))"
                    )
                ]
            } ?? []
        let chart = LineChart(
            title: "Base fee per shard — \(group.name)",
            x: ChartAxis("slot", unit: "\(CSVText.number(group.slotSeconds)) s each"),
            y: ChartAxis("EIP-1559 base fee", unit: "gwei per gas", includesZero: true), series: series, shades: shade)
        let n = group.runs.count
        let band =
            n >= Estimate.minimumCountForInterval
            ? "Each line is the mean across n = \(n) seeds, its band the 95 % confidence interval (Student t)."
            : "Each line is the mean across n = \(n) seed\(n == 1 ? "" : "s"); with fewer than 3 seeds no band is drawn."
        let spikeText =
            spike.map {
                " The shaded window is the demand spike (×\($0.multiplier) arrivals on shards \($0.shardText), "
                    + "slots \(CSVText.number($0.fromSlot)) to \(CSVText.number($0.untilSlot)))."
            } ?? ""
        return ReportFigure(
            id: "base-fee-\(index)", chart: chart,
            caption: "The base fee of each shard's block in every slot (\(source)). \(band)\(spikeText)",
            xColumn: "slot", yColumn: "base_fee_gwei", missing: "")
    }

    /// The scenario's demand spike, when it has one (`workload.spike`, times converted to slots).
    struct Spike {
        let fromSlot: Double
        let untilSlot: Double
        let multiplier: String
        let shardText: String
        let shards: Set<Int>

        init?(_ parameters: ScenarioParameters?, slotSeconds: Double) {
            guard let parameters, let from = parameters["workload.spike.from"].flatMap(DurationText.seconds),
                let until = parameters["workload.spike.until"].flatMap(DurationText.seconds), until > from,
                let multiplier = parameters["workload.spike.multiplier"], multiplier != "1", slotSeconds > 0
            else { return nil }
            fromSlot = from / slotSeconds
            untilSlot = until / slotSeconds
            self.multiplier = multiplier
            let text = parameters["workload.spike.shards"] ?? ""
            shardText = text.isEmpty ? "all" : text
            shards = Self.parse(text)
        }

        /// `0-3,7` as {0, 1, 2, 3, 7}; empty text means every shard (an empty set here, handled as "all").
        static func parse(_ text: String) -> Set<Int> {
            var ids = Set<Int>()  // membership only
            for part in text.split(separator: ",") {
                let bounds = part.split(separator: "-").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
                if bounds.count == 1 { ids.insert(bounds[0]) }
                if bounds.count == 2, bounds[0] <= bounds[1], bounds[1] < 1 << 16 {
                    ids.formUnion(bounds[0]...bounds[1])
                }
            }
            return ids
        }
    }
}
