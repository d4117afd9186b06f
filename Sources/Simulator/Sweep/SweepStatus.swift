import Foundation

/// Where each job of a sweep stands, from its run folder and, for jobs submitted to Slurm, from the queue.
package struct SweepStatus: Sendable {
    /// The state of one job.
    package enum State: String, Sendable, Equatable, CaseIterable {
        /// Not started yet: waiting in the Slurm queue, or for a local sweep to reach it.
        case pending
        /// Started and not ended.
        case running
        /// Its run folder holds a finished run of the current scenario.
        case finished
        /// Ended without a finished run (a failure, a cancellation, a time limit, an interruption).
        case failed
        /// Its run folder holds a run of another version of the scenario.
        case stale
    }

    /// One job's state, with what it was read from.
    package struct Entry: Sendable, Equatable {
        package var job: SweepRecord.Job
        package var state: State
        /// A short reason, e.g. `Slurm 123_4 RUNNING` or `checkpoint in state.sqlite; resumed by the next run`.
        package var detail: String
    }

    package let folder: URL
    package let entries: [Entry]

    /// The status of the sweep recorded in `folder`.
    ///
    /// - Parameters:
    ///   - slurmStates: for each submitted array's job id, what ``SlurmQueue/states(ofArray:)`` answered; an id
    ///     missing from it could not be asked.
    ///   - localSweepRunning: whether a local `shardsim sweep` holds the folder's lock.
    package init(
        folder: URL, record: SweepRecord, slurmStates: [String: [Int: SlurmQueue.TaskState]], localSweepRunning: Bool
    ) {
        self.folder = folder
        entries = record.jobs.map { job in
            Self.entry(
                job, folder: folder.appendingPathComponent(job.folder),
                submission: record.latestSubmission(of: job.job),
                slurmStates: slurmStates, localSweepRunning: localSweepRunning)
        }
    }

    /// How many jobs are in each state.
    package var counts: [State: Int] {
        Dictionary(grouping: entries, by: \.state).mapValues(\.count)
    }

    private static func entry(
        _ job: SweepRecord.Job, folder: URL, submission: SweepRecord.SlurmSubmission?,
        slurmStates: [String: [Int: SlurmQueue.TaskState]], localSweepRunning: Bool
    ) -> Entry {
        let scenarioFile = folder.appendingPathComponent("scenario.yaml")
        if let data = try? Data(contentsOf: scenarioFile), SweepPlan.sha256(data) != job.scenarioHash {
            return Entry(job: job, state: .stale, detail: "its scenario.yaml is not the sweep's scenario at this point")
        }
        if SweepJob.isFinished(folder) {
            // Name the Slurm task that wrote it, when there is one, so the status shows every task's end.
            let task = submission.map { submission in
                let state = slurmStates[submission.jobID]?[job.job].map { " \($0.name)" } ?? ""
                return "Slurm \(submission.jobID)_\(job.job)\(state)"
            }
            return Entry(job: job, state: .finished, detail: task ?? "")
        }
        let started = FileManager.default.fileExists(atPath: folder.appendingPathComponent("run.json").path)
        let resumable = FileManager.default.fileExists(
            atPath: folder.appendingPathComponent(ChildRun.checkpointFile).path)
        let leftover = resumable ? "checkpoint kept; the next attempt resumes it" : "the next attempt starts it over"
        if let submission {
            let task = "Slurm \(submission.jobID)_\(job.job)"
            guard let states = slurmStates[submission.jobID] else {
                return Entry(job: job, state: started ? .running : .pending, detail: "\(task): queue not reachable")
            }
            guard let state = states[job.job] else {
                return Entry(job: job, state: .failed, detail: "\(task) is no longer queued and left no finished run")
            }
            if state.isQueued { return Entry(job: job, state: .pending, detail: "\(task) \(state.name)") }
            if state.isRunning { return Entry(job: job, state: .running, detail: "\(task) \(state.name)") }
            return Entry(job: job, state: .failed, detail: "\(task) \(state.name); \(leftover)")
        }
        if localSweepRunning {
            return Entry(job: job, state: started ? .running : .pending, detail: "local sweep")
        }
        if started || resumable {
            return Entry(job: job, state: .failed, detail: "stopped before the end; \(leftover)")
        }
        return Entry(job: job, state: .pending, detail: "not started")
    }
}
