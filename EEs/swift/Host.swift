// Host functions of module `env`, as specified in Documentation/HostFunctions.md.
//
// `@_extern(c)` is required beside `@_extern(wasm, ...)`: without it the import gets Swift's calling
// convention, whose two hidden parameters (self, error) make WasmKit reject the signature. Declarations
// that an EE never calls produce no import, so every Swift EE shares this file.

@_extern(wasm, module: "env", name: "eth2_loadPreStateRoot") @_extern(c)
func eth2_loadPreStateRoot(_ ptr: UnsafeMutableRawPointer)

@_extern(wasm, module: "env", name: "eth2_blockDataSize") @_extern(c)
func eth2_blockDataSize() -> UInt32

@_extern(wasm, module: "env", name: "eth2_blockDataCopy") @_extern(c)
func eth2_blockDataCopy(_ ptr: UnsafeMutableRawPointer, _ offset: UInt32, _ length: UInt32)

@_extern(wasm, module: "env", name: "eth2_savePostStateRoot") @_extern(c)
func eth2_savePostStateRoot(_ ptr: UnsafeRawPointer)

@_extern(wasm, module: "env", name: "debug_print32") @_extern(c)
func debug_print32(_ value: UInt32)

@_extern(wasm, module: "env", name: "debug_printMemHex") @_extern(c)
func debug_printMemHex(_ ptr: UnsafeRawPointer, _ length: UInt32)

@_extern(wasm, module: "env", name: "keccak256") @_extern(c)
func host_keccak256(_ ptr: UnsafeRawPointer, _ length: UInt32, _ out: UnsafeMutableRawPointer)

@_extern(wasm, module: "env", name: "sha256") @_extern(c)
func host_sha256(_ ptr: UnsafeRawPointer, _ length: UInt32, _ out: UnsafeMutableRawPointer)

/// Returns 0 and writes the 64-byte public key (x ‖ y) at `out`, or returns 1 for an invalid signature.
@_extern(wasm, module: "env", name: "secp256k1_recover") @_extern(c)
func host_secp256k1_recover(
    _ msg: UnsafeRawPointer, _ sig: UnsafeRawPointer, _ out: UnsafeMutableRawPointer
) -> UInt32

/// Stops the execution with `trap: unreachable`: the runtime then keeps the pre-state root.
@inline(__always)
func trap() -> Never {
    fatalError()
}

/// Reads the whole block data into a fresh buffer of `prefix + size` bytes, leaving the first
/// `prefix` bytes for the caller (the EEs below put the pre-state root there).
///
/// The buffer comes from the bump allocator in runtime/rt.c (one instance per execution, never freed).
func loadBlockData(prefix: Int) -> (buffer: UnsafeMutableRawPointer, dataCount: Int) {
    let size = Int(eth2_blockDataSize())
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: prefix + size, alignment: 8)
    if size > 0 {
        eth2_blockDataCopy(buffer + prefix, 0, UInt32(size))
    }
    return (buffer, size)
}
