import Beacon
import Foundation
import Scenarios

/// A run folder: the resolved scenario, `run.json`, the CSV files and their data dictionary.
///
/// Slot rows are flushed at the end of every slot, so a killed run keeps every finished slot.
package final class RunOutput {
    /// The folder.
    package let folder: URL
    private var slots: CSVFile?
    private var slotsWall: CSVFile?
    private var transfers: CSVFile?
    /// `fees.csv`, only when the fee market is on.
    private var feesFile: CSVFile?
    private var inflight: CSVFile?
    /// `network.csv`, only when the scenario has a network.
    private var networkFile: CSVFile?
    /// `rollbacks.csv`, only under the optimistic model (the only one that rolls back).
    private var rollbacks: CSVFile?
    private var startedAt = Date()
    /// Whether this process wrote `run.json` (and so may record how the run ended in it).
    private(set) var began = false
    /// Slots between checkpoints, recorded in `run.json` so that `--resume` keeps the interval.
    var checkpointEvery: UInt64 = 0
    /// Every EE's name, by EE id: the `ee` column of `slots.csv`.
    private var eeNames: [String] = []
    /// The run's slot clock (transfers' latency in slots since submission).
    private var clock = SlotClock()

    /// A run folder at `folder`, created if needed.
    package init(folder: URL) {
        self.folder = folder
    }

    func begin(settings: SimulationSettings) throws(SimulationError) {
        startedAt = Date()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try settings.scenario.canonicalYAML.write(
                to: folder.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
            try DataDictionary.markdown.write(
                to: folder.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        } catch {
            throw .output(folder.path, error.localizedDescription)
        }
        try openAppendedFiles(settings: settings) { schema throws(SimulationError) in
            try CSVFile(schema, in: self.folder)
        }
        try writeManifest(settings: settings, totals: RunTotals(), status: .running, conservation: nil)
        began = true
    }

    /// Reopens the CSV files of an interrupted run, truncated to the byte `lengths` of its checkpoint.
    func resume(settings: SimulationSettings, lengths: [String: UInt64]) throws(SimulationError) {
        startedAt = Date()
        try openAppendedFiles(settings: settings) { schema throws(SimulationError) in
            guard let length = lengths[schema.file] else {
                throw .output(
                    self.folder.appendingPathComponent(schema.file).path, "the checkpoint has no length for it")
            }
            return try CSVFile(resuming: schema, in: self.folder, length: length)
        }
        try writeManifest(settings: settings, totals: RunTotals(), status: .running, conservation: nil)
        began = true
    }

    /// Records in `run.json` that the run stopped (Ctrl-C) or failed with `error`, so it never stays `running`.
    func record(_ status: RunStatus, error: String? = nil, settings: SimulationSettings, totals: RunTotals) {
        guard began else { return }
        // Best effort: the run has already ended, and the error being reported matters more than this one.
        try? writeManifest(settings: settings, totals: totals, status: status, conservation: nil, error: error)
    }

    /// Opens, with `open`, every file appended slot by slot: new files for a fresh run, files truncated to a
    /// checkpoint for a resumed one. A new output file appended during the run is added here and to
    /// ``appendedFiles``, and checkpoints, flushes and closes follow.
    private func openAppendedFiles(
        settings: SimulationSettings, _ open: (CSVSchema) throws(SimulationError) -> CSVFile
    ) throws(SimulationError) {
        eeNames = settings.ees.map(\.name)
        clock = settings.clock
        slots = try open(OutputSchemas.slots)
        slotsWall = try open(OutputSchemas.slotsWall)
        transfers = try open(OutputSchemas.transfers)
        inflight = try open(OutputSchemas.inflight)
        rollbacks = settings.crossShardModel == .optimistic ? try open(OutputSchemas.rollbacks) : nil
        feesFile = settings.fees == nil ? nil : try open(OutputSchemas.fees)
        networkFile = settings.network == nil ? nil : try open(OutputSchemas.network)
    }

    /// The files appended slot by slot that are open.
    private var appendedFiles: [CSVFile] {
        [slots, slotsWall, transfers, inflight, rollbacks, feesFile, networkFile].compactMap { $0 }
    }

    /// The byte length of every open CSV file after its last flush, by file name (for checkpoints).
    var lengths: [String: UInt64] {
        Dictionary(uniqueKeysWithValues: appendedFiles.map { ($0.schema.file, $0.length) })
    }

    func slot(_ row: SlotRow, wallMicros: UInt64) {
        var row = row
        row.executionWallMicros = wallMicros
        slots?.append(row, SlotRow.fields)
        slotsWall?.append(row, SlotRow.wallFields)
    }

    func transfer(_ record: TransferRecord, model: String) {
        let row = TransferRow(record: record, model: model, eeNames: eeNames, clock: clock)
        transfers?.append(row, TransferRow.fields)
    }

    func fees(_ row: FeeRow) {
        feesFile?.append(row, FeeRow.fields)
    }

    func network(_ row: NetworkRow) {
        networkFile?.append(row, NetworkRow.fields)
    }

    func inflight(_ row: InflightRow) {
        inflight?.append(row, InflightRow.fields)
    }

    func rollback(_ row: RollbackRow) {
        rollbacks?.append(row, RollbackRow.fields)
    }

    func endSlot() throws(SimulationError) {
        for file in appendedFiles { try file.flush() }
    }

    func finish(
        settings: SimulationSettings, totals: RunTotals, openTransfers: [TransferRecord], conservation: Gwei
    ) throws(SimulationError) {
        for record in openTransfers { transfer(record, model: settings.crossShardModel.rawValue) }
        for file in appendedFiles { try file.close() }
        let summary = try CSVFile(OutputSchemas.summary, in: folder)
        for (metric, value) in RunSummary.rows(totals: totals, settings: settings) {
            summary.append([metric.name, value, metric.unit])
        }
        try summary.close()
        try writeManifest(settings: settings, totals: totals, status: .finished, conservation: conservation)
    }

    private func writeManifest(
        settings: SimulationSettings, totals: RunTotals, status: RunStatus, conservation: Gwei?, error: String? = nil
    ) throws(SimulationError) {
        let manifest = RunManifest(
            tool: "shardsim", version: ShardsimVersion.current, commit: ShardsimVersion.commit,
            sourcesModified: ShardsimVersion.sourcesModified, status: status.rawValue,
            scenario: settings.scenario.name, seed: settings.seed, threads: settings.threads,
            checkpointEvery: checkpointEvery, slots: settings.slotCount,
            shards: settings.shardCount, crossShardModel: settings.crossShardModel.rawValue,
            executionEnvironments: settings.ees.map {
                RunManifest.EE(id: $0.id.index, name: $0.name, codeHash: $0.module.codeHash.hex)
            },
            startedAt: ISO8601DateFormatter().string(from: startedAt),
            endedAt: status == .running ? nil : ISO8601DateFormatter().string(from: Date()),
            error: error,
            wallSeconds: Date().timeIntervalSince(startedAt),
            totals: totals,
            conservation: conservation.map {
                RunManifest.Conservation(checkedEverySlot: true, holds: true, totalGwei: $0.value)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try encoder.encode(manifest).write(to: folder.appendingPathComponent("run.json"))
        } catch {
            throw .output(folder.appendingPathComponent("run.json").path, error.localizedDescription)
        }
    }
}

/// The content of `run.json`.
struct RunManifest: Codable {
    struct EE: Codable {
        var id: UInt32
        var name: String
        var codeHash: String
    }

    struct Conservation: Codable {
        var checkedEverySlot: Bool
        var holds: Bool
        var totalGwei: UInt64
    }

    var tool: String
    var version: String
    /// The git commit the binary was built from, or `unknown` (``ShardsimVersion/commit``); absent in folders
    /// written before it was recorded.
    var commit: String?
    /// Whether the binary was built from sources that differed from ``commit``.
    var sourcesModified: Bool?
    var status: String
    var scenario: String
    var seed: UInt64
    var threads: Int
    /// Slots between checkpoints (0 = none).
    var checkpointEvery: UInt64?
    var slots: UInt64
    var shards: Int
    var crossShardModel: String
    var executionEnvironments: [EE]
    var startedAt: String
    var endedAt: String?
    /// What ended a `failed` run.
    var error: String?
    var wallSeconds: Double
    var totals: RunTotals
    var conservation: Conservation?
}
