// ecrecover: block data = msgHash(32) ‖ signature(65: r ‖ s ‖ recovery id 0–3).
//
// The host `secp256k1_recover` precompile recovers the signer's 64-byte public key (x ‖ y); on success
// post = keccak256(pre ‖ pubkey) through the host `keccak256` precompile. Any other data length, or a
// signature the host rejects, traps, so the root stays the pre-state root.

@_expose(wasm, "main") @_cdecl("ee_main")
func eeMain() {
    let size = eth2_blockDataSize()
    guard size == 32 + 65 else { trap() }
    // Layout of one scratch area: [0, 32) msgHash, [32, 97) signature, [128, 160) pre, [160, 224) pubkey.
    withUnsafeTemporaryAllocation(byteCount: 256, alignment: 8) { scratch in
        let base = scratch.baseAddress!
        eth2_blockDataCopy(base, 0, size)
        let preAndKey = base + 128
        eth2_loadPreStateRoot(preAndKey)
        guard host_secp256k1_recover(base, base + 32, preAndKey + 32) == 0 else { trap() }
        host_keccak256(preAndKey, 32 + 64, base)
        eth2_savePostStateRoot(base)
    }
}
