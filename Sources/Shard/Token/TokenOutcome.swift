import Beacon

/// What one execution of the token EE produces, as computed natively by ``TokenReference``: the same post-state
/// root and the same shard effects the wasm EE gives under the runtime.
package struct TokenOutcome: Sendable {
    /// `nil` when the execution succeeds; otherwise why the EE traps.
    package let failure: TokenFailure?
    /// The post-state root; the pre-state root when the execution fails or the witness is empty.
    package let postStateRoot: Root
    /// Results, cross-shard transfers, claimed receipts and the EE's balance after, exactly as the runtime's
    /// ``ExecutionResult/effects``; no effects (and the context's balance) when the execution fails.
    package let effects: ShardEffects
    /// The witness's leaves after the block, in witness order; empty when the execution fails. A state provider
    /// writes them into its ``TokenTree``.
    package let accounts: [TokenWitness.Leaf]

    /// Whether the execution succeeds.
    package var succeeded: Bool { failure == nil }

    /// The result of each transaction, in block order (empty when the execution fails).
    package var results: [TokenResultCode] {
        effects.results.map { TokenResultCode(rawValue: $0.code) ?? .malformed }
    }

    static func failed(_ failure: TokenFailure, preStateRoot: Root, context: ShardContext) -> TokenOutcome {
        TokenOutcome(
            failure: failure,
            postStateRoot: preStateRoot,
            effects: ShardEffects(balanceAfter: context.balance),
            accounts: []
        )
    }
}
