/// The network's figures (runs with a `network:` section, from `network.csv`): how long blocks take to reach 2/3 of
/// their committee, and how often blocks of a given size are orphaned.
enum NetworkFigures {
    /// One published block of a run: its bytes, its time to 2/3 of the committee (s; `nil` if never) and its fate.
    struct Block {
        var bytes: Double
        var twoThirdsSeconds: Double?
        var orphaned: Bool
    }

    /// The published blocks of `run` (missed slots left out); empty without `network.csv`.
    static func blocks(_ run: RunFolder) -> [Block] {
        guard let network = run.network, let outcome = network.index(of: ColumnNames.outcome),
            let bytes = network.index(of: ColumnNames.blockBytes),
            let twoThirds = network.index(of: ColumnNames.twoThirds)
        else { return [] }
        return network.rows.compactMap { row in
            guard row[outcome] != "missed", let size = Double(row[bytes]) else { return nil }
            return Block(
                bytes: size, twoThirdsSeconds: Double(row[twoThirds]).map { $0 / 1e6 },
                orphaned: row[outcome] == "orphaned")
        }
    }

    /// The CDF of the time from publication to 2/3 of the committee, per group.
    static func propagation(_ input: ReportInput) -> ReportFigure {
        var series: [ChartSeries] = []
        var all: [Double] = []
        var never = 0
        for group in input.groups {
            let blocks = group.runs.flatMap(blocks)
            guard !blocks.isEmpty else { continue }
            let times = blocks.compactMap(\.twoThirdsSeconds)
            never += blocks.count - times.count
            all += times
            var line = ChartSeries.cdf(
                name: "\(group.name) (\(NumberFormat.short(Double(blocks.count))) blocks, n=\(group.runs.count))",
                values: times)
            // Blocks that never reached 2/3 keep the curve below 1: the share is over every published block.
            let reached = Double(times.count) / Double(blocks.count)
            line.points = line.points.map { ChartPoint(x: $0.x, y: $0.y * reached, count: blocks.count) }
            line.key = group.name
            series.append(line)
        }
        let scale = ChartAxis.scale(for: all, ratio: 20)
        let chart = LineChart(
            title: "Block propagation to 2/3 of the committee (CDF)",
            x: ChartAxis(
                "time from publication to 2/3 of the committee",
                unit: "s" + (scale == .logarithmic ? ", log scale" : ""), scale: scale, includesZero: true),
            y: ChartAxis("share of published blocks", unit: "fraction", range: 0...1), series: series)
        return ReportFigure(
            id: "propagation-cdf", chart: chart,
            caption: "Share of published blocks (crosslinked, orphaned or failed; missed slots have no block) that "
                + "reached 2/3 of their committee within the given time after their proposer published them "
                + "(network.csv two_thirds_us), every seed pooled. Blocks that never reached 2/3 (\(never) here) "
                + "keep a curve below 1. Compare with the attestation deadline: a block later than it is orphaned.",
            xColumn: "two_thirds_s", yColumn: "share", missing: "no network.csv (the scenarios have no network)")
    }

    /// The orphan rate of published blocks by block size, per group: blocks pooled over seeds into size bands.
    static func orphanRate(_ input: ReportInput) -> ReportFigure {
        let perGroup = input.groups.map { ($0, $0.runs.flatMap(blocks)) }.filter { !$1.isEmpty }
        let largest = perGroup.flatMap { $0.1.map(\.bytes) }.max() ?? 0
        let display = DisplayUnit.choose(for: "bytes", magnitude: largest)
        // Eight equal bands from 0 to the largest block; a band's point sits at the mean size of its blocks.
        let bands = 8.0
        let width = largest > 0 ? largest / bands : 1
        let series = perGroup.map { group, blocks -> ChartSeries in
            var byBand: [Int: [Block]] = [:]
            for block in blocks { byBand[min(Int(block.bytes / width), Int(bands) - 1), default: []].append(block) }
            let points = byBand.keys.sorted().map { band -> ChartPoint in
                let members = byBand[band]!
                let orphaned = members.filter(\.orphaned).count
                let meanBytes = members.map(\.bytes).reduce(0, +) / Double(members.count)
                return ChartPoint(
                    x: meanBytes * display.factor, y: Double(orphaned) / Double(members.count), count: members.count)
            }
            return ChartSeries(
                name: "\(group.name) (\(NumberFormat.short(Double(blocks.count))) blocks, n=\(group.runs.count))",
                key: group.name, points: points, style: .markers)
        }
        let chart = LineChart(
            title: "Orphan rate against block size",
            x: ChartAxis("block bytes sent over the network", unit: display.name, includesZero: true),
            y: ChartAxis("share of the band's blocks orphaned", unit: "fraction", range: 0...1), series: series)
        return ReportFigure(
            id: "orphan-rate-vs-block-bytes", chart: chart,
            caption: "Published blocks of each group (every seed pooled) split into 8 equal size bands up to the "
                + "largest block; each point is a band's share of orphaned blocks (too few of the committee had them "
                + "by the attestation deadline), drawn at the mean size of its blocks, with the band's block count "
                + "in the data. Block bytes are network.csv's block_bytes: every workload EE's block data, witnesses "
                + "included.",
            xColumn: "block_bytes_\(DisplayUnit.suffix(display.name))", yColumn: "orphan_rate",
            missing: "no network.csv (the scenarios have no network)")
    }
}
