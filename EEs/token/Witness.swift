// The multiproof of a token block and the accounts it carries (formats in Documentation/TokenEE.md).
//
// Leaves are read in place from the block data; balances and nonces are copied into `balances`/`nonces`,
// which the transactions update. `roots()` then hashes the proof once, bottom-up, keeping the pre-state
// hash and the post-state hash of every node side by side, so one pass both verifies the witness and
// gives the post-state root.

/// Bytes per witness leaf: u32 index, address(20), u64 balance, u64 nonce.
let leafStride = 40

struct Witness {
    /// Tree depth from the block header (capacity 2^depth leaves).
    let depth: Int
    /// The leaves, `count × leafStride` bytes inside the block data, sorted by index.
    let leaves: UnsafeRawPointer
    let count: Int
    /// The proof hashes, `hashCount × 32` bytes inside the block data, in canonical order.
    let hashes: UnsafeRawPointer
    let hashCount: Int
    /// Current balance and nonce of each leaf, updated by the transactions.
    let balances: UnsafeMutablePointer<UInt64>
    let nonces: UnsafeMutablePointer<UInt64>
    /// 64 bytes for hashing a pair of nodes or a leaf.
    let scratch: UnsafeMutableRawPointer

    /// Reads the witness at `data[offset ..< size]`, which must end exactly at `size`; traps on any malformation
    /// (counts that overrun the data, indices not strictly increasing or outside the tree).
    init(depth: Int, data: UnsafeRawPointer, offset: Int, size: Int, scratch: UnsafeMutableRawPointer) {
        var position = offset
        guard size - position >= 4 else { trap() }
        let count = Int(data.loadUnaligned(fromByteOffset: position, as: UInt32.self))
        position += 4
        guard count <= (size - position) / leafStride else { trap() }
        let leaves = data + position
        position += count * leafStride
        guard size - position >= 4 else { trap() }
        let hashCount = Int(data.loadUnaligned(fromByteOffset: position, as: UInt32.self))
        position += 4
        guard hashCount <= (size - position) / 32, size - position == hashCount * 32 else { trap() }
        self.depth = depth
        self.leaves = leaves
        self.count = count
        self.hashes = data + position
        self.hashCount = hashCount
        self.scratch = scratch
        balances = UnsafeMutablePointer<UInt64>.allocate(capacity: count + 1)
        nonces = UnsafeMutablePointer<UInt64>.allocate(capacity: count + 1)
        let limit: UInt64 = 1 << UInt64(depth)
        var previous: UInt64 = 0
        for i in 0..<count {
            let index = UInt64(leafIndex(i))
            guard index < limit, i == 0 || index > previous else { trap() }
            previous = index
            balances[i] = originalBalance(i)
            nonces[i] = originalNonce(i)
        }
    }

    @inline(__always) func leafIndex(_ i: Int) -> UInt32 {
        leaves.loadUnaligned(fromByteOffset: i * leafStride, as: UInt32.self)
    }
    @inline(__always) func address(_ i: Int) -> UnsafeRawPointer { leaves + (i * leafStride + 4) }
    @inline(__always) func originalBalance(_ i: Int) -> UInt64 {
        leaves.loadUnaligned(fromByteOffset: i * leafStride + 24, as: UInt64.self)
    }
    @inline(__always) func originalNonce(_ i: Int) -> UInt64 {
        leaves.loadUnaligned(fromByteOffset: i * leafStride + 32, as: UInt64.self)
    }

    /// Whether leaf `i` holds an account (its address is not all zero). Only accounts receive value.
    func hasAccount(_ i: Int) -> Bool {
        let a = address(i)
        return a.loadUnaligned(fromByteOffset: 0, as: UInt64.self) != 0
            || a.loadUnaligned(fromByteOffset: 8, as: UInt64.self) != 0
            || a.loadUnaligned(fromByteOffset: 16, as: UInt32.self) != 0
    }

    /// The position in the witness of tree leaf `account`, or -1 if the witness does not carry it.
    func find(_ account: UInt32) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) >> 1
            let index = leafIndex(mid)
            if index == account { return mid }
            if index < account { low = mid + 1 } else { high = mid }
        }
        return -1
    }

    /// Writes the leaf hash of (address of leaf i, balance, nonce) at `out`: 32 zero bytes for the empty leaf
    /// (zero address, balance and nonce), otherwise keccak256(address ‖ le64 balance ‖ le64 nonce).
    func hashLeaf(_ i: Int, balance: UInt64, nonce: UInt64, into out: UnsafeMutableRawPointer) {
        if balance == 0 && nonce == 0 && !hasAccount(i) {
            out.initializeMemory(as: UInt8.self, repeating: 0, count: 32)
            return
        }
        scratch.copyMemory(from: address(i), byteCount: 20)
        scratch.storeBytes(of: balance, toByteOffset: 20, as: UInt64.self)
        scratch.storeBytes(of: nonce, toByteOffset: 28, as: UInt64.self)
        host_keccak256(scratch, 36, out)
    }

    /// Hashes the proof bottom-up with the original leaves (pre-state) and the current ones (post-state) side by
    /// side, and returns the two roots' addresses (32 bytes each). A subtree no transaction changed is hashed
    /// once. Traps unless the proof has exactly the hashes the canonical order asks for. Needs `count > 0`.
    ///
    /// WasmKit charges a loop body's whole size on every iteration, whichever branches run, so the loop stays small:
    /// hashing is outlined (`hashPair`) and the arithmetic wraps (the counts were bounded when the witness was read).
    func roots() -> (old: UnsafeRawPointer, new: UnsafeRawPointer) {
        var k = count
        let indices = UnsafeMutablePointer<UInt32>.allocate(capacity: k)
        let old = UnsafeMutableRawPointer.allocate(byteCount: 32 * k, alignment: 8)
        let new = UnsafeMutableRawPointer.allocate(byteCount: 32 * k, alignment: 8)
        let dirty = UnsafeMutablePointer<Bool>.allocate(capacity: k)
        var i = 0
        while i < k {
            indices[i] = leafIndex(i)
            dirty[i] = hashLeaves(i, old: old + (i &<< 5), new: new + (i &<< 5))
            i &+= 1
        }
        var proof = hashes
        let proofEnd = hashes + (hashCount &<< 5)
        var level = 0
        while level < depth {
            var j = 0
            var out = 0
            while j < k {
                let index = indices[j]
                var leftOld = UnsafeRawPointer(old + (j &<< 5))
                var leftNew = UnsafeRawPointer(new + (j &<< 5))
                var rightOld = leftOld
                var rightNew = leftNew
                var changed = dirty[j]
                if index & 1 == 0 {
                    if j &+ 1 < k && indices[j &+ 1] == index | 1 {
                        rightOld = leftOld + 32
                        rightNew = leftNew + 32
                        changed = changed || dirty[j &+ 1]
                        j &+= 1
                    } else {
                        if proof == proofEnd { trap() }
                        rightOld = proof
                        rightNew = proof
                        proof += 32
                    }
                } else {
                    if proof == proofEnd { trap() }
                    leftOld = proof
                    leftNew = proof
                    proof += 32
                }
                j &+= 1
                // Both children are copied into the scratch before a parent overwrites slot `out` (out < j),
                // and the old and new hashes live in separate arrays.
                let parentOld = old + (out &<< 5)
                let parentNew = new + (out &<< 5)
                hashPair(leftOld, rightOld, into: parentOld)
                if changed {
                    hashPair(leftNew, rightNew, into: parentNew)
                } else {
                    parentNew.copyMemory(from: parentOld, byteCount: 32)
                }
                dirty[out] = changed
                indices[out] = index >> 1
                out &+= 1
            }
            k = out
            level &+= 1
        }
        if proof != proofEnd { trap() }
        return (UnsafeRawPointer(old), UnsafeRawPointer(new))
    }

    /// Writes leaf `i`'s pre-state hash at `old` and its post-state hash at `new`; returns whether they differ.
    @inline(never)
    func hashLeaves(_ i: Int, old: UnsafeMutableRawPointer, new: UnsafeMutableRawPointer) -> Bool {
        hashLeaf(i, balance: originalBalance(i), nonce: originalNonce(i), into: old)
        let changed = balances[i] != originalBalance(i) || nonces[i] != originalNonce(i)
        if changed {
            hashLeaf(i, balance: balances[i], nonce: nonces[i], into: new)
        } else {
            new.copyMemory(from: old, byteCount: 32)
        }
        return changed
    }

    /// Writes keccak256(left ‖ right) at `out`, through the scratch (so `out` may be `left` or `right`).
    @inline(never)
    func hashPair(_ left: UnsafeRawPointer, _ right: UnsafeRawPointer, into out: UnsafeMutableRawPointer) {
        scratch.copyMemory(from: left, byteCount: 32)
        (scratch + 32).copyMemory(from: right, byteCount: 32)
        host_keccak256(scratch, 64, out)
    }
}
