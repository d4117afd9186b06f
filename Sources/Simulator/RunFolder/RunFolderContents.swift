import Foundation

/// The files a run writes into its folder, and what a folder holds: nothing of a run, or a run in some state.
///
/// `run --force` removes exactly these files (and the report `shardsim report` writes beside them), so a folder that
/// also holds a user's own files keeps them, and nothing of an earlier run (a `fees.csv` of another scenario, an old
/// report) is left to be mistaken for part of the new one.
package enum RunFolderContents {
    /// Every file a run writes, in the order `run --help` lists them.
    package static let runFiles: [String] =
        ["scenario.yaml", "run.json", "README.md"] + OutputSchemas.all.map(\.file)
        + ["state.sqlite", "state.sqlite-journal", "state.sqlite-wal", "state.sqlite-shm"]

    /// What `shardsim report RUN_DIR` writes into a run folder.
    package static let reportFiles = ["report.md", "report.html", "charts"]

    /// What a folder holds.
    package enum State: Equatable, Sendable {
        /// No file of a run (the folder may not exist, or hold unrelated files).
        case empty
        /// A run whose `run.json` has this status (`finished`, `running`, `stopped`, `failed`).
        case run(status: String)
        /// Files of a run without a readable `run.json` (killed before it was written, or damaged).
        case partialRun
    }

    /// What `folder` holds.
    package static func state(of folder: URL) -> State {
        if let manifest = RunFolderManifest(folder: folder) { return .run(status: manifest.status) }
        let present = runFiles.contains {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
        }
        return present ? .partialRun : .empty
    }

    /// Removes every file of a run, and its report, from `folder`; other files stay.
    ///
    /// - Throws: ``SimulationError`` naming the file that could not be removed.
    package static func removeRun(from folder: URL) throws(SimulationError) {
        for name in runFiles + reportFiles {
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            do { try FileManager.default.removeItem(at: url) } catch {
                throw SimulationError(description: "cannot remove '\(url.path)': \(error.localizedDescription)")
            }
        }
    }
}
