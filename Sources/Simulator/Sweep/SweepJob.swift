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
                jobs.append(SweepJob(
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

    /// `points.csv`: one line per job, with the command that runs it alone.
    package static func index(_ jobs: [SweepJob], scenarioPath: String, folder: String) -> String {
        var text = "job,point,seed,label,folder,command\n"
        for job in jobs {
            let command = "shardsim run \(scenarioPath) --point \(job.point) --seed \(job.seed) --out \(folder)/\(job.folderName)"
            text += "\(job.job),\(job.point),\(job.seed),\(csvField(job.label)),\(csvField(job.folderName)),\(csvField(command))\n"
        }
        return text
    }

    private static func csvField(_ text: String) -> String {
        text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// Whether the run folder at `url` holds a finished run (`run.json` with status `finished`).
    package static func isFinished(_ url: URL) -> Bool {
        guard let data = try? Data(contentsOf: url.appendingPathComponent("run.json")),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return false }
        return json["status"] as? String == "finished"
    }
}
