/// Why a whole token-EE execution fails. The EE traps (`unreachable`) in each case: the post-state root is the
/// pre-state root and every effect of the execution (results, sends, claims) is dropped.
package struct TokenFailure: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Code: Hashable, Sendable {
        case malformedBlock
        case wrongShard
        case badWitness
        case receiptPayload
        case balanceOverflow
    }

    private let code: Code
    /// The sentence shown to the user.
    package let description: String

    /// Whether the witness's leaves and hashes do not hash to the pre-state root (the host counts this as a bad
    /// witness).
    package var isBadWitness: Bool { code == .badWitness }

    /// The block data does not parse, or its witness has the wrong number of proof hashes.
    static func malformedBlock(_ error: TokenFormatError) -> TokenFailure {
        TokenFailure(code: .malformedBlock, description: "malformed token block: \(error)")
    }

    /// The block header names another shard than the executing one.
    static func wrongShard(block: UInt16, executing: UInt16) -> TokenFailure {
        TokenFailure(
            code: .wrongShard,
            description: "token block is for shard \(block) but runs on shard \(executing)"
        )
    }

    /// The witness does not prove the pre-state root.
    static func badWitness(proven: String, expected: String) -> TokenFailure {
        TokenFailure(
            code: .badWitness,
            description: "token witness proves root \(proven), not the pre-state root \(expected)"
        )
    }

    /// A claimed receipt's payload does not name the receive's account (or is not 4 bytes).
    static func receiptPayload(transaction: Int, receipt: UInt32) -> TokenFailure {
        TokenFailure(
            code: .receiptPayload,
            description: "transaction \(transaction) claims receipt \(receipt), whose payload does not name its account"
        )
    }

    /// Crediting a claimed receipt would overflow the account's 64-bit balance.
    static func balanceOverflow(transaction: Int) -> TokenFailure {
        TokenFailure(
            code: .balanceOverflow,
            description: "transaction \(transaction) would overflow its account's balance"
        )
    }
}
