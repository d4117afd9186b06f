import Crypto
import Foundation
import Scenarios

/// What a sweep is made of: the scenario file, its jobs (point × seed) and, for each job, the fingerprint of the
/// resolved scenario its run folder must hold.
///
/// The fingerprint is the SHA-256 of the `scenario.yaml` that `shardsim run --point P` writes, so a run folder made
/// from an older version of the scenario (another slot count, another sweep value) is recognised as stale instead of
/// being counted as finished.
package struct SweepPlan: Sendable {
    /// The scenario file, as an absolute path (child runs and cluster tasks may start elsewhere).
    package let scenarioPath: String
    /// SHA-256 (hex) of the whole scenario's canonical YAML, sweep included.
    package let scenarioHash: String
    /// Every job, point-major.
    package let jobs: [SweepJob]
    /// SHA-256 (hex) of the `scenario.yaml` each job's run folder holds when it is up to date, by job index.
    package let runScenarioHashes: [String]

    /// The plan of `scenario`, read from `scenarioPath`, with `seeds` replacing the scenario's seeds when given.
    package init(scenario: Scenario, scenarioPath: String, seeds: [UInt64]? = nil) {
        self.scenarioPath = URL(fileURLWithPath: scenarioPath).standardizedFileURL.path
        scenarioHash = Self.sha256(scenario.canonicalYAML)
        var replicated = scenario
        if let seeds { replicated.seeds = seeds }
        jobs = SweepJob.all(of: replicated)
        // A child runs the file's scenario (seeds included) at its point, whatever seeds the sweep was given.
        let pointHashes = scenario.sweepPoints().map { Self.sha256($0.scenario.canonicalYAML) }
        runScenarioHashes = jobs.map { pointHashes[$0.point] }
    }

    /// SHA-256 of `text`'s UTF-8 bytes, as 64 lowercase hex digits.
    package static func sha256(_ text: String) -> String {
        sha256(Data(text.utf8))
    }

    /// SHA-256 of `data`, as 64 lowercase hex digits.
    package static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// The jobs whose run folder inside `folder` holds a run of another scenario than this plan's.
    ///
    /// A folder without `scenario.yaml` (a run killed before writing anything) is not stale: running it again
    /// starts it over.
    package func staleJobs(in folder: URL) -> [SweepJob] {
        jobs.filter { job in
            let file = folder.appendingPathComponent(job.folderName).appendingPathComponent("scenario.yaml")
            guard let data = try? Data(contentsOf: file) else { return false }
            return Self.sha256(data) != runScenarioHashes[job.job]
        }
    }
}
