import Foundation

/// The batch script of a sweep's Slurm job array: task `I` runs job `I` of the sweep (point × seed) into its run
/// folder, or resumes that folder from its checkpoint when an earlier attempt was cut short.
///
/// Every task `exec`s `shardsim run`, so the signal Slurm sends before the time limit (`--signal=B:INT@…`) reaches
/// the run itself, which stops at the end of its slot and writes a checkpoint; `--resubmit-failed` then resumes it.
package struct SlurmJobScript: Sendable {
    /// The script's name inside the sweep folder.
    package static let fileName = "slurm-job.sh"
    /// Seconds before the time limit at which Slurm asks a run to stop at a checkpoint.
    package static let stopWarningSeconds = 120

    /// The `shardsim` executable the tasks run (on a cluster, a path every node sees).
    package let executable: String
    package let plan: SweepPlan
    /// The sweep folder (absolute).
    package let folder: URL
    package let options: SlurmOptions
    /// The array's name in the queue.
    package let jobName: String

    package init(executable: String, plan: SweepPlan, folder: URL, options: SlurmOptions, jobName: String) {
        self.executable = executable
        self.plan = plan
        self.folder = folder
        self.options = options
        self.jobName = jobName
    }

    /// Where each task's standard output and error go (`%A` array job id, `%a` task id).
    package var logPattern: String { folder.appendingPathComponent("logs/slurm-%A_%a.log").path }

    /// The script's text.
    package var text: String {
        let lastTask = max(0, plan.jobs.count - 1)
        var lines = [
            "#!/bin/bash",
            "# The shardsim sweep in \(folder.path): array task I runs job I of points.csv (point × seed).",
            "# Written by `shardsim sweep --scheduler slurm`; submitted with sbatch --array (see sweep.json).",
            "#SBATCH --job-name=\(jobName)",
            "#SBATCH --array=\(SlurmArraySpec.text(plan.jobs.map(\.job), limit: options.simultaneousTasks))",
            "#SBATCH --output=\(logPattern)",
            "#SBATCH --cpus-per-task=\(options.cpusPerTask)",
            "#SBATCH --signal=B:INT@\(Self.stopWarningSeconds)",
        ]
        if let partition = options.partition { lines.append("#SBATCH --partition=\(partition)") }
        if let time = options.timeLimit { lines.append("#SBATCH --time=\(time)") }
        lines += [
            "set -eu",
            "case \"${SLURM_ARRAY_TASK_ID:?submit this script as a job array: sbatch --array=0-\(lastTask)}\" in",
        ]
        for job in plan.jobs {
            let fresh = ChildRun.fresh(
                job, scenarioPath: plan.scenarioPath, sweepFolder: folder, threads: options.cpusPerTask)
            let resume = ChildRun.resume(job, sweepFolder: folder, threads: options.cpusPerTask)
            lines += [
                "\(job.job))",
                "    folder=\(Self.quoted(fresh.folder))",
                "    fresh=(\(([executable] + fresh.arguments).map(Self.quoted).joined(separator: " ")))",
                "    resume=(\(([executable] + resume.arguments).map(Self.quoted).joined(separator: " ")))",
                "    ;;",
            ]
        }
        lines += [
            "*)",
            "    echo \"array task $SLURM_ARRAY_TASK_ID: this sweep has jobs 0 to \(lastTask)\" >&2",
            "    exit 2",
            "    ;;",
            "esac",
            "# A run started in this folder was cut short (time limit, preemption, node failure): continue it.",
            "for started in \(ChildRun.startedRunFiles.joined(separator: " ")); do",
            "    if [ -e \"$folder/$started\" ]; then exec \"${resume[@]}\"; fi",
            "done",
            "exec \"${fresh[@]}\"",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` as one shell word: single-quoted, with each `'` written `'\''`.
    package static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
