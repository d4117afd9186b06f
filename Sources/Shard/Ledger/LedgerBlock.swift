import Beacon

/// A block of the ledger EE: the whole state as its witness, then the operations.
package struct LedgerBlock: Hashable, Sendable {
    package static let version: UInt8 = 1
    /// Bytes before the state: version and shard.
    package static let headerByteCount = 3

    package var shard: ShardID
    /// The accounts as the block presents them; they must hash to the pre-state root.
    package var witness: LedgerState
    package var operations: [LedgerOperation]

    package init(shard: ShardID, witness: LedgerState, operations: [LedgerOperation]) {
        self.shard = shard
        self.witness = witness
        self.operations = operations
    }

    /// The block data the EE receives.
    package var encoded: [UInt8] {
        var out: [UInt8] = [Self.version]
        out.append(littleEndian: shard.index)
        out += witness.encoded
        out.append(littleEndian: UInt32(operations.count))
        for operation in operations { out += operation.encoded }
        return out
    }
}
