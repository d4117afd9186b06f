// sha256_chain: post = sha256(pre ‖ blockData), through the host `sha256` precompile.

@_expose(wasm, "main") @_cdecl("ee_main")
func eeMain() {
    let (buffer, dataCount) = loadBlockData(prefix: 32)
    eth2_loadPreStateRoot(buffer)
    withUnsafeTemporaryAllocation(byteCount: 32, alignment: 8) { post in
        host_sha256(buffer, UInt32(32 + dataCount), post.baseAddress!)
        eth2_savePostStateRoot(post.baseAddress!)
    }
}
