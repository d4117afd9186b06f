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
    /// Each known node of a level owns a 64-byte slot per state holding its two children, so every hash is written
    /// straight into its parent's slot and hashed from there: nothing is copied but the proof's hashes, once. WasmKit
    /// charges a loop body's whole size on every iteration, so the loops are kept small.
    func roots() -> (old: UnsafeRawPointer, new: UnsafeRawPointer) {
        let top = UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 8)
        if depth == 0 {
            // A single leaf (index 0) is the root; leaves are unique, so count is 1.
            _ = hashLeaves(0, old: top, new: top + 32)
            if hashCount != 0 { trap() }
            return (UnsafeRawPointer(top), UnsafeRawPointer(top + 32))
        }
        var slots = Slots(capacity: count)
        var next = Slots(capacity: count)
        var proof = hashes
        let proofEnd = hashes + (hashCount &<< 5)

        // Height 1: the leaves' parents.
        var k = 0
        var i = 0
        while i < count {
            let index = leafIndex(i)
            if k == 0 || slots.index[k &- 1] != index >> 1 {
                slots.open(k, index: index >> 1)
                k &+= 1
            }
            let slot = k &- 1
            let half = Int(index & 1) &<< 5
            if hashLeaves(i, old: slots.old(slot) + half, new: slots.new(slot) + half) { slots.dirty[slot] = true }
            slots.known[slot] |= UInt8(1 &<< (index & 1))
            i &+= 1
        }
        slots.fill(k, from: &proof, end: proofEnd)

        // Heights 2 ... depth: hash each slot into its parent's.
        var height = 1
        while height < depth {
            var parents = 0
            var s = 0
            while s < k {
                let index = slots.index[s]
                if parents == 0 || next.index[parents &- 1] != index >> 1 {
                    next.open(parents, index: index >> 1)
                    parents &+= 1
                }
                let slot = parents &- 1
                let half = Int(index & 1) &<< 5
                let changed = slots.dirty[s]
                hashChildren(slots.old(s), slots.new(s), changed, old: next.old(slot) + half, new: next.new(slot) + half)
                if changed { next.dirty[slot] = true }
                next.known[slot] |= UInt8(1 &<< (index & 1))
                s &+= 1
            }
            next.fill(parents, from: &proof, end: proofEnd)
            swap(&slots, &next)
            k = parents
            height &+= 1
        }
        // One slot is left: the root's children.
        hashChildren(slots.old(0), slots.new(0), slots.dirty[0], old: top, new: top + 32)
        if proof != proofEnd { trap() }
        return (UnsafeRawPointer(top), UnsafeRawPointer(top + 32))
    }

    /// Writes keccak256 of the 64-byte `old` slot at `parentOld`, and of the `new` slot at `parentNew` (a copy of
    /// the first when the subtree did not change).
    @inline(never)
    func hashChildren(
        _ old: UnsafeRawPointer, _ new: UnsafeRawPointer, _ changed: Bool,
        old parentOld: UnsafeMutableRawPointer, new parentNew: UnsafeMutableRawPointer
    ) {
        host_keccak256(old, 64, parentOld)
        if changed {
            host_keccak256(new, 64, parentNew)
        } else {
            parentNew.copyMemory(from: parentOld, byteCount: 32)
        }
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
}

/// The known nodes of one level, each with a 64-byte slot per state (pre and post) holding its two children's hashes.
struct Slots {
    /// Node index within its level.
    let index: UnsafeMutablePointer<UInt32>
    /// Which children are known from below: bit 0 the left one, bit 1 the right one; the other comes from the proof.
    let known: UnsafeMutablePointer<UInt8>
    /// Whether a child changed, so the post-state slot differs from the pre-state one.
    let dirty: UnsafeMutablePointer<Bool>
    let oldBase: UnsafeMutableRawPointer
    let newBase: UnsafeMutableRawPointer

    init(capacity: Int) {
        index = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
        known = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        dirty = UnsafeMutablePointer<Bool>.allocate(capacity: capacity)
        oldBase = UnsafeMutableRawPointer.allocate(byteCount: 64 * capacity, alignment: 8)
        newBase = UnsafeMutableRawPointer.allocate(byteCount: 64 * capacity, alignment: 8)
    }

    @inline(__always) func old(_ slot: Int) -> UnsafeMutableRawPointer { oldBase + (slot &<< 6) }
    @inline(__always) func new(_ slot: Int) -> UnsafeMutableRawPointer { newBase + (slot &<< 6) }

    /// Starts slot `slot` for node `index`, with no child known yet.
    @inline(__always) func open(_ slot: Int, index nodeIndex: UInt32) {
        index[slot] = nodeIndex
        known[slot] = 0
        dirty[slot] = false
    }

    /// Completes each of the first `count` slots that knows only one child with the next proof hash, in the
    /// canonical order (left to right); traps when the proof runs out.
    func fill(_ count: Int, from proof: inout UnsafeRawPointer, end: UnsafeRawPointer) {
        var slot = 0
        while slot < count {
            if known[slot] != 3 {
                if proof == end { trap() }
                complete(slot, with: proof)
                proof += 32
            }
            slot &+= 1
        }
    }

    /// Copies the 32-byte `hash` into the missing half of slot `slot`, in both states. Outlined: WasmKit would
    /// otherwise charge the copies on every iteration of the loop that calls it.
    @inline(never)
    func complete(_ slot: Int, with hash: UnsafeRawPointer) {
        let half = known[slot] == 1 ? 32 : 0
        (old(slot) + half).copyMemory(from: hash, byteCount: 32)
        (new(slot) + half).copyMemory(from: hash, byteCount: 32)
    }
}
