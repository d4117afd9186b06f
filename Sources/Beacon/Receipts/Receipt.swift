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

    /// Creates a receipt.
    public init(
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
