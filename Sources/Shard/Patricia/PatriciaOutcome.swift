import Beacon

/// What one execution of the Patricia token EE produces, as computed natively by ``PatriciaReference``: the same
/// post-state root and shard effects `patricia.wasm` gives under the runtime.
package struct PatriciaOutcome: Sendable, NativeOutcome {
    /// `nil` when the execution succeeds; otherwise why the EE traps.
    package let failure: PatriciaFailure?
    /// The post-state root; the pre-state root when the execution fails or the witness is empty.
    package let postStateRoot: Root
    /// Results, cross-shard transfers, claimed receipts and the EE's balance after, exactly as the runtime's
    /// ``ExecutionResult/effects``; no effects (and the context's balance) when the execution fails.
    package let effects: ShardEffects
    /// The witness's accounts after the block, in witness (key) order; empty when the execution fails.
    package let accounts: [PatriciaAccount]

    /// Whether the execution succeeds.
    package var succeeded: Bool { failure == nil }

    /// The result of each transaction, in block order (empty when the execution fails).
    package var results: [TokenResultCode] {
        effects.results.map { TokenResultCode(rawValue: $0.code) ?? .malformed }
    }

    static func failed(_ failure: PatriciaFailure, preStateRoot: Root, context: ShardContext) -> PatriciaOutcome {
        PatriciaOutcome(
            failure: failure, postStateRoot: preStateRoot, effects: ShardEffects(balanceAfter: context.balance),
            accounts: [])
    }
}

/// Why a whole Patricia token-EE execution fails: the EE traps, the post-state root is the pre-state root and every
/// effect is dropped.
package struct PatriciaFailure: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case malformedBlock, wrongShard, badWitness, transaction
    }

    private let code: Code
    /// The sentence shown to the user.
    package let description: String

    /// Whether the witness's nodes do not hash to the pre-state root.
    package var isBadWitness: Bool { code == .badWitness }

    static func malformedBlock(_ error: PatriciaFormatError) -> PatriciaFailure {
        PatriciaFailure(code: .malformedBlock, description: "malformed patricia block: \(error)")
    }

    static func wrongShard(block: UInt16, executing: UInt16) -> PatriciaFailure {
        PatriciaFailure(code: .wrongShard, description: "patricia block is for shard \(block) but runs on \(executing)")
    }

    static func badWitness(_ detail: String) -> PatriciaFailure {
        PatriciaFailure(code: .badWitness, description: "patricia witness does not prove the pre-state root: \(detail)")
    }

    /// A transaction fails the whole execution, by the token EE's rules (a receipt claimed for another account, or
    /// a claim that would overflow a balance).
    static func transaction(_ failure: TokenFailure) -> PatriciaFailure {
        PatriciaFailure(code: .transaction, description: failure.description)
    }
}
