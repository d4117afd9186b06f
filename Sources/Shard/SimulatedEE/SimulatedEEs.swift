/// The simulated EEs shardsim knows, by the built-in name a scenario gives them (`code: builtin:NAME`). Adding a
/// workload EE is a folder in `Sources/Shard/` and `EEs/` plus one line here (`Documentation/WritingAnEE.md`).
package enum SimulatedEEs {
    /// The workload EEs: users transact with them.
    package static let workloads: [String: @Sendable (EEModule) -> any WorkloadEE] = [
        "token": { TokenEE(module: $0) },
        "ledger": { LedgerEE(module: $0) },
        "sparse": { SparseEE(module: $0) },
        "patricia": { PatriciaEE(module: $0) },
    ]

    /// The workload EE built in as `name`, running `module`, or `nil` when `name` is not a workload EE.
    package static func workload(named name: String, module: EEModule) -> (any WorkloadEE)? {
        workloads[name].map { $0(module) }
    }
}
