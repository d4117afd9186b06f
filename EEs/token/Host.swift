// Host functions of module `env` that the token EE imports (Documentation/HostFunctions.md, and
// Documentation/TokenEE.md for the cross-shard and result functions).
//
// `@_extern(c)` is required beside `@_extern(wasm, ...)`: without it the import gets Swift's calling
// convention, whose two hidden parameters (self, error) make WasmKit reject the signature.

@_extern(wasm, module: "env", name: "eth2_loadPreStateRoot") @_extern(c)
func eth2_loadPreStateRoot(_ ptr: UnsafeMutableRawPointer)

@_extern(wasm, module: "env", name: "eth2_blockDataSize") @_extern(c)
func eth2_blockDataSize() -> UInt32

@_extern(wasm, module: "env", name: "eth2_blockDataCopy") @_extern(c)
func eth2_blockDataCopy(_ ptr: UnsafeMutableRawPointer, _ offset: UInt32, _ length: UInt32)

@_extern(wasm, module: "env", name: "eth2_savePostStateRoot") @_extern(c)
func eth2_savePostStateRoot(_ ptr: UnsafeRawPointer)

/// The shard executing the block, which must equal the block header's shard id.
@_extern(wasm, module: "env", name: "eth2_shardId") @_extern(c)
func eth2_shardId() -> UInt32

/// Records the outcome `code` of transaction `txIndex` (codes in TokenEE.md).
@_extern(wasm, module: "env", name: "eth2_reportResult") @_extern(c)
func eth2_reportResult(_ txIndex: UInt32, _ code: UInt32)

/// Moves `amount` gwei of this EE's balance into a receipt for (dstShard, dstEE) carrying the payload;
/// returns 0, or 1 when the EE's balance on this shard is too small (nothing happens then).
@_extern(wasm, module: "env", name: "eth2_crossShardTransfer") @_extern(c)
func eth2_crossShardTransfer(
    _ dstShard: UInt32, _ dstEE: UInt32, _ amount: UInt64, _ payload: UnsafeRawPointer, _ payloadLength: UInt32
) -> UInt32

/// Claims incoming receipt `receiptIndex`: writes `u16 srcShard | u32 srcEE | u64 amount | u32 payloadLen |
/// payload` at `out` and returns its length, or returns -1 for an unknown or already claimed receipt.
@_extern(wasm, module: "env", name: "eth2_claimReceipt") @_extern(c)
func eth2_claimReceipt(_ receiptIndex: UInt32, _ out: UnsafeMutableRawPointer) -> Int32

/// Writes Keccak-256 of `length` bytes at `ptr` to the 32 bytes at `out`.
@_extern(wasm, module: "env", name: "keccak256") @_extern(c)
func host_keccak256(_ ptr: UnsafeRawPointer, _ length: UInt32, _ out: UnsafeMutableRawPointer)

/// Returns 0 and writes the 64-byte public key (x ‖ y) at `out`, or returns 1 for an invalid signature.
@_extern(wasm, module: "env", name: "secp256k1_recover") @_extern(c)
func host_secp256k1_recover(
    _ msg: UnsafeRawPointer, _ sig: UnsafeRawPointer, _ out: UnsafeMutableRawPointer
) -> UInt32

/// Stops the execution with `trap: unreachable`: the runtime keeps the pre-state root and drops every effect.
@inline(__always)
func trap() -> Never {
    fatalError()
}
