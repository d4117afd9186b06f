import Foundation

/// The Slurm cluster as seen through its own client tools: `sbatch` submits a job array, `squeue` (and `sacct`,
/// where accounting is on) tell what became of its tasks. Which cluster is the one `SLURM_CONF` or the node's
/// configuration names, as for any Slurm command.
package struct SlurmQueue: Sendable {
    /// What Slurm knows of one array task.
    package struct TaskState: Sendable, Equatable {
        /// Slurm's state name, e.g. `PENDING`, `RUNNING`, `COMPLETED`, `FAILED`, `CANCELLED`, `TIMEOUT`.
        package var name: String

        /// Waiting to start (or to start again).
        package var isQueued: Bool {
            ["PENDING", "CONFIGURING", "REQUEUED", "REQUEUE_FED", "REQUEUE_HOLD", "RESV_DEL_HOLD", "SPECIAL_EXIT"]
                .contains(name)
        }
        /// Started and not yet ended.
        package var isRunning: Bool {
            ["RUNNING", "COMPLETING", "SUSPENDED", "STOPPED", "SIGNALING", "STAGE_OUT", "RESIZING"].contains(name)
        }
    }

    package init() {}

    /// Submits `script` as a job array of `tasks` (`%limit` at most at once) and returns the array's job id.
    package func submit(script: URL, tasks: [Int], limit: Int?) throws(SweepError) -> String {
        let sbatch = ExternalProgram(name: "sbatch")
        let arguments = ["--parsable", "--array=\(SlurmArraySpec.text(tasks, limit: limit))", script.path]
        let result = try sbatch.run(arguments)
        // `--parsable` prints `jobid` or `jobid;cluster`.
        let jobID =
            result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: ";").first.map(String.init) ?? ""
        guard result.status == 0, !jobID.isEmpty, jobID.allSatisfy(\.isNumber) else {
            throw .schedulerFailed(
                command: sbatch.commandLine(arguments), status: result.status,
                output: result.standardError + result.standardOutput)
        }
        return jobID
    }

    /// The state of each task of array `jobID` that Slurm still knows, by task id.
    ///
    /// `squeue` knows a task until the controller forgets it (`MinJobAge` after it ends); `sacct` is asked for the
    /// rest when accounting is on. An array Slurm has forgotten gives an empty answer; a controller that cannot be
    /// reached is an error.
    package func states(ofArray jobID: String) throws(SweepError) -> [Int: TaskState] {
        var states: [Int: TaskState] = [:]
        let squeue = ExternalProgram(name: "squeue")
        let arguments = ["--noheader", "--array", "--states=all", "--jobs=\(jobID)", "--format=%F|%K|%T"]
        let queued = try squeue.run(arguments)
        if queued.status == 0 {
            for (task, state) in Self.parse(queued.standardOutput, jobID: jobID) { states[task] = state }
        } else if !queued.standardError.contains("Invalid job id") {
            throw .schedulerFailed(
                command: squeue.commandLine(arguments), status: queued.status, output: queued.standardError)
        }
        // Accounting is optional (and off on small clusters): without it sacct fails, and squeue's answer stands.
        if let accounted = try? ExternalProgram(name: "sacct").run(
            ["--noheader", "--parsable2", "--allocations", "--jobs=\(jobID)", "--format=JobID,State"]),
            accounted.status == 0
        {
            for line in accounted.standardOutput.split(separator: "\n") {
                let fields = line.split(separator: "|").map(String.init)
                guard fields.count == 2, let underscore = fields[0].firstIndex(of: "_"),
                    fields[0][..<underscore] == jobID, let task = Int(fields[0][fields[0].index(after: underscore)...])
                else { continue }
                // `CANCELLED by 0` → `CANCELLED`.
                let name = fields[1].split(separator: " ").first.map(String.init) ?? fields[1]
                if states[task] == nil { states[task] = TaskState(name: name) }
            }
        }
        return states
    }

    /// Lines `arrayJobID|taskID|STATE` of `squeue --array`, for array `jobID`.
    static func parse(_ text: String, jobID: String) -> [(Int, TaskState)] {
        text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 3, fields[0] == jobID, let task = Int(fields[1]) else { return nil }
            return (task, TaskState(name: fields[2]))
        }
    }
}
