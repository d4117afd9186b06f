import Beacon

/// What one execution of an EE produced.
package struct ExecutionResult: Sendable {
    /// `nil` when the execution succeeded; otherwise why it failed.
    package let failure: ExecutionFailure?
    /// The post-state root: the last root the EE saved, or the pre-state root if it saved none or failed.
    package let postStateRoot: Root
    /// Gas spent on wasm instructions and host calls, at most the gas limit.
    package let gasUsed: UInt64
    /// Deposit receipts pushed with `eth2_pushNewDeposit`, in order; empty when the execution failed.
    package let deposits: [[UInt8]]
    /// Lines logged through the `debug_*` functions, in order, kept even when the execution failed. At most
    /// ``ExecutionLog/maxLines`` lines are kept.
    package let log: [String]
    /// The shard-level effects (results reported, transfers sent, receipts claimed); empty when the execution
    /// failed.
    package let effects: ShardEffects

    /// Public keys the `secp256k1_recover` precompile recovered, by message hash ‖ signature, so a state provider
    /// checking the block natively need not recover them again. Empty when the execution failed.
    package var recoveredKeys: [[UInt8]: [UInt8]] = [:]

    /// Whether the execution succeeded.
    package var succeeded: Bool { failure == nil }
}
