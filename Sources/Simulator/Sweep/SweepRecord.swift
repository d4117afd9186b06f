import Foundation

/// `sweep.json`: what a sweep folder remembers of the sweep that writes it — the scenario and its hash, every job
/// with the fingerprint of its resolved scenario, and the Slurm job arrays submitted for it.
///
/// `shardsim sweep --status DIR` and `--resubmit-failed` read it, so they need neither the scenario file nor the
/// options the sweep was started with.
package struct SweepRecord: Codable, Sendable, Equatable {
    /// One job of the sweep.
    package struct Job: Codable, Sendable, Equatable {
        package var job: Int
        package var point: Int
        package var seed: UInt64
        package var label: String
        /// The run folder's name inside the sweep folder.
        package var folder: String
        /// SHA-256 of the `scenario.yaml` an up-to-date run folder of this job holds.
        package var scenarioHash: String

        /// The job as a ``SweepJob``.
        package var sweepJob: SweepJob {
            SweepJob(job: job, point: point, seed: seed, label: label, folderName: folder)
        }
    }

    /// One `sbatch --array` submission.
    package struct SlurmSubmission: Codable, Sendable, Equatable {
        /// The array's job id, as `sbatch --parsable` printed it (without a cluster name).
        package var jobID: String
        /// The array task ids submitted, which are job indices.
        package var tasks: [Int]
        /// When it was submitted (ISO 8601).
        package var submittedAt: String

        package init(jobID: String, tasks: [Int], submittedAt: String) {
            self.jobID = jobID
            self.tasks = tasks
            self.submittedAt = submittedAt
        }
    }

    /// The name of the file inside the sweep folder.
    package static let fileName = "sweep.json"

    /// The scenario file (absolute path).
    package var scenarioPath: String
    /// SHA-256 of the scenario's canonical YAML when the sweep was last started.
    package var scenarioHash: String
    package var jobs: [Job]
    /// The Slurm job script's name inside the sweep folder, once one was written.
    package var slurmScript: String?
    /// Every Slurm submission, oldest first; a later one supersedes an earlier one for the tasks they share.
    package var slurmSubmissions: [SlurmSubmission]

    /// The record of `plan`, keeping the Slurm submissions of `previous` (the same folder's earlier record).
    package init(plan: SweepPlan, previous: SweepRecord?) {
        scenarioPath = plan.scenarioPath
        scenarioHash = plan.scenarioHash
        jobs = plan.jobs.map {
            Job(
                job: $0.job, point: $0.point, seed: $0.seed, label: $0.label, folder: $0.folderName,
                scenarioHash: plan.runScenarioHashes[$0.job])
        }
        slurmScript = previous?.slurmScript
        slurmSubmissions = previous?.slurmSubmissions ?? []
    }

    /// The latest submission that ran job `index`, if any.
    package func latestSubmission(of index: Int) -> SlurmSubmission? {
        slurmSubmissions.last { $0.tasks.contains(index) }
    }

    /// Reads `folder/sweep.json`; `nil` when the folder has none.
    package static func read(folder: URL) throws(SweepError) -> SweepRecord? {
        let url = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            return try JSONDecoder().decode(SweepRecord.self, from: Data(contentsOf: url))
        } catch {
            throw .unreadable(url.path, "expected the sweep record shardsim writes: \(error)")
        }
    }

    /// Writes `folder/sweep.json` (atomically, so a reader never sees half of it).
    package func write(folder: URL) throws(SweepError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let url = folder.appendingPathComponent(Self.fileName)
        do {
            try encoder.encode(self).write(to: url, options: .atomic)
        } catch {
            throw .unwritable(url.path, error.localizedDescription)
        }
    }
}
