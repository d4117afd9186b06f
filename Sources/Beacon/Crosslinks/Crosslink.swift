/// The beacon chain's commitment to one shard's block of one slot: its root, the state root of each EE after it,
/// and the root of the receipts it sends to other shards.
package struct Crosslink: Sendable, Hashable, Codable {
    /// The shard.
    package let shard: ShardID
    /// The slot of the block.
    package let slot: Slot
    /// The root of the shard block.
    package let blockRoot: Root
    /// The state root of every EE on the shard after the block, in EE id order.
    package let stateRoots: [Root]
    /// The root of the block's outgoing receipts (``Root/zero`` when there are none).
    package let receiptRoot: Root

    /// Creates a crosslink.
    package init(shard: ShardID, slot: Slot, blockRoot: Root, stateRoots: [Root], receiptRoot: Root) {
        self.shard = shard
        self.slot = slot
        self.blockRoot = blockRoot
        self.stateRoots = stateRoots
        self.receiptRoot = receiptRoot
    }
}
