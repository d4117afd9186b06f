import Foundation
import Scenarios

/// The `Simulator` library's entry point: one scenario file, one seed, one run folder — what `shardsim run` does,
/// for a program that links the library instead of calling the tool.
///
/// The run writes the same folder the tool writes (the folder is locked while it runs and a folder that already
/// holds a run is refused), and returns the figures the tool prints at the end.
public struct ScenarioRun: Sendable {
    /// The scenario file (YAML).
    public var scenarioFile: URL
    /// The run's seed.
    public var seed: UInt64
    /// The run folder to create.
    public var folder: URL
    /// Worker threads for the shards (`nil`: the scenario's `execution.threads`, or every core).
    public var threads: Int?

    /// A run of `scenarioFile` with `seed` into `folder`.
    public init(scenarioFile: URL, seed: UInt64 = 1, folder: URL, threads: Int? = nil) {
        self.scenarioFile = scenarioFile
        self.seed = seed
        self.folder = folder
        self.threads = threads
    }

    /// Loads the scenario, simulates it to the end and returns the run's figures.
    ///
    /// - Throws: ``ScenarioRunError``: the scenario is invalid (naming file, line and field), the folder is locked or
    ///   holds a run, or the run failed (its `run.json` then says `failed`, with the error).
    public func run() throws(ScenarioRunError) -> RunEndSummary {
        let scenario: Scenario
        do { scenario = try Scenario.load(contentsOf: scenarioFile) } catch {
            throw ScenarioRunError(description: error.description, isInput: true)
        }
        let session: RunSession
        do {
            session = try RunSession.start(
                scenario: scenario, seed: seed, folder: folder, threads: threads,
                checkpointEvery: RunSession.defaultCheckpointInterval, replacing: false)
        } catch {
            throw ScenarioRunError(description: error.description, isInput: error.isInput)
        }
        do { _ = try session.run() } catch {
            throw ScenarioRunError(description: error.description, isInput: false)
        }
        guard let summary = session.summary else {
            throw ScenarioRunError(description: "\(folder.path): the run ended without a summary", isInput: false)
        }
        return summary
    }
}

/// Why a ``ScenarioRun`` did not finish: the sentence a user reads, and whether their input is at fault.
public struct ScenarioRunError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, naming the file, field or folder.
    public let description: String
    /// Whether the scenario file or the folder is at fault (rather than the run).
    public let isInput: Bool
}
