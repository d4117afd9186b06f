import Crypto
import Foundation

/// One run folder as a report sees it: `run.json`, the resolved scenario and the CSV files, read by header name.
public struct RunFolder: Sendable {
    /// The folder.
    public let url: URL
    /// The folder's name, e.g. `one-slot-seed2`.
    public var name: String { url.lastPathComponent }
    /// `run.json`, kept as JSON so fields added by newer versions do not break reading.
    public let manifest: [String: JSONValue]
    /// `scenario.yaml`, the resolved scenario (empty if missing).
    public let scenarioText: String
    public let slots: CSVTable?
    public let transfers: CSVTable?
    public let summary: CSVTable?
    /// Base fee per shard per slot, when the fee market wrote it.
    public let fees: CSVTable?
    /// ETH in flight after every slot (`inflight.csv`), when the run wrote it.
    public let inflight: CSVTable?
    /// Each shard's block propagation per slot (`network.csv`), when the scenario had a network.
    public let network: CSVTable?
    /// The resolved scenario as flat `path: value` pairs.
    public let parameters: ScenarioParameters

    /// Whether `url` holds a run (a `run.json`).
    public static func isRun(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("run.json").path)
    }

    /// Reads the run folder at `url`.
    public init(url: URL) throws(ReportError) {
        self.url = url
        let manifestURL = url.appendingPathComponent("run.json")
        guard let data = try? Data(contentsOf: manifestURL) else { throw .notARun(url.path) }
        guard let json = try? JSONDecoder().decode(JSONValue.self, from: data), case .object(let object) = json else {
            throw .unreadable(manifestURL.path, "expected a JSON object")
        }
        manifest = object
        scenarioText =
            (try? String(contentsOf: url.appendingPathComponent(ColumnNames.scenarioFile), encoding: .utf8)) ?? ""
        parameters = ScenarioParameters(yaml: scenarioText)
        slots = try CSVTable(contentsOf: url.appendingPathComponent(ColumnNames.slotsFile))
        transfers = try CSVTable(contentsOf: url.appendingPathComponent(ColumnNames.transfersFile))
        summary = try CSVTable(contentsOf: url.appendingPathComponent(ColumnNames.summaryFile))
        fees = try CSVTable(contentsOf: url.appendingPathComponent(ColumnNames.feesFile))
        inflight = try CSVTable(contentsOf: url.appendingPathComponent(ColumnNames.inflightFile))
        network = try CSVTable(contentsOf: url.appendingPathComponent(ColumnNames.networkFile))
    }

    public var seed: String { manifest["seed"]?.text ?? "?" }
    public var model: String { manifest["crossShardModel"]?.text ?? "unknown" }
    public var status: String { manifest["status"]?.text ?? "unknown" }
    public var version: String { manifest["version"]?.text ?? "unknown" }
    /// `true`/`false` from `run.json`'s conservation check; `nil` when the run did not finish.
    public var conservationHolds: Bool? {
        guard case .object(let c)? = manifest["conservation"], case .bool(let holds)? = c["holds"] else { return nil }
        return holds
    }
    /// `name: hash` of every EE, in id order.
    public var eeCodeHashes: [(name: String, hash: String)] {
        guard case .array(let ees)? = manifest["executionEnvironments"] else { return [] }
        return ees.compactMap {
            guard case .object(let ee) = $0 else { return nil }
            return (ee["name"]?.text ?? "?", ee["codeHash"]?.text ?? "?")
        }
    }
    /// The name of the workload's EE: the first EE of `run.json` (the one `slots.csv` describes in the one-EE
    /// layout).
    public var workloadEE: String? { eeCodeHashes.first?.name }
    /// SHA-256 of `scenario.yaml`, hex: identifies the resolved scenario.
    public var scenarioHash: String {
        SHA256.hash(data: Data(scenarioText.utf8)).map { String(format: "%02x", $0) }.joined()
    }
    /// The figures of `summary.csv`, by metric name.
    public var figures: [String: Double] {
        guard let summary, let metric = summary.index(of: ColumnNames.metric),
            let value = summary.index(of: ColumnNames.value)
        else { return [:] }
        var figures: [String: Double] = [:]
        for row in summary.rows { if let number = Double(row[value]) { figures[row[metric]] = number } }
        return figures
    }
    /// The unit of each metric of `summary.csv`.
    public var units: [String: String] {
        guard let summary, let metric = summary.index(of: ColumnNames.metric),
            let unit = summary.index(of: ColumnNames.unit)
        else { return [:] }
        return Dictionary(summary.rows.map { ($0[metric], $0[unit]) }, uniquingKeysWith: { a, _ in a })
    }
}
