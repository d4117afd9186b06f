import Beacon

/// The data of one Patricia token-EE execution: a header, the transactions (the binary token EE's, byte for byte:
/// ``TokenTransaction``) and the multiproof of every account they touch.
///
/// Encoding (little-endian): `u8 version=1 | u16 shardId | u32 nTx | txs | witness` (``PatriciaWitness``), with
/// nothing after the witness. Transactions name accounts by their 4-byte account number, as the token EE's do.
package struct PatriciaBlock: Hashable, Sendable {
    /// The encoding version this EE reads.
    package static let version: UInt8 = 1
    /// Bytes before the first transaction.
    package static let headerByteCount = 7

    /// The shard the block is for; the EE fails on any other shard, and signatures cover it.
    package var shard: ShardID
    /// The transactions, applied in order.
    package var transactions: [TokenTransaction]
    /// The multiproof of every account the transactions touch.
    package var witness: PatriciaWitness

    /// Creates a block.
    package init(shard: ShardID, transactions: [TokenTransaction], witness: PatriciaWitness) {
        self.shard = shard
        self.transactions = transactions
        self.witness = witness
    }

    /// The encoding: the block data given to the EE.
    package var encoded: [UInt8] {
        var out: [UInt8] = [Self.version]
        TokenTransaction.encode(transactions, shard: shard, into: &out)
        witness.encode(into: &out)
        return out
    }

    /// The header and transactions of block data, and where its witness starts; checks the version, the kinds and
    /// lengths of the transactions.
    package static func readHeader(_ bytes: [UInt8]) throws(PatriciaFormatError) -> (
        shard: ShardID, transactions: [TokenTransaction], witnessStart: Int
    ) {
        var reader = TokenByteReader(bytes)
        do {
            let version = try reader.read(UInt8.self, "version")
            guard version == Self.version else { throw PatriciaFormatError.unsupportedVersion(version) }
            let (shard, transactions) = try TokenTransaction.readList(from: &reader)
            return (shard, transactions, reader.offset)
        } catch let error as PatriciaFormatError {
            throw error
        } catch let error as TokenFormatError {
            throw .transaction(error)
        } catch {
            throw PatriciaFormatError("\(error)")
        }
    }
}
