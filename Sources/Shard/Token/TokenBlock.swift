import Beacon

/// The data of one token-EE execution: a header, the transactions and the witness of every account they touch.
///
/// Encoding (little-endian): `u8 version=1 | u8 depth | u16 shardId | u32 nTx | txs | witness` (see
/// ``TokenTransaction`` and ``TokenWitness``), with nothing after the witness.
///
/// The depth is the tree's: the EE trusts it only as far as the root does. With a wrong depth the proof is
/// hashed over a different number of levels, so the recomputed root is a different Keccak-256 image and cannot
/// match the pre-state root (short of a hash collision); the execution then fails.
package struct TokenBlock: Hashable, Sendable {
    /// The encoding version this EE reads.
    package static let version: UInt8 = 1
    /// Bytes before the first transaction.
    package static let headerByteCount = 8

    /// The tree's depth.
    package var depth: Int
    /// The shard the block is for; the EE fails on any other shard, and signatures cover it.
    package var shard: ShardID
    /// The transactions, applied in order.
    package var transactions: [TokenTransaction]
    /// The multiproof of every account the transactions touch.
    package var witness: TokenWitness

    /// Creates a block.
    package init(depth: Int, shard: ShardID, transactions: [TokenTransaction], witness: TokenWitness) {
        self.depth = depth
        self.shard = shard
        self.transactions = transactions
        self.witness = witness
    }

    /// The encoding: the block data given to the EE.
    package var encoded: [UInt8] {
        var out: [UInt8] = [Self.version, UInt8(depth)]
        TokenTransaction.encode(transactions, shard: shard, into: &out)
        witness.encode(into: &out)
        return out
    }

    /// Decodes block data, with the checks the EE makes before running any transaction: the version, a depth of at
    /// most ``TokenTree/maxDepth``, known transaction kinds, complete fields, sorted and unique witness leaves
    /// inside the tree, and no bytes after the witness. (The number of proof hashes is checked when hashing.)
    package init(decoding bytes: [UInt8]) throws(TokenFormatError) {
        var reader = TokenByteReader(bytes)
        let version = try reader.read(UInt8.self, "version")
        guard version == Self.version else { throw .unsupportedVersion(version) }
        let depth = try reader.read(UInt8.self, "depth")
        guard Int(depth) <= TokenTree.maxDepth else { throw .depthTooLarge(depth) }
        let (shard, transactions) = try TokenTransaction.readList(from: &reader)
        let witness = try TokenWitness(from: &reader, depth: Int(depth))
        guard reader.remaining == 0 else { throw .trailingBytes(reader.remaining, offset: reader.offset) }
        self.init(depth: Int(depth), shard: shard, transactions: transactions, witness: witness)
    }
}
