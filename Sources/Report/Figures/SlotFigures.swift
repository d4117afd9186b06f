/// Figures of a quantity per slot, all shards together, with its band across seeds: throughput, gas, ETH in flight.
enum SlotFigures {
    /// Applied transactions per slot.
    static func throughput(_ input: ReportInput) -> ReportFigure {
        let chart = perSlot(
            input, title: "Throughput per slot, all shards", quantity: "applied transactions per slot", unit: "count"
        ) { run in run.slots.map { SlotRows($0).sumPerSlot(ColumnNames.applied) } }
        return ReportFigure(
            id: "throughput", chart: chart,
            caption: "User transactions the EEs applied in each slot, summed over shards. \(input.bandText)",
            xColumn: "slot", yColumn: "applied_transactions", missing: "no slots.csv")
    }

    /// Gas used per slot.
    static func gas(_ input: ReportInput) -> ReportFigure {
        let chart = perSlot(input, title: "Gas per slot, all shards", quantity: "gas used per slot", unit: "gas") {
            run in
            run.slots.map { SlotRows($0).sumPerSlot(ColumnNames.gasUsed) }
        }
        return ReportFigure(
            id: "gas", chart: chart,
            caption: "Gas used by every block's execution (wasm fuel and host calls) in each slot, summed over shards. "
                + input.bandText,
            xColumn: "slot", yColumn: "gas_used_\(DisplayUnit.suffix(chart.y.unit))", missing: "no slots.csv")
    }

    /// ETH carried by receipts in flight between shards after every slot.
    static func ethInFlight(_ input: ReportInput) -> ReportFigure {
        let chart = perSlot(
            input, title: "ETH in flight between shards", quantity: "value in flight after the slot", unit: "gwei"
        ) {
            run in
            guard let table = run.inflight, let slot = table.index(of: ColumnNames.slot),
                let eth = table.index(of: ColumnNames.ethInFlight)
            else { return nil }
            var values: [Double: Double] = [:]
            for row in table.rows { if let s = Double(row[slot]), let v = Double(row[eth]) { values[s] = v } }
            return values
        }
        return ReportFigure(
            id: "eth-in-flight", chart: chart,
            caption: "ETH carried by cross-shard receipts not yet credited at the end of each slot: waiting in "
                + "destination inboxes plus held by the cross-shard model (awaiting finality, or locked), from "
                + "inflight.csv. \(input.bandText)",
            xColumn: "slot", yColumn: "eth_in_flight_\(DisplayUnit.suffix(chart.y.unit))", missing: "no inflight.csv")
    }

    /// Witness bytes or gas per user transaction in each slot, one line per group and EE.
    static func perTransaction(_ input: ReportInput, column: String, what: String, unit: String, id: String)
        -> ReportFigure
    {
        var bands: [(name: String, key: String, band: SeedBand)] = []
        for group in input.groups {
            let ees: [String?] = group.runs.compactMap { $0.slots.flatMap { SlotRows($0).ees } }.first ?? [nil]
            for ee in ees {
                let perSeed = group.runs.compactMap { run -> [Double: Double]? in
                    guard let table = run.slots else { return nil }
                    let rows = SlotRows(table).rows(ofEE: ee)
                    let numerator = rows.sumPerSlot(column)
                    let transactions = rows.sumPerSlot(ColumnNames.transactions)
                    var ratio: [Double: Double] = [:]
                    for (slot, count) in transactions where count > 0 { ratio[slot] = (numerator[slot] ?? 0) / count }
                    return ratio
                }
                let eeName = ee ?? group.runs.first?.workloadEE ?? "EE"
                let key = input.groups.count > 1 ? "\(group.name) · \(eeName)" : eeName
                bands.append(("\(key) (n=\(group.runs.count))", key, SeedBand(perSeed: perSeed)))
            }
        }
        let magnitude = bands.flatMap { $0.band.points.map { abs($0.estimate.mean) } }.max() ?? 0
        let display = DisplayUnit.choose(for: unit, magnitude: magnitude)
        let chart = LineChart(
            title: "\(what.prefix(1).uppercased() + what.dropFirst()) per transaction, per EE", x: input.slotAxis,
            y: ChartAxis("\(what) per transaction", unit: display.name, includesZero: true),
            series: bands.map { $0.band.series(name: $0.name, key: $0.key, factor: display.factor) })
        return ReportFigure(
            id: id, chart: chart,
            caption: "For each slot, the \(what) of every block of the EE divided by the user transactions it "
                + "included, over all shards. \(input.bandText)",
            xColumn: "slot",
            yColumn: "\(id.replacingOccurrences(of: "-", with: "_"))_\(DisplayUnit.suffix(display.name))",
            missing: "no slots.csv")
    }

    /// A chart of one line per group: the per-slot value of each run, its mean and band across seeds, in the unit
    /// that reads best.
    static func perSlot(
        _ input: ReportInput, title: String, quantity: String, unit: String, values: (RunFolder) -> [Double: Double]?
    ) -> LineChart {
        let bands = input.groups.map { group in (group, SeedBand(perSeed: group.runs.compactMap(values))) }
        let magnitude = bands.flatMap { $0.1.points.map { abs($0.estimate.mean) } }.max() ?? 0
        let display = DisplayUnit.choose(for: unit, magnitude: magnitude)
        return LineChart(
            title: title, x: input.slotAxis, y: ChartAxis(quantity, unit: display.name, includesZero: true),
            series: bands.map { $0.1.series(name: $0.0.legendName, key: $0.0.name, factor: display.factor) })
    }
}
