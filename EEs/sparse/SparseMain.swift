// The sparse Merkle tree token EE: the token EE's users, transactions and signatures, with accounts in a
// 256-level sparse Merkle tree keyed by keccak256(address) whose root is the EE's state root. A block carries
// signed transactions and a zero-subtree-compressed multiproof of every account they touch; the EE checks
// signatures and nonces through host precompiles, applies the valid transactions, verifies the proof against the
// pre-state root and saves the post-state root, in one pass over the proof.
//
// Block data (little-endian): u8 version=1 | u8 reserved=0 | u16 shardId | u32 nTx | txs | witness.
// Documentation/SparseTokenEE.md is the reference for every format; the transactions, result codes and failures
// are the token EE's (Documentation/TokenEE.md, token/Transactions.swift), signed under their own domain tag.

let blockVersion: UInt8 = 1

@_expose(wasm, "main") @_cdecl("sparse_main")
func sparseMain() {
    let size = Int(eth2_blockDataSize())
    let data = UnsafeMutableRawPointer.allocate(byteCount: size + 8, alignment: 8)
    if size > 0 { eth2_blockDataCopy(data, 0, UInt32(size)) }

    // Header: a wrong version or another shard's block is not a block for this EE here.
    guard size >= 8, data.load(as: UInt8.self) == blockVersion, data.load(fromByteOffset: 1, as: UInt8.self) == 0
    else { trap() }
    let shard = data.loadUnaligned(fromByteOffset: 2, as: UInt16.self)
    let txCount = Int(data.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
    guard UInt32(shard) == eth2_shardId() else { trap() }

    // Transactions: find where each starts (the witness follows the last one).
    guard txCount <= (size - 8) / Size.receive else { trap() }
    let starts = UnsafeMutablePointer<Int>.allocate(capacity: txCount + 1)
    var position = 8
    for i in 0..<txCount {
        guard position < size else { trap() }
        let length: Int
        switch data.load(fromByteOffset: position, as: UInt8.self) {
        case Kind.transfer: length = Size.transfer
        case Kind.send: length = Size.send
        case Kind.receive: length = Size.receive
        default: trap()
        }
        guard size - position >= length else { trap() }
        starts[i] = position
        position += length
    }

    let scratch = UnsafeMutableRawPointer.allocate(byteCount: 320, alignment: 8)
    let witness = Witness(data: data, offset: position, size: size, scratch: scratch)

    // The signed-message prefix: domain tag and shard id, at scratch[64 ..< 83). The tag differs from the token
    // EE's so that a transfer signed for one cannot be replayed in the other by the same user.
    let tag: StaticString = "shardsim-sparse-1"
    (scratch + 64).copyMemory(from: tag.utf8Start, byteCount: domainTagLength)
    (scratch + 64).storeBytes(of: shard, toByteOffset: domainTagLength, as: UInt16.self)

    let executor = Executor(witness: witness, scratch: scratch)
    for i in 0..<txCount {
        eth2_reportResult(UInt32(i), executor.apply(data + starts[i]))
    }

    // No leaves: nothing was proven and nothing changed (every transaction was malformed).
    if witness.count == 0 {
        guard witness.siblingCount == 0 else { trap() }
        return
    }
    let (old, new) = witness.roots()
    let pre = scratch + 256
    eth2_loadPreStateRoot(pre)
    for i in 0..<4 {
        guard
            old.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)
                == pre.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)
        else { trap() }
    }
    eth2_savePostStateRoot(new)
}
