import Foundation
import Shard

/// A Scout report as the terminal shows it: a table of blocks and a verdict.
package struct ScoutReportText {
    /// The rendered text, without a trailing newline.
    package let rendered: String

    /// Renders `report` for the file named `file`; with `verbose`, each block's EE log follows its line.
    package init(file: String, report: ScoutReport, verbose: Bool) {
        var lines = [file]
        let nameWidth = max(2, report.blocks.map { "\($0.ee) \($0.eeName)".count }.max() ?? 0)
        lines.append(
            "  " + Self.row("block", "EE".padding(nameWidth), "gas".leftPadding(10), "time".leftPadding(10), "result"))
        for block in report.blocks {
            let outcome = block.result.failure.map { "failed: \($0)" } ?? "ok"
            let time = String(format: "%.3f ms", block.wallSeconds * 1000)
            lines.append(
                "  "
                    + Self.row(
                        "\(block.index)", "\(block.ee) \(block.eeName)".padding(nameWidth),
                        "\(block.result.gasUsed)".leftPadding(10), time.leftPadding(10), outcome))
            if verbose {
                lines += block.result.log.map { "        \($0)" }
            }
        }
        let eeCount = report.postStateRoots.count
        if report.passed {
            lines.append("  PASS: post state matches (\(report.blocks.count) blocks, \(eeCount) EEs)")
        } else {
            lines.append("  FAIL:")
            lines += report.mismatches.map { "    " + $0.description.replacingOccurrences(of: "\n", with: "\n    ") }
        }
        rendered = lines.joined(separator: "\n")
    }

    private static func row(_ block: String, _ ee: String, _ gas: String, _ time: String, _ result: String) -> String {
        [block.padding(5), ee, gas, time, result].joined(separator: "  ")
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    fileprivate func leftPadding(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
