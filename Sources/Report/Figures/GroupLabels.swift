/// How figures name groups and read the scenario facts they need.
extension RunGroup {
    /// The legend name: the group and its number of seeds, e.g. `one-slot (n=5)`.
    var legendName: String { "\(name) (n=\(runs.count))" }

    /// The slot duration in seconds from the first run's resolved scenario (12 s when it does not say).
    var slotSeconds: Double {
        runs.first?.parameters["beacon.slotDuration"].flatMap(DurationText.seconds) ?? 12
    }
}

extension ReportInput {
    /// The slot duration shared by every group, for an x axis in slots: `12 s`; `nil` when groups differ.
    var commonSlotSeconds: Double? {
        let all = Set(groups.map(\.slotSeconds))
        return all.count == 1 ? all.first : nil
    }

    /// The x axis of a per-slot chart.
    var slotAxis: ChartAxis {
        let seconds = commonSlotSeconds.map { "\(CSVText.number($0)) s each" } ?? "slot number"
        return ChartAxis("slot", unit: seconds)
    }

    /// `n` for captions: `n = 5 seeds per group` or `n = 1–3 seeds per group`.
    var seedCountText: String {
        let counts = groups.map(\.runs.count)
        guard let low = counts.min(), let high = counts.max() else { return "no runs" }
        return low == high ? "n = \(low) seed\(low == 1 ? "" : "s") per group" : "n = \(low)–\(high) seeds per group"
    }

    /// What the band of a per-slot chart means, or why there is none.
    var bandText: String {
        let low = groups.map(\.runs.count).min() ?? 0
        return low >= Estimate.minimumCountForInterval
            ? "The line is the mean across seeds, the band its 95 % confidence interval (Student t; \(seedCountText))."
            : "The line is the mean across seeds (\(seedCountText)); no band is drawn where fewer than 3 seeds give a value."
    }
}
