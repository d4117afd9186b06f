// The Patricia token EE: the token EE's accounts, transactions and rules, with the accounts in a hexary Merkle
// Patricia trie as Ethereum 1 defines it (RLP nodes, keccak256, branch/extension/leaf, keys keccak256(address)).
// A block carries signed transactions and a multiproof that sends every node on the touched paths once; the EE
// checks signatures and nonces through host precompiles, applies the valid transactions, verifies the nodes
// against the pre-state root and saves the post-state root.
//
// Block data (little-endian): u8 version=1 | u16 shardId | u32 nTx | txs | witness.
// Documentation/PatriciaTokenEE.md is the reference for every format, result code and failure.

let blockVersion: UInt8 = 1
let headerSize = 7

@_expose(wasm, "main") @_cdecl("patricia_main")
func patriciaMain() {
    let size = Int(eth2_blockDataSize())
    let data = UnsafeMutableRawPointer.allocate(byteCount: size + 8, alignment: 8)
    if size > 0 { eth2_blockDataCopy(data, 0, UInt32(size)) }

    guard size >= headerSize, data.load(as: UInt8.self) == blockVersion else { trap() }
    let shard = data.loadUnaligned(fromByteOffset: 1, as: UInt16.self)
    let txCount = Int(data.loadUnaligned(fromByteOffset: 3, as: UInt32.self))
    guard UInt32(shard) == eth2_shardId() else { trap() }

    // Transactions: find where each starts (the witness follows the last one).
    guard txCount <= (size - headerSize) / Size.receive else { trap() }
    let starts = UnsafeMutablePointer<Int>.allocate(capacity: txCount + 1)
    var position = headerSize
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

    let witness = Witness(data: data, offset: position, size: size)
    let scratch = UnsafeMutableRawPointer.allocate(byteCount: 320, alignment: 8)

    // The signed-message prefix: domain tag and shard id, at scratch[64 ..< 83).
    let tag: StaticString = "shardsim-patricia"
    (scratch + 64).copyMemory(from: tag.utf8Start, byteCount: domainTagLength)
    (scratch + 64).storeBytes(of: shard, toByteOffset: domainTagLength, as: UInt16.self)

    let executor = Executor(witness: witness, scratch: scratch)
    for i in 0..<txCount {
        eth2_reportResult(UInt32(i), executor.apply(data + starts[i]))
    }

    // No nodes: nothing was proven and nothing changed (every transaction was malformed).
    if witness.nodeCount == 0 { return }
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
