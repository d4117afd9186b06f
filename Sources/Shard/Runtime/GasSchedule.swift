import WasmKit

/// What host calls cost, in gas. Wasm instructions cost WasmKit's fuel, about one unit per operator.
///
/// The figures follow Ethereum's where an analogue exists (copy 3/word, KECCAK256 30 + 6/word, SHA256 precompile
/// 60 + 12/word, ECRECOVER 3,000) so results stay comparable with the literature. Documented with the functions in
/// `Documentation/HostFunctions.md`; change both together.
package enum GasSchedule {
    /// Any host call, before its own charge.
    package static let call: UInt64 = 2
    /// Per 32-byte word copied between host and guest.
    package static let copyPerWord: UInt64 = 3
    /// Loading or saving a state root.
    package static let rootAccess: UInt64 = 3 + 3
    /// `eth2_blockDataCopy` base.
    package static let blockDataCopy: UInt64 = 3
    /// `eth2_pushNewDeposit` base.
    package static let pushDeposit: UInt64 = 100
    /// `bignum_add256` and `bignum_sub256`.
    package static let bignum: UInt64 = 10
    /// `keccak256` base and per word.
    package static let keccakBase: UInt64 = 30
    package static let keccakPerWord: UInt64 = 6
    /// `sha256` base and per word.
    package static let sha256Base: UInt64 = 60
    package static let sha256PerWord: UInt64 = 12
    /// `secp256k1_recover`.
    package static let secp256k1Recover: UInt64 = 3_000
    /// `eth2_crossShardTransfer`: a receipt is a commitment in the crosslink, so it is priced like a storage write.
    package static let crossShardTransfer: UInt64 = 5_000
    /// `eth2_claimReceipt`.
    package static let claimReceipt: UInt64 = 500
    /// `eth2_lookBack`: a 64-byte record (two words) read from the block, priced like two storage-free loads.
    package static let lookBack: UInt64 = 20
    /// `eth2_payProposer` and `eth2_burn`: a balance change of the shard, priced like `eth2_claimReceipt`.
    package static let feeTransfer: UInt64 = 500
    /// Reading a small value of the shard context (shard id, slot, balance) or reporting a result.
    package static let contextAccess: UInt64 = 2

    /// The number of 32-byte words needed for `byteCount` bytes.
    package static func words(_ byteCount: UInt64) -> UInt64 { (byteCount + 31) / 32 }

    /// Takes `gas` from the store's budget, or ends the execution with ``ExecutionFailure/outOfGas`` if the
    /// budget cannot cover it (all-or-nothing, like WasmKit's own fuel charges).
    static func charge(_ gas: UInt64, _ caller: borrowing Caller) throws(ExecutionFailure) {
        guard let fuel = caller.store.fuel else { return }
        guard fuel.remaining >= gas else {
            caller.store.fuel = Fuel(remaining: 0)
            throw .outOfGas
        }
        caller.store.fuel = Fuel(remaining: fuel.remaining - gas)
    }
}
