/// The index of a shard, `0 ..< shardCount`. A network has 1 to 1024 shards.
public struct ShardID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The largest number of shards a network can have.
    public static let maxShardCount = 1024

    /// The shard's index.
    public let index: UInt16

    /// Creates a shard id from its index.
    public init(_ index: UInt16) { self.index = index }

    public var description: String { "shard \(index)" }

    public static func < (lhs: ShardID, rhs: ShardID) -> Bool { lhs.index < rhs.index }
}
