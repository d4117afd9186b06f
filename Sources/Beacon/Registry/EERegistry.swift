/// The beacon chain's registry of execution environments, filled at genesis: the list index is the EE id.
///
/// The beacon chain keeps only what identifies an EE (its name, code hash and deposit); the code itself is the
/// shards' business.
package struct EERegistry: Sendable, Hashable {
    /// One registered EE.
    package struct Entry: Sendable, Hashable {
        /// The EE's id: its index in the registry.
        package let id: EEID
        /// A human-readable name from the scenario.
        package let name: String
        /// SHA-256 of the EE's wasm code: its identity.
        package let codeHash: Root
        /// The ETH locked to deploy it.
        package let deposit: Gwei

        /// Creates an entry.
        package init(id: EEID, name: String, codeHash: Root, deposit: Gwei) {
            self.id = id
            self.name = name
            self.codeHash = codeHash
            self.deposit = deposit
        }
    }

    /// The entries in id order.
    package private(set) var entries: [Entry] = []

    /// An empty registry.
    package init() {}

    /// Registers an EE and returns its id (the next index).
    @discardableResult
    package mutating func register(name: String, codeHash: Root, deposit: Gwei) -> EEID {
        let id = EEID(UInt32(entries.count))
        entries.append(Entry(id: id, name: name, codeHash: codeHash, deposit: deposit))
        return id
    }

    /// The entry for `id`, or `nil` if no such EE is registered.
    package subscript(id: EEID) -> Entry? {
        Int(id.index) < entries.count ? entries[Int(id.index)] : nil
    }

    /// Total ETH locked in deployment deposits.
    package var totalDeposits: Gwei { entries.reduce(.zero) { $0 + $1.deposit } }
}
