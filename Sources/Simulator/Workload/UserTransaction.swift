import Beacon

/// A user's wish to move ETH, from its arrival until a block includes it.
///
/// The transaction is signed when a block packages it, with the nonce the state provider predicts for the sender at
/// that point in the block; the signature is real (secp256k1), only its timing is a simplification.
struct UserTransaction: Sendable, Codable {
    /// Unique in the run, assigned in arrival order.
    let id: UInt64
    /// The sender's shard and EE.
    let sourceShard: ShardID
    let ee: EEID
    /// The sender's account index on its shard.
    let from: UInt32
    /// The recipient's shard (the sender's own for an on-shard transfer) and EE (the sender's own unless the
    /// transfer moves ETH between EEs).
    let destinationShard: ShardID
    let destinationEE: EEID
    /// The recipient's account index on its shard.
    let to: UInt32
    /// The amount to move.
    let amount: Gwei
    /// When the user submitted it.
    let created: SimTime
    /// Its fees and relayer (``FeeBid/none`` when the fee market is off).
    var bid = FeeBid.none
    /// Two-phase commit: the slot whose block first held it back because an account it writes was locked (`nil`
    /// while it has not waited); the lock timeout counts from here.
    var lockWaitingSince: Slot?

    /// Whether the recipient is on another shard.
    var isCrossShard: Bool { destinationShard != sourceShard }
    /// Whether the transfer goes out by a receipt: to another shard or another EE. `transfers.csv` follows these.
    var sendsReceipt: Bool { destinationShard != sourceShard || destinationEE != ee }
}
