import Foundation
import Scenarios

/// One run of a sweep: a point of the scenario's grid with one of its seeds, and the folder it writes.
///
/// Jobs are numbered point-major (`job = point × seeds + seed position`), so a cluster job array of
/// `points × seeds` tasks can run job `$SLURM_ARRAY_TASK_ID` with `shardsim run SCENARIO --point P --seed S`.
package struct SweepJob: Sendable, Equatable {
    /// The job's position in the sweep, from 0.
    package let job: Int
    /// The sweep point (``SweepPoint/index``).
    package let point: Int
    package let seed: UInt64
    /// `path=value,…` of the point; empty without a sweep.
    package let label: String
    /// The run folder's name inside the sweep folder, e.g. `p0001-shards.count=8-seed2`.
    package let folderName: String

    /// Every job of `scenario`: each sweep point once per seed.
    package static func all(of scenario: Scenario) -> [SweepJob] {
        let seeds = scenario.seeds.isEmpty ? [1] : scenario.seeds
        var jobs: [SweepJob] = []
        for point in scenario.sweepPoints() {
            for seed in seeds {
                jobs.append(
                    SweepJob(
                        job: jobs.count, point: point.index, seed: seed, label: point.label,
                        folderName: folderName(point: point.index, label: point.label, seed: seed)))
            }
        }
        return jobs
    }

    /// `p<4-digit index>[-<label>]-seed<N>`, with characters other than letters, digits and `._=%+-` made `_`.
    package static func folderName(point: Int, label: String, seed: UInt64) -> String {
        let safe = String(label.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._=%+-".contains($0)) ? $0 : "_" })
        let index = String(format: "p%04d", point)
        return (safe.isEmpty ? index : "\(index)-\(safe)") + "-seed\(seed)"
    }

    /// The default sweep folder of a scenario: `runs/<name>-sweep`.
    package static func defaultFolder(of scenario: Scenario) -> String { "runs/\(scenario.name)-sweep" }

    /// `points.csv`: one line per job, with the command that runs it alone, then one column per swept field with
    /// the point's value, typed for analysis: a number in one unit per column, named by a suffix (`_pct`, `_s`,
    /// `_gwei`, `_gas`, `_bytes`, `_slots`, `_epochs`; none for counts and plain numbers), or the value as spelled
    /// (model names, shard lists). `workload.crossShardFraction=20%` gives column `workload.crossShardFraction_pct`
    /// with value `20`; `beacon.slotDuration=500ms` gives `beacon.slotDuration_s` with `0.5`.
    package static func index(_ jobs: [SweepJob], scenarioPath: String, folder: String) -> String {
        // The label is `path=value,…` (SweepPoint.label); a piece without `path=` continues a shard list's value,
        // since field paths are identifiers and no sweepable value contains `=`.
        let coordinates = jobs.map { job in
            job.label.split(separator: ",", omittingEmptySubsequences: false).reduce(
                into: [(path: String, text: String)]()
            ) {
                parts, piece in
                if let equals = piece.firstIndex(of: "="), !piece[..<equals].isEmpty,
                    piece[..<equals].allSatisfy({ $0.isLetter || $0.isNumber || "._[]".contains($0) })
                {
                    parts.append((String(piece[..<equals]), String(piece[piece.index(after: equals)...])))
                } else if !parts.isEmpty {
                    parts[parts.count - 1].text += "," + piece
                }
            }
        }
        let paths = coordinates.first?.map(\.path) ?? []
        let columns: [(name: String, values: [String])] = paths.indices.map { axis in
            let texts = coordinates.map { $0.indices.contains(axis) ? $0[axis].text : "" }
            let typed = texts.map(typedValue)
            if let unit = typed.first??.unit, typed.allSatisfy({ $0?.unit == unit }) {
                return (paths[axis] + (unit.isEmpty ? "" : "_\(unit)"), typed.map { $0!.number })
            }
            return (paths[axis], texts)
        }
        var text = OutputSchemas.sweepPoints.header + columns.map { "," + csvField($0.name) }.joined() + "\n"
        for (row, job) in jobs.enumerated() {
            let command =
                "shardsim run \(scenarioPath) --point \(job.point) --seed \(job.seed) --out \(folder)/\(job.folderName)"
            text +=
                "\(job.job),\(job.point),\(job.seed),\(csvField(job.label)),\(csvField(job.folderName)),\(csvField(command))"
            text += columns.map { "," + csvField($0.values[row]) }.joined() + "\n"
        }
        return text
    }

    /// A canonical value (`20%`, `500ms`, `0.5 ETH`, `256 KiB`, `4 slots`, `16`) as a number in its column's unit
    /// (`pct`, `s`, `gwei`, `bytes`, `slots`, or none), exactly (decimal arithmetic); `nil` for names and lists.
    private static func typedValue(_ text: String) -> (number: String, unit: String)? {
        let digits = text.prefix { $0.isNumber || $0 == "." }
        guard !digits.isEmpty, let number = Decimal(string: String(digits), locale: Locale(identifier: "en_US_POSIX"))
        else { return nil }
        let scales: [String: (unit: String, factor: Decimal)] = [
            "": ("", 1), "%": ("pct", 1), "h": ("s", 3600), "m": ("s", 60), "s": ("s", 1),
            "ms": ("s", Decimal(string: "0.001")!),
            "us": ("s", Decimal(string: "0.000001")!), "ETH": ("gwei", 1_000_000_000), "gwei": ("gwei", 1),
            "gas": ("gas", 1), "B": ("bytes", 1), "kB": ("bytes", 1000), "KiB": ("bytes", 1024),
            "MB": ("bytes", 1_000_000),
            "MiB": ("bytes", 1_048_576), "GB": ("bytes", 1_000_000_000), "GiB": ("bytes", 1_073_741_824),
            "slot": ("slots", 1),
            "slots": ("slots", 1), "epoch": ("epochs", 1), "epochs": ("epochs", 1),
        ]
        guard let scale = scales[text.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)] else { return nil }
        return ((number * scale.factor as NSDecimalNumber).stringValue, scale.unit)
    }

    private static func csvField(_ text: String) -> String {
        text.contains(",") || text.contains("\"")
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// Whether the run folder at `url` holds a finished run (`run.json` with status `finished`).
    package static func isFinished(_ url: URL) -> Bool {
        guard let data = try? Data(contentsOf: url.appendingPathComponent("run.json")),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return false }
        return json["status"] as? String == "finished"
    }
}
