import Beacon

/// The part of every token EE's block header after its version byte(s), and the transactions:
/// `u16 shardId | u32 nTx | nTx × transaction` — the same in the binary, sparse and Patricia token EEs' blocks.
extension TokenTransaction {
    /// Appends `transactions` of a block for `shard` to `out`.
    static func encode(_ transactions: [Self], shard: ShardID, into out: inout [UInt8]) {
        out.append(littleEndian: shard.index)
        out.append(littleEndian: UInt32(transactions.count))
        for transaction in transactions { out.append(contentsOf: transaction.encoded) }
    }

    /// Reads the shard and the transactions from `reader`: known kinds and complete fields, and a count larger than
    /// the bytes left (at least 9 per transaction) refused before anything is read.
    static func readList(
        from reader: inout TokenByteReader
    ) throws(TokenFormatError) -> (shard: ShardID, transactions: [Self]) {
        let shard = ShardID(try reader.read(UInt16.self, "shard id"))
        let count = Int(try reader.read(UInt32.self, "transaction count"))
        guard count <= reader.remaining / 9 else { throw .truncated(field: "transactions", offset: reader.offset) }
        var transactions: [Self] = []
        transactions.reserveCapacity(count)
        for i in 0..<count { transactions.append(try Self(from: &reader, transaction: i)) }
        return (shard, transactions)
    }
}
