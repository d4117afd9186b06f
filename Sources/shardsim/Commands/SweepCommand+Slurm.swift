import ArgumentParser
import Foundation
import Scenarios
import Simulator

/// `--scheduler slurm`, `--status` and `--resubmit-failed`: the sweep as a Slurm job array.
extension SweepCommand {
    /// Writes the job script, submits it with `sbatch --array` and records the array's job id in `sweep.json`.
    func submitToSlurm(_ plan: SweepPlan, folder: URL, name: String) throws {
        let options = SlurmOptions(
            partition: partition, timeLimit: time, cpusPerTask: cpusPerTask ?? 1, simultaneousTasks: jobs)
        let jobName =
            "shardsim-"
            + String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) ? $0 : "_" })
        let script = SlurmJobScript(
            executable: Self.executable.path, plan: plan, folder: folder, options: options, jobName: jobName)
        let scriptURL = folder.appendingPathComponent(SlurmJobScript.fileName)
        let unfinished = plan.jobs.filter { !SweepJob.isFinished(folder.appendingPathComponent($0.folderName)) }
        if dryRun {
            print(script.text, terminator: "")
            Terminal.error(
                "dry run: would write \(scriptURL.path) and run `sbatch --parsable "
                    + "--array=\(SlurmArraySpec.text(unfinished.map(\.job), limit: jobs)) \(scriptURL.path)`; "
                    + "nothing written or submitted")
            return
        }
        let lock = try lockSweepFolder(folder)
        defer { lock.release() }
        var record = try prepareFolder(folder, plan: plan)
        try SweepJob.index(plan.jobs, scenarioPath: plan.scenarioPath, folder: folder.path)
            .write(to: folder.appendingPathComponent("points.csv"), atomically: true, encoding: .utf8)
        try script.text.write(to: scriptURL, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scriptURL.path)
        record.slurmScript = SlurmJobScript.fileName
        try reportingSweepErrors { () throws(SweepError) in try record.write(folder: folder) }
        guard !unfinished.isEmpty else {
            print("sweep: \(folder.path): every job already finished; nothing submitted")
            return
        }
        let tasks = unfinished.map(\.job)
        let jobID = try reportingSweepErrors { () throws(SweepError) in
            try SlurmQueue().submit(script: scriptURL, tasks: tasks, limit: jobs)
        }
        try recordSubmission(jobID: jobID, tasks: tasks, in: &record, folder: folder)
        print(
            "submitted Slurm job array \(jobID): \(tasks.count) task(s) of \(plan.jobs.count) job(s), script \(scriptURL.path)"
        )
        print("status: shardsim sweep --status \(folder.path)")
    }

    /// Resubmits, with the folder's job script, the jobs whose status is failed.
    func resubmitFailedJobs(of folder: URL) throws {
        let lock = try lockSweepFolder(folder)
        defer { lock.release() }
        guard var record = try reportingSweepErrors({ () throws(SweepError) in try SweepRecord.read(folder: folder) })
        else {
            Terminal.error("error: " + SweepError.notASweep(folder.path).description)
            throw ExitCode(2)
        }
        guard let scriptName = record.slurmScript else {
            Terminal.error(
                "error: \(folder.path): this sweep has no Slurm job script; submit it with --scheduler slurm first")
            throw ExitCode(2)
        }
        // The script runs the scenario file as it is now: it must still be the scenario the folder was made for.
        let current = try loadScenario(record.scenarioPath)
        if SweepPlan.sha256(current.canonicalYAML) != record.scenarioHash {
            Terminal.error(
                "error: \(record.scenarioPath) changed since this sweep was submitted; submit it again with "
                    + "`shardsim sweep \(record.scenarioPath) --scheduler slurm --out \(folder.path)` "
                    + "(add --restart to rerun the finished runs of the old version)")
            throw ExitCode(2)
        }
        let status = try currentStatus(of: folder, record: record, tolerateUnreachableQueue: false)
        let stale = status.entries.filter { $0.state == .stale }
        if !stale.isEmpty {
            Terminal.error(
                "error: " + SweepError.staleRuns(folder: folder.path, folders: stale.map(\.job.folder)).description)
            throw ExitCode(2)
        }
        let tasks = status.entries.filter { $0.state == .failed }.map(\.job.job)
        guard !tasks.isEmpty else {
            print("sweep: \(folder.path): no failed job to resubmit")
            return
        }
        let jobID = try reportingSweepErrors { () throws(SweepError) in
            try SlurmQueue().submit(script: folder.appendingPathComponent(scriptName), tasks: tasks, limit: nil)
        }
        try recordSubmission(jobID: jobID, tasks: tasks, in: &record, folder: folder)
        print(
            "resubmitted \(tasks.count) failed job(s) as Slurm job array \(jobID) (tasks \(SlurmArraySpec.text(tasks)))"
        )
        print("status: shardsim sweep --status \(folder.path)")
    }

    /// Prints one line per job (state, folder, detail) and a count per state.
    func showStatus(of folder: URL) throws {
        guard var record = try reportingSweepErrors({ () throws(SweepError) in try SweepRecord.read(folder: folder) })
        else {
            Terminal.error("error: " + SweepError.notASweep(folder.path).description)
            throw ExitCode(2)
        }
        // Judge the run folders by the scenario file as it is now, so runs of an older version show as stale.
        if let current = try? Scenario.load(contentsOf: URL(fileURLWithPath: record.scenarioPath)),
            SweepPlan.sha256(current.canonicalYAML) != record.scenarioHash
        {
            var seeds: [UInt64] = []
            for job in record.jobs where !seeds.contains(job.seed) { seeds.append(job.seed) }
            record = SweepRecord(
                plan: SweepPlan(scenario: current, scenarioPath: record.scenarioPath, seeds: seeds), previous: record)
            print("\(record.scenarioPath) changed since this sweep was started; its jobs are shown as they are now")
        }
        let status = try currentStatus(of: folder, record: record, tolerateUnreachableQueue: true)
        if let latest = record.slurmSubmissions.last {
            print(
                "Slurm job array(s): \(record.slurmSubmissions.map(\.jobID).joined(separator: ", ")) (latest \(latest.jobID))"
            )
        }
        let width = max(6, status.entries.map(\.job.folder.count).max() ?? 0)
        for entry in status.entries {
            let job = String(entry.job.job).padding(toLength: 5, withPad: " ", startingAt: 0)
            let state = entry.state.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
            let name = entry.job.folder.padding(toLength: width, withPad: " ", startingAt: 0)
            print("\(job)\(state)\(name)  \(entry.detail)".trimmingCharacters(in: .whitespaces))
        }
        let counts = status.counts
        let summary = SweepStatus.State.allCases.map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        print("\(status.entries.count) job(s): \(summary)")
    }

    /// The status of `folder`: the queue asked about every submitted array (a warning, or an error unless
    /// `tolerateUnreachableQueue`, when it cannot be), the local sweep's lock tried.
    private func currentStatus(
        of folder: URL, record: SweepRecord, tolerateUnreachableQueue: Bool
    ) throws -> SweepStatus {
        var states: [String: [Int: SlurmQueue.TaskState]] = [:]
        for jobID in Set(record.slurmSubmissions.map(\.jobID)) {
            do {
                states[jobID] = try SlurmQueue().states(ofArray: jobID)
            } catch {
                guard tolerateUnreachableQueue else {
                    Terminal.error("error: \(error.description)")
                    throw ExitCode(1)
                }
                Terminal.error("warning: \(error.description); states of array \(jobID) come from its run folders only")
            }
        }
        return SweepStatus(
            folder: folder, record: record, slurmStates: states, localSweepRunning: Self.isLocked(folder))
    }

    private func recordSubmission(jobID: String, tasks: [Int], in record: inout SweepRecord, folder: URL) throws {
        record.slurmSubmissions.append(
            .init(jobID: jobID, tasks: tasks, submittedAt: ISO8601DateFormatter().string(from: Date())))
        do {
            try record.write(folder: folder)
        } catch {
            Terminal.error("error: Slurm job array \(jobID) was submitted, but \(error.description)")
            throw ExitCode(1)
        }
    }

    /// Whether another process (a local sweep) holds the folder's lock.
    static func isLocked(_ folder: URL) -> Bool {
        do {
            try FolderLock(folder: folder).release()
            return false
        } catch {
            if case .held = error { return true }
            return false
        }
    }
}

/// The Slurm states of every array a sweep record names.
enum SlurmStates {
    /// Asks the queue about each submitted array; fails when the queue cannot be asked.
    static func query(_ record: SweepRecord) throws(SweepError) -> [String: [Int: SlurmQueue.TaskState]] {
        var states: [String: [Int: SlurmQueue.TaskState]] = [:]
        for jobID in Set(record.slurmSubmissions.map(\.jobID)) {
            states[jobID] = try SlurmQueue().states(ofArray: jobID)
        }
        return states
    }
}
