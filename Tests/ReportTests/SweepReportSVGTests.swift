import Foundation
import Testing

@testable import Report

/// A sweep report's figures, read back from the SVG files: the sweep figure exists, every legend entry lies inside
/// its chart, below the axis labels, and no two entries overlap; every axis label names a unit.
@Suite struct SweepReportSVGTests {
    /// A rectangle in SVG coordinates.
    struct Box {
        let x, y, width, height: Double
        func overlaps(_ other: Box) -> Bool {
            x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
        }
    }

    /// The numbers of every `attribute="…"` in `svg`, e.g. the `data-box` of each legend entry.
    static func numbers(of attribute: String, in svg: String) -> [[Double]] {
        svg.components(separatedBy: "\(attribute)=\"").dropFirst().map { part in
            part.prefix { $0 != "\"" }.split(separator: " ").compactMap { Double($0) }
        }
    }

    /// The text of every `<text class="axis-label" …>…</text>`.
    static func axisLabels(in svg: String) -> [String] {
        svg.components(separatedBy: "class=\"axis-label\"").dropFirst().map { part in
            let afterTag = part.drop { $0 != ">" }.dropFirst()
            return String(afterTag.prefix { $0 != "<" })
        }
    }

    @Test(
        "2 fields × 2 levels × 3 seeds: legends inside the chart and apart, axis labels with units, sweep figure drawn")
    func sweepSVG() throws {
        let out = ReportFixtures.temporaryFolder()
        _ = try ReportWriter.write(paths: [ReportFixtures.sweep()], to: out)
        let charts = out.appendingPathComponent("charts")
        let files = try FileManager.default.contentsOfDirectory(atPath: charts.path).sorted()
        #expect(files.contains("sweep-throughput-vs-beacon-slotDuration_s.svg"))
        #expect(files.contains("sweep-throughput-vs-workload-crossShardFraction_pct.svg"))
        for file in files {
            let svg = try String(contentsOf: charts.appendingPathComponent(file), encoding: .utf8)
            let viewBox = try #require(Self.numbers(of: "viewBox", in: svg).first)
            let chart = Box(x: viewBox[0], y: viewBox[1], width: viewBox[2], height: viewBox[3])
            let legend = Self.numbers(of: "data-box", in: svg).map {
                Box(x: $0[0], y: $0[1], width: $0[2], height: $0[3])
            }
            for (i, entry) in legend.enumerated() {
                #expect(
                    entry.x >= chart.x && entry.x + entry.width <= chart.x + chart.width,
                    "\(file): entry \(i) sticks out sideways")
                #expect(
                    entry.y >= chart.y && entry.y + entry.height <= chart.y + chart.height,
                    "\(file): entry \(i) sticks out")
                for j in legend.indices where j > i {
                    #expect(!entry.overlaps(legend[j]), "\(file): legend entries \(i) and \(j) overlap")
                }
            }
            // The x-axis label's baseline is above every legend entry: the legend never covers it.
            let xLabelBaseline = try #require(
                svg.components(separatedBy: "class=\"axis-label\"").dropFirst().first.flatMap { part in
                    Self.numbers(of: " y", in: String(part.prefix { $0 != ">" })).first?.first
                })
            #expect(legend.allSatisfy { $0.y >= xLabelBaseline + 2 }, "\(file): legend covers the x-axis label")
            let labels = Self.axisLabels(in: svg)
            #expect(labels.count == 2, "\(file)")
            for label in labels {
                let unit = label.components(separatedBy: "(").last?.components(separatedBy: ")").first ?? ""
                #expect(label.hasSuffix(")") && !unit.isEmpty, "\(file): axis label '\(label)' has no unit")
            }
        }
        // The sweep figure: one line per level of the other field, a point per level of this one, error bars from
        // 3 seeds each.
        let sweep = try String(
            contentsOf: charts.appendingPathComponent("sweep-throughput-vs-beacon-slotDuration_s.svg"), encoding: .utf8)
        #expect(sweep.contains("beacon.slotDuration (s)"))
        #expect(sweep.contains("workload.crossShardFraction=10% (n=3)"))
        #expect(sweep.components(separatedBy: "class=\"error-bar\"").count - 1 == 4)
        let data = try String(
            contentsOf: out.appendingPathComponent("report-data/sweep-throughput-vs-beacon-slotDuration_s.csv"),
            encoding: .utf8)
        let rows = data.split(separator: "\n")
        #expect(
            rows[0]
                == "series,beacon.slotDuration_s,throughput_transactions_per_s,throughput_transactions_per_s_ci95_low,throughput_transactions_per_s_ci95_high,n"
        )
        #expect(rows.count == 1 + 4)
        // 6 s, 10 %: applied 11, 12, 13 → throughput mean 12/12 = 1.
        #expect(rows[1].hasPrefix("workload.crossShardFraction=10%,6,1,"))
        #expect(rows[1].hasSuffix(",3"))
    }

    @Test("the parameters that differ between sweep points come first; the scenario's description is shown")
    func parameters() throws {
        let report = RunReport(input: try ReportInput(paths: [ReportFixtures.sweep()]))
        #expect(report.parameters.differing.map(\.path) == ["beacon.slotDuration", "workload.crossShardFraction"])
        #expect(report.parameters.differing[0].values == ["6s", "6s", "12s", "12s"])
        #expect(report.description == "a test grid")
        #expect(report.input.factors.map(\.unit) == ["s", "%"])
    }

    @Test("a long legend wraps into rows inside the chart instead of overlapping")
    func longLegend() {
        let names = (0..<9).map { "a rather long series name number \($0) with detail" }
        let chart = LineChart(
            title: String(repeating: "A very long title ", count: 8), x: ChartAxis("x", unit: "s"),
            y: ChartAxis("y", unit: "gas"),
            series: names.map { ChartSeries(name: $0, points: [(0, 1), (1, 2)]) })
        let svg = chart.svg
        let boxes = Self.numbers(of: "data-box", in: svg).map { Box(x: $0[0], y: $0[1], width: $0[2], height: $0[3]) }
        #expect(boxes.count == 9)
        #expect(Set(boxes.map(\.y)).count > 1)
        for (i, a) in boxes.enumerated() {
            #expect(a.x + a.width <= chart.width)
            for b in boxes[(i + 1)...] { #expect(!a.overlaps(b)) }
        }
        // The title is shortened to fit, with an ellipsis.
        #expect(svg.contains("…</text>"))
    }
}
