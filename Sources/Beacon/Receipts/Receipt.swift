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
    /// The fee the sender prepaid at the source for processing the receipt on the destination shard: ETH in flight
    /// with the receipt, burned (base fee × gas) and paid to the destination's proposer (the rest) when it is
    /// processed. Zero without a fee market.
    package let prepaidFee: Gwei

    /// Creates a receipt.
    package init(
        id: ID, sourceEE: EEID, destinationShard: ShardID, destinationEE: EEID, amount: Gwei, payload: [UInt8],
        prepaidFee: Gwei = .zero
    ) {
        self.id = id
        self.sourceEE = sourceEE
        self.destinationShard = destinationShard
        self.destinationEE = destinationEE
        self.amount = amount
        self.payload = payload
        self.prepaidFee = prepaidFee
    }

    /// The same receipt carrying `fee` as its prepaid fee.
    package func prepaying(_ fee: Gwei) -> Receipt {
        Receipt(
            id: id, sourceEE: sourceEE, destinationShard: destinationShard, destinationEE: destinationEE,
            amount: amount,
            payload: payload, prepaidFee: fee)
    }

    /// The ETH the receipt carries in all: the amount and the prepaid fee.
    package var carriedGwei: Gwei { amount + prepaidFee }
}
