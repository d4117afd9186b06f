import Foundation

extension Scenario {
    /// One execution environment in the genesis registry. Its id is its index in ``Scenario/ees``.
    package struct ExecutionEnvironment: Hashable, Sendable {
        /// The EE's name, used by ``Workload/ee`` and in outputs: 1 to 32 of `a–z 0–9 _ -`. Required in a file.
        package var name = "token"
        /// Where the EE's wasm comes from. Required in a file.
        package var code = EECode.builtin("token")
        /// The deposit paid to deploy the EE. Default 32 ETH.
        package var deposit = EtherAmount(eth: 32)
        /// The EE's ETH balance on each shard at genesis, shared among its accounts. Default 1000 ETH.
        package var genesisBalancePerShard = EtherAmount(eth: 1000)
        /// The accounts the EE holds on each shard at genesis. Default 5000; 0 to 2²⁸ (268,435,456), and at most
        /// 10,000,000 unless ``activeAccountsPerShard`` makes the rest background accounts.
        package var accountsPerShard = 5000
        /// How many of ``accountsPerShard`` are users who transact (with keys, at hashed positions); the rest are
        /// background accounts that only make the state its size. `nil` (the default): every account is a user.
        package var activeAccountsPerShard: Int?

        /// The defaults: the built-in token EE.
        package init() {}
    }
}

/// Where an EE's wasm code comes from.
package enum EECode: Hashable, Sendable, CustomStringConvertible {
    /// An EE shipped with the tool, written `builtin:NAME` (e.g. `builtin:token`). Whether `NAME` exists is checked
    /// when a run starts, since the list of built-in EEs belongs to the Shard module.
    case builtin(String)
    /// A `.wasm` file, written as a path relative to the scenario file's folder (or absolute) and held here as an
    /// absolute, standardized path.
    case file(path: String)

    /// The file's URL, or `nil` for a built-in EE.
    package var fileURL: URL? {
        if case .file(let path) = self { return URL(fileURLWithPath: path) }
        return nil
    }

    /// The canonical spelling: `builtin:NAME` or the absolute path.
    package var description: String {
        switch self {
        case .builtin(let name): "builtin:\(name)"
        case .file(let path): path
        }
    }
}
