/// A cross-shard ETH transfer as the beacon chain routes it: created by an EE on the source shard, committed in
/// the source crosslink, and processed once by the destination EE.
public struct Receipt: Sendable, Hashable, Codable {
    /// A receipt's unique id: the source shard and slot, and its position in that block's receipts.
    public struct ID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
        /// The shard that sent it.
        public let sourceShard: ShardID
        /// The slot of the sending block.
        public let sourceSlot: Slot
        /// Its index among the block's receipts.
        public let index: UInt32

        /// Creates an id.
        public init(sourceShard: ShardID, sourceSlot: Slot, index: UInt32) {
            self.sourceShard = sourceShard
            self.sourceSlot = sourceSlot
            self.index = index
        }

        public static func < (lhs: ID, rhs: ID) -> Bool {
            (lhs.sourceSlot, lhs.sourceShard, lhs.index) < (rhs.sourceSlot, rhs.sourceShard, rhs.index)
        }

        public var description: String { "\(sourceShard.index)/\(sourceSlot.number)/\(index)" }
    }

    /// The receipt's id.
    public let id: ID
    /// The EE that sent it.
    public let sourceEE: EEID
    /// The destination shard.
    public let destinationShard: ShardID
    /// The destination EE.
    public let destinationEE: EEID
    /// The ETH it carries.
    public let amount: Gwei
    /// Data for the destination EE.
    public let payload: [UInt8]
    /// The fee the sender prepaid at the source for processing the receipt on the destination shard: ETH in flight
    /// with the receipt, burned (base fee × gas) and paid to the destination's proposer (the rest) when it is
    /// processed. Zero without a fee market.
    public let prepaidFee: Gwei

    /// Creates a receipt.
    public init(
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
    public func prepaying(_ fee: Gwei) -> Receipt {
        Receipt(
            id: id, sourceEE: sourceEE, destinationShard: destinationShard, destinationEE: destinationEE,
            amount: amount,
            payload: payload, prepaidFee: fee)
    }

    /// The ETH the receipt carries in all: the amount and the prepaid fee.
    public var carriedGwei: Gwei { amount + prepaidFee }
}
