import Beacon

/// The data of one sparse-token-EE execution: a header, the transactions (the token EE's, ``TokenTransaction``) and
/// the compressed multiproof of every account they touch.
///
/// Encoding (little-endian): `u8 version=1 | u8 reserved=0 | u16 shardId | u32 nTx | txs | witness` (see
/// ``SparseWitness``), with nothing after the witness.
package struct SparseBlock: Hashable, Sendable {
    /// The encoding version this EE reads.
    package static let version: UInt8 = 1
    /// Bytes before the first transaction.
    package static let headerByteCount = 8

    /// The shard the block is for; the EE fails on any other shard, and signatures cover it.
    package var shard: ShardID
    /// The transactions, applied in order.
    package var transactions: [TokenTransaction]
    /// The multiproof of every account the transactions touch.
    package var witness: SparseWitness

    /// Creates a block.
    package init(shard: ShardID, transactions: [TokenTransaction], witness: SparseWitness) {
        self.shard = shard
        self.transactions = transactions
        self.witness = witness
    }

    /// The encoding: the block data given to the EE.
    package var encoded: [UInt8] {
        var out: [UInt8] = [Self.version, 0]
        TokenTransaction.encode(transactions, shard: shard, into: &out)
        witness.encode(into: &out)
        return out
    }

    /// Decodes block data, with the checks the EE makes before running any transaction: the version and reserved
    /// byte, known transaction kinds, complete fields, a bitmap without padding bits, exactly as many hashes as it
    /// has 0 bits, and no bytes after the witness. (Key order and the sibling count are checked when hashing.)
    package init(decoding bytes: [UInt8]) throws(TokenFormatError) {
        var reader = TokenByteReader(bytes)
        let version = try reader.read(UInt8.self, "version")
        guard version == Self.version else { throw .unsupportedVersion(version) }
        let reserved = try reader.read(UInt8.self, "reserved byte")
        guard reserved == 0 else { throw .reservedByte(reserved) }
        let (shard, transactions) = try TokenTransaction.readList(from: &reader)
        let witness = try SparseWitness(from: &reader)
        guard reader.remaining == 0 else { throw .trailingBytes(reader.remaining, offset: reader.offset) }
        self.init(shard: shard, transactions: transactions, witness: witness)
    }
}
