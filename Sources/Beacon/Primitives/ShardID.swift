/// The index of a shard, `0 ..< shardCount`. A network has 1 to 1024 shards.
package struct ShardID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The largest number of shards a network can have.
    package static let maxShardCount = 1024

    /// The shard's index.
    package let index: UInt16

    /// Creates a shard id from its index.
    package init(_ index: UInt16) { self.index = index }

    package var description: String { "shard \(index)" }

    package static func < (lhs: ShardID, rhs: ShardID) -> Bool { lhs.index < rhs.index }
}
