import Foundation

/// What a later command needs from a run folder's `run.json`: its status, seed, and the options it ran with.
///
/// Read leniently (only these fields), so a `run.json` written by an earlier version of the tool still resumes.
package struct RunFolderManifest: Sendable, Equatable {
    /// `running`, `stopped`, `failed` or `finished`.
    package var status: String
    package var seed: UInt64
    /// The worker threads the run used.
    package var threads: Int?
    /// Slots between checkpoints (`--checkpoint-every`); absent in folders written before it was recorded.
    package var checkpointEvery: UInt64?
    /// The error that ended a `failed` run.
    package var error: String?

    /// The manifest in `folder`, or `nil` when there is no readable `run.json`.
    package init?(folder: URL) {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("run.json")),
            let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let status = json["status"] as? String, let seed = (json["seed"] as? NSNumber)?.uint64Value
        else { return nil }
        self.status = status
        self.seed = seed
        threads = (json["threads"] as? NSNumber)?.intValue
        checkpointEvery = (json["checkpointEvery"] as? NSNumber)?.uint64Value
        error = json["error"] as? String
    }

    /// Whether the run ended with every slot written.
    package var isFinished: Bool { status == RunStatus.finished.rawValue }
}

/// The `status` of `run.json`.
package enum RunStatus: String, Sendable {
    /// Slots are being simulated (or the process was killed: nothing else can be written then).
    case running
    /// Stopped by Ctrl-C after a slot; `shardsim run --resume` continues it when it has a checkpoint.
    case stopped
    /// Ended by an error, recorded in `error`.
    case failed
    /// Every slot ran and the summary is written.
    case finished
}
