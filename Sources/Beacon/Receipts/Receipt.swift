/// A cross-shard ETH transfer as the beacon chain routes it: created by an EE on the source shard, committed in
/// the source crosslink, and processed once by the destination EE.
package struct Receipt: Sendable, Hashable, Codable {
    /// A receipt's unique id: the source shard and slot, and its position in that block's receipts.
    package struct ID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
        /// The shard that sent it.
        package let sourceShard: ShardID
        /// The slot of the sending block.
        package let sourceSlot: Slot
        /// Its index among the block's receipts.
        package let index: UInt32

        /// Creates an id.
        package init(sourceShard: ShardID, sourceSlot: Slot, index: UInt32) {
            self.sourceShard = sourceShard
            self.sourceSlot = sourceSlot
            self.index = index
        }

        package static func < (lhs: ID, rhs: ID) -> Bool {
            (lhs.sourceSlot, lhs.sourceShard, lhs.index) < (rhs.sourceSlot, rhs.sourceShard, rhs.index)
        }

        package var description: String { "\(sourceShard.index)/\(sourceSlot.number)/\(index)" }
    }

    /// The receipt's id.
    package let id: ID
    /// The EE that sent it.
    package let sourceEE: EEID
    /// The destination shard.
    package let destinationShard: ShardID
    /// The destination EE.
    package let destinationEE: EEID
    /// The ETH it carries.
    package let amount: Gwei
    /// Data for the destination EE.
    package let payload: [UInt8]

    /// Creates a receipt.
    package init(
        id: ID, sourceEE: EEID, destinationShard: ShardID, destinationEE: EEID, amount: Gwei, payload: [UInt8]
    ) {
        self.id = id
        self.sourceEE = sourceEE
        self.destinationShard = destinationShard
        self.destinationEE = destinationEE
        self.amount = amount
        self.payload = payload
    }
}
