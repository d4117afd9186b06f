import Foundation

/// One `shardsim run` that a sweep starts for one of its jobs: a fresh run of a point and seed, or the resume of
/// the job's folder from its checkpoint.
///
/// The local runner and the Slurm job script both take their argument lists from here, so the flags of `shardsim
/// run` are spelled in one place.
package struct ChildRun: Sendable, Equatable {
    /// How the run starts.
    package enum Start: Sendable, Equatable {
        /// `run SCENARIO --point P --seed S --out FOLDER`.
        case fresh(scenarioPath: String, point: Int, seed: UInt64)
        /// `run --resume FOLDER`: the scenario and seed come from the folder.
        case resume
    }

    /// The state database holding a run's checkpoints.
    package static let checkpointFile = "state.sqlite"
    /// Files whose presence means a run was started in a folder: `run --resume` continues it (from its last
    /// checkpoint, or from genesis when it had none), where a fresh run would refuse the folder.
    package static let startedRunFiles = ["run.json", checkpointFile]

    package let start: Start
    /// The run folder.
    package let folder: String
    /// Worker threads for the run's shards (never changes its results).
    package let threads: Int

    package init(start: Start, folder: String, threads: Int) {
        self.start = start
        self.folder = folder
        self.threads = max(1, threads)
    }

    /// The fresh run of `job` of a sweep whose scenario is `scenarioPath` and whose folder is `sweepFolder`.
    package static func fresh(_ job: SweepJob, scenarioPath: String, sweepFolder: URL, threads: Int) -> ChildRun {
        ChildRun(
            start: .fresh(scenarioPath: scenarioPath, point: job.point, seed: job.seed),
            folder: sweepFolder.appendingPathComponent(job.folderName).path, threads: threads)
    }

    /// The resume of `job`'s run folder inside `sweepFolder`.
    package static func resume(_ job: SweepJob, sweepFolder: URL, threads: Int) -> ChildRun {
        ChildRun(start: .resume, folder: sweepFolder.appendingPathComponent(job.folderName).path, threads: threads)
    }

    /// The run that continues `job`: a resume when a run was started in its folder, else a fresh run.
    package static func next(
        for job: SweepJob, scenarioPath: String, sweepFolder: URL, threads: Int
    ) -> ChildRun {
        let folder = sweepFolder.appendingPathComponent(job.folderName)
        let started = startedRunFiles.contains {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
        }
        return started
            ? resume(job, sweepFolder: sweepFolder, threads: threads)
            : fresh(job, scenarioPath: scenarioPath, sweepFolder: sweepFolder, threads: threads)
    }

    /// The arguments that follow the `shardsim` executable.
    package var arguments: [String] {
        switch start {
        case .fresh(let scenarioPath, let point, let seed):
            return [
                "run", scenarioPath, "--point", "\(point)", "--seed", "\(seed)", "--out", folder,
                "--threads", "\(threads)",
            ]
        case .resume:
            return ["run", "--resume", folder, "--threads", "\(threads)"]
        }
    }
}
