import Beacon

/// The block data the proposer gives the fee-market EE: a header and the multiproof of the relayers' deposit
/// leaves that its look-back entries name.
///
/// Encoded little-endian: `u8 version=1 | u8 depth | u16 shard | witness` (the token EE's witness format).
package struct FeeMarketBlock: Hashable, Sendable {
    /// The block format version.
    package static let version: UInt8 = 1

    /// The deposit tree's depth.
    package var depth: Int
    /// The shard the block is for.
    package var shard: ShardID
    /// The relayers' leaves and the proof hashes.
    package var witness: TokenWitness

    /// Creates a block.
    package init(depth: Int, shard: ShardID, witness: TokenWitness) {
        self.depth = depth
        self.shard = shard
        self.witness = witness
    }

    /// The bytes given to the EE.
    package var encoded: [UInt8] {
        var out: [UInt8] = [Self.version, UInt8(depth)]
        withUnsafeBytes(of: shard.index.littleEndian) { out += $0 }
        witness.encode(into: &out)
        return out
    }
}

extension TokenTree {
    /// The fee-market block settling `entries`: the witness of every relayer they name that lies inside the tree.
    package func feeMarketBlock(shard: ShardID, entries: [LookBackEntry]) -> FeeMarketBlock {
        let touched = entries.map(\.relayer).filter { UInt64($0) < capacity }
        return FeeMarketBlock(depth: depth, shard: shard, witness: multiproof(for: touched))
    }
}
