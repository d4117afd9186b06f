import Beacon

/// What a user wants a workload EE to do: move `amount` from account `from` on the block's shard to account `to`
/// of EE `destinationEE` on `destinationShard` (a send with a receipt when that is another shard).
package struct UserIntent: Hashable, Sendable {
    /// The sender's account index.
    package var from: UInt32
    /// The recipient's shard and EE.
    package var destinationShard: ShardID
    package var destinationEE: EEID
    /// The recipient's account index.
    package var to: UInt32
    /// The amount to move.
    package var amount: Gwei
    /// A deliberate fault to build into the operation (fault injection), or `nil`.
    package var fault: IntentFault?

    /// Creates an intent.
    package init(
        from: UInt32, destinationShard: ShardID, destinationEE: EEID, to: UInt32, amount: Gwei,
        fault: IntentFault? = nil
    ) {
        self.from = from
        self.destinationShard = destinationShard
        self.destinationEE = destinationEE
        self.to = to
        self.amount = amount
        self.fault = fault
    }
}

/// A deliberately faulty user operation (`workload.faults`); the EE must reject it.
package enum IntentFault: Hashable, Sendable {
    /// The signature does not match (one bit flipped).
    case badSignature
    /// The nonce of an earlier (or a skipped) operation.
    case replayedNonce
    /// An amount above the sender's balance.
    case overdraft
}
