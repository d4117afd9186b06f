// Host functions of module `env` the fee-market EE imports beyond the token EE's (Host.swift in EEs/token).
// Documentation/HostFunctions.md lists them with their gas costs; Documentation/FeeMarket.md gives the formats.

/// This block's base fee per gas, in wei.
@_extern(wasm, module: "env", name: "eth2_baseFee") @_extern(c)
func eth2_baseFee() -> UInt64

/// The number of user transactions the block included before this call.
@_extern(wasm, module: "env", name: "eth2_lookBackCount") @_extern(c)
func eth2_lookBackCount() -> UInt32

/// Writes the 64-byte look-back record of earlier transaction `index` at `out` and returns 0, or returns 1 (writing
/// nothing) when the block has no such transaction.
@_extern(wasm, module: "env", name: "eth2_lookBack") @_extern(c)
func eth2_lookBack(_ index: UInt32, _ out: UnsafeMutableRawPointer) -> UInt32

/// Moves `amount` gwei of this EE's balance to the block's proposer; returns 0, or 1 when the balance is too small.
@_extern(wasm, module: "env", name: "eth2_payProposer") @_extern(c)
func eth2_payProposer(_ amount: UInt64) -> UInt32

/// Burns `amount` gwei of this EE's balance; returns 0, or 1 when the balance is too small.
@_extern(wasm, module: "env", name: "eth2_burn") @_extern(c)
func eth2_burn(_ amount: UInt64) -> UInt32

/// Moves `amount` gwei of this EE's balance into the prepaid fee of the receipt sent by look-back transaction
/// `index`; returns 0, or 1 (no change) when the balance is too small, that transaction sent no receipt, or its
/// receipt is already prepaid.
@_extern(wasm, module: "env", name: "eth2_prepayReceipt") @_extern(c)
func eth2_prepayReceipt(_ index: UInt32, _ amount: UInt64) -> UInt32
