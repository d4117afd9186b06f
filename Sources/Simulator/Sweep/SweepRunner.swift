import Dispatch
import Foundation
import Synchronization

/// Runs the jobs of a sweep as child processes of the `shardsim` executable, `parallel` at a time.
///
/// Each job is a ``ChildRun``: a fresh run of its point and seed, or the resume of its folder when an interrupted
/// run left a checkpoint; its standard output and error go to `logs/<folder>.log`. Jobs whose folder already holds
/// a finished run are skipped, so running the sweep again resumes it. After ``SweepInterruption/request()`` no job
/// starts and running children are stopped at a checkpoint; the runner returns once every child has exited, so
/// none outlives the sweep.
package struct SweepRunner: Sendable {
    /// What happened to one job.
    package enum Outcome: Sendable, Equatable {
        case skipped
        case finished
        /// Stopped at a checkpoint (or not started) because the sweep was interrupted.
        case interrupted
        case failed(status: Int32)
    }

    /// The status `shardsim run` exits with when SIGINT stopped it (128 + SIGINT).
    package static let interruptedStatus: Int32 = 130

    package let executable: URL
    package let scenarioPath: String
    package let folder: URL
    package let parallel: Int
    /// Worker threads each child uses for its shards.
    package let threadsPerRun: Int
    package let interruption: SweepInterruption

    package init(
        executable: URL, scenarioPath: String, folder: URL, parallel: Int, threadsPerRun: Int,
        interruption: SweepInterruption = SweepInterruption()
    ) {
        self.executable = executable
        self.scenarioPath = scenarioPath
        self.folder = folder
        self.parallel = max(1, parallel)
        self.threadsPerRun = max(1, threadsPerRun)
        self.interruption = interruption
    }

    /// Writes `points.csv`, then runs every unfinished job; `report` is called (serially) as each job ends.
    package func run(_ jobs: [SweepJob], report: @escaping @Sendable (SweepJob, Outcome) -> Void) throws -> [Outcome] {
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("logs"), withIntermediateDirectories: true)
        try SweepJob.index(jobs, scenarioPath: scenarioPath, folder: folder.path)
            .write(to: folder.appendingPathComponent("points.csv"), atomically: true, encoding: .utf8)
        // The next job to start and every job's outcome, shared by the workers; reports are made under the lock
        // so they come one at a time.
        let progress = Mutex(SweepProgress(outcomes: Array(repeating: nil, count: jobs.count)))
        DispatchQueue.concurrentPerform(iterations: min(parallel, max(1, jobs.count))) { _ in
            while true {
                let index = progress.withLock { progress in
                    defer { progress.next += 1 }
                    return progress.next
                }
                guard index < jobs.count else { return }
                let outcome = runOne(jobs[index])
                progress.withLock { progress in
                    progress.outcomes[index] = outcome
                    report(jobs[index], outcome)
                }
            }
        }
        return progress.withLock { $0.outcomes.map { $0 ?? .failed(status: -1) } }
    }

    private func runOne(_ job: SweepJob) -> Outcome {
        let runFolder = folder.appendingPathComponent(job.folderName)
        if SweepJob.isFinished(runFolder) { return .skipped }
        if interruption.isRequested { return .interrupted }
        let child = ChildRun.next(for: job, scenarioPath: scenarioPath, sweepFolder: folder, threads: threadsPerRun)
        let process = Process()
        process.executableURL = executable
        process.arguments = child.arguments
        let log = folder.appendingPathComponent("logs/\(job.folderName).log")
        // A log that cannot be created makes the handle below fail, which reports the job as failed.
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        guard let handle = try? FileHandle(forWritingTo: log) else { return .failed(status: -1) }
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return .failed(status: -1) }
        waitForExit(process)
        if process.terminationStatus == 0 { return .finished }
        if process.terminationStatus == Self.interruptedStatus || interruption.isRequested { return .interrupted }
        // An interrupted resume leaves a half-written folder; a fresh attempt with the same arguments is the fix.
        return .failed(status: process.terminationStatus)
    }

    /// Waits for `process`; once the sweep is interrupted, sends it SIGINT every second until it exits (a child
    /// still starting up may not be listening yet, and a run only stops at the end of a slot).
    private func waitForExit(_ process: Process) {
        var lastSignal: Date?
        while process.isRunning {
            if interruption.isRequested, lastSignal.map({ Date().timeIntervalSince($0) >= 1 }) ?? true {
                kill(process.processIdentifier, SIGINT)
                lastSignal = Date()
            }
            usleep(20_000)
        }
        process.waitUntilExit()
    }
}

/// Where a local sweep is: the next job to start, and the outcome of each job that ended.
private struct SweepProgress: Sendable {
    var next = 0
    var outcomes: [SweepRunner.Outcome?]
}
