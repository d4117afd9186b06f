/// Why a sweep could not be started, submitted or inspected; each case names the file or program at fault.
package enum SweepError: Error, Equatable, CustomStringConvertible {
    /// A file of the sweep folder exists but cannot be read as expected.
    case unreadable(String, String)
    /// A file of the sweep folder cannot be written.
    case unwritable(String, String)
    /// The folder is not a sweep folder (no `sweep.json`).
    case notASweep(String)
    /// Run folders hold runs of another version of the scenario.
    case staleRuns(folder: String, folders: [String])
    /// A scheduler program is not installed or not on `PATH`.
    case missingProgram(String)
    /// A scheduler program ran and failed.
    case schedulerFailed(command: String, status: Int32, output: String)
    /// Jobs of an earlier submission are still queued or running.
    case stillQueued(folder: String, jobIDs: [String])

    package var description: String {
        switch self {
        case .unreadable(let path, let expected):
            return "\(path): cannot read it: \(expected)"
        case .unwritable(let path, let reason):
            return "\(path): cannot write it: \(reason)"
        case .notASweep(let path):
            return "\(path): not a sweep folder (expected \(SweepRecord.fileName), which `shardsim sweep` writes)"
        case .staleRuns(let folder, let folders):
            let shown = folders.prefix(5).joined(separator: ", ") + (folders.count > 5 ? ", …" : "")
            return "\(folder): \(folders.count) run folder(s) hold runs of another version of the scenario "
                + "(\(shown)); they are not counted as finished. Run the sweep again with --restart to delete and "
                + "rerun them, or give another --out"
        case .missingProgram(let name):
            return "\(name) is not on PATH: run this on a Slurm login node (or install slurm-client)"
        case .schedulerFailed(let command, let status, let output):
            let said = output.trimmingCharacters(in: .whitespacesAndNewlines)
            return "`\(command)` failed (exit \(status))" + (said.isEmpty ? "" : ": \(said)")
        case .stillQueued(let folder, let jobIDs):
            return
                "\(folder): Slurm job(s) \(jobIDs.joined(separator: ", ")) of this sweep are still queued or running; "
                + "wait for them (`shardsim sweep --status \(folder)`) or cancel them (scancel) first"
        }
    }
}
