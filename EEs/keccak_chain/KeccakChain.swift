// keccak_chain: post = keccak256(pre ‖ blockData), hashed inside wasm by Keccak.swift.
//
// The same function as keccak_host (which asks the host precompile), so the two EEs must agree on every
// test vector: a cross-check of the interpreter against the native Keccak.

@_expose(wasm, "main") @_cdecl("ee_main")
func eeMain() {
    let (buffer, dataCount) = loadBlockData(prefix: 32)
    eth2_loadPreStateRoot(buffer)
    withUnsafeTemporaryAllocation(byteCount: 32, alignment: 8) { post in
        keccak256(buffer, 32 + dataCount, post.baseAddress!)
        eth2_savePostStateRoot(post.baseAddress!)
    }
}
