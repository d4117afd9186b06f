import Beacon

/// What happens in a run. Ties at one instant are broken by priority, then by scheduling order (see
/// ``EventEngine``): block production comes before arrivals at the same microsecond, so an arrival at a slot's last
/// microsecond waits for the next block.
enum SimulationEvent: Sendable, Codable {
    /// Every shard produces its block for the slot, at the slot's last microsecond.
    case produceBlocks(Slot)
    /// A user on the shard submits a transaction.
    case arrival(ShardID)

    static let blockPriority: EventPriority = -1
    static let arrivalPriority: EventPriority = 0

    // Checkpoints store events as {"produceBlocks": {"slot": 5}} and {"arrival": {"shard": 2}}.
    private enum ProduceBlocksCodingKeys: String, CodingKey { case _0 = "slot" }
    private enum ArrivalCodingKeys: String, CodingKey { case _0 = "shard" }
}
