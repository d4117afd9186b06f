// The zero-subtree-compressed multiproof of a sparse token block and the accounts it carries (formats in
// Documentation/SparseTokenEE.md).
//
// Leaves are read in place from the block data; each one's key, keccak256(address), is computed here (the EE
// never trusts a position it is given). Balances and nonces are copied into `balances`/`nonces`, which the
// transactions update. `roots()` then hashes the proof once, leaf by leaf in key order with a stack of pending left
// subtrees, keeping the pre-state and post-state hash of every node side by side, so one pass both verifies the
// witness and gives the post-state root.

/// Bytes per witness leaf: u32 account, address(20), u64 balance, u64 nonce. The leaf hash is keccak256 of
/// exactly these 40 bytes.
let leafStride = 40
/// Levels below the root: keys are 256-bit.
let treeHeight = 256
/// "No neighbour on this side": above the root.
let noMerge = 257

struct Witness {
    /// The leaves, `count × leafStride` bytes inside the block data, sorted by key.
    let leaves: UnsafeRawPointer
    let count: Int
    /// The key of each leaf, 32 bytes each, big-endian (byte 0 holds the bits nearest the root).
    let keys: UnsafeMutableRawPointer
    /// One bit per sibling the proof consumes, in consumption order (bit `j` is bit `j & 7` of byte `j >> 3`):
    /// 1 = the empty subtree of that height, 0 = the next proof hash.
    let bitmap: UnsafeRawPointer
    let siblingCount: Int
    /// The proof hashes, `hashCount × 32` bytes, the siblings whose bit is 0, in consumption order.
    let hashes: UnsafeRawPointer
    let hashCount: Int
    /// Current balance and nonce of each leaf, updated by the transactions.
    let balances: UnsafeMutablePointer<UInt64>
    let nonces: UnsafeMutablePointer<UInt64>
    /// 64 bytes for hashing a leaf.
    let scratch: UnsafeMutableRawPointer

    /// Reads the witness at `data[offset ..< size]`, which must end exactly at `size`; traps on any malformation
    /// (counts that overrun the data, keys not strictly increasing, bitmap padding bits set, a hash count that
    /// is not the bitmap's number of zero bits).
    init(data: UnsafeRawPointer, offset: Int, size: Int, scratch: UnsafeMutableRawPointer) {
        var position = offset
        guard size - position >= 4 else { trap() }
        let count = Int(data.loadUnaligned(fromByteOffset: position, as: UInt32.self))
        position += 4
        guard count <= (size - position) / leafStride else { trap() }
        let leaves = data + position
        position += count * leafStride
        guard size - position >= 4 else { trap() }
        let siblingCount = Int(data.loadUnaligned(fromByteOffset: position, as: UInt32.self))
        position += 4
        let bitmapBytes = (siblingCount + 7) >> 3
        guard bitmapBytes <= size - position else { trap() }
        let bitmap = data + position
        position += bitmapBytes
        var empties = 0
        for byte in 0..<bitmapBytes {
            empties += Int(bitmap.load(fromByteOffset: byte, as: UInt8.self).nonzeroBitCount)
        }
        if siblingCount & 7 != 0 {
            let padding = bitmap.load(fromByteOffset: bitmapBytes - 1, as: UInt8.self) >> UInt8(siblingCount & 7)
            guard padding == 0 else { trap() }
        }
        let hashCount = siblingCount - empties
        guard (size - position) >> 5 == hashCount, (size - position) & 31 == 0 else { trap() }
        self.leaves = leaves
        self.count = count
        self.bitmap = bitmap
        self.siblingCount = siblingCount
        self.hashes = data + position
        self.hashCount = hashCount
        self.scratch = scratch
        keys = UnsafeMutableRawPointer.allocate(byteCount: 32 * (count + 1), alignment: 8)
        balances = UnsafeMutablePointer<UInt64>.allocate(capacity: count + 1)
        nonces = UnsafeMutablePointer<UInt64>.allocate(capacity: count + 1)
        for i in 0..<count {
            host_keccak256(address(i), 20, keys + 32 * i)
            guard i == 0 || lcaHeight(i - 1) > 0 else { trap() }
            balances[i] = originalBalance(i)
            nonces[i] = originalNonce(i)
        }
    }

    @inline(__always) func account(_ i: Int) -> UInt32 {
        leaves.loadUnaligned(fromByteOffset: i * leafStride, as: UInt32.self)
    }
    @inline(__always) func address(_ i: Int) -> UnsafeRawPointer { leaves + (i * leafStride + 4) }
    @inline(__always) func originalBalance(_ i: Int) -> UInt64 {
        leaves.loadUnaligned(fromByteOffset: i * leafStride + 24, as: UInt64.self)
    }
    @inline(__always) func originalNonce(_ i: Int) -> UInt64 {
        leaves.loadUnaligned(fromByteOffset: i * leafStride + 32, as: UInt64.self)
    }

    /// Word `w` (0 = most significant) of leaf `i`'s key, as a number.
    @inline(__always) func keyWord(_ i: Int, _ w: Int) -> UInt64 {
        keys.load(fromByteOffset: 32 &* i &+ 8 &* w, as: UInt64.self).byteSwapped
    }

    /// 0 when leaf `i`'s ancestor at `height` is a left child, 32 when it is a right child (the byte offset of its
    /// half in its parent's 64-byte preimage); 0 for the root (height 256).
    @inline(__always) func half(_ i: Int, _ height: Int) -> Int {
        if height == treeHeight { return 0 }
        let byte = keys.load(fromByteOffset: 32 &* i &+ 31 &- (height &>> 3), as: UInt8.self)
        return Int((byte &>> UInt8(height & 7)) & 1) &<< 5
    }

    /// The height of the lowest common ancestor of leaves `i` and `i + 1` (1 … 256), or 0 when their keys are not
    /// strictly increasing (equal, or the second below the first).
    func lcaHeight(_ i: Int) -> Int {
        var w = 0
        while w < 4 {
            let a = keyWord(i, w)
            let b = keyWord(i &+ 1, w)
            if a != b {
                if a > b { return 0 }
                return (3 &- w) &* 64 &+ 64 &- (a ^ b).leadingZeroBitCount
            }
            w &+= 1
        }
        return 0
    }

    /// Whether leaf `i` holds an account (its address is not all zero). Only accounts receive value.
    func hasAccount(_ i: Int) -> Bool {
        let a = address(i)
        return a.loadUnaligned(fromByteOffset: 0, as: UInt64.self) != 0
            || a.loadUnaligned(fromByteOffset: 8, as: UInt64.self) != 0
            || a.loadUnaligned(fromByteOffset: 16, as: UInt32.self) != 0
    }

    /// The position in the witness of account `account`, or -1 if the witness does not carry it. Leaves are sorted
    /// by key, not by account, so this scans; a block touches a few hundred accounts at most.
    func find(_ account: UInt32) -> Int {
        var i = 0
        while i < count {
            if leaves.loadUnaligned(fromByteOffset: i &* leafStride, as: UInt32.self) == account { return i }
            i &+= 1
        }
        return -1
    }

    /// Writes leaf `i`'s pre-state hash (keccak256 of its 40 witness bytes) at `old` and its post-state hash at
    /// `new`; returns whether they differ.
    @inline(never)
    func hashLeaves(_ i: Int, old: UnsafeMutableRawPointer, new: UnsafeMutableRawPointer) -> Bool {
        host_keccak256(leaves + i * leafStride, UInt32(leafStride), old)
        let changed = balances[i] != originalBalance(i) || nonces[i] != originalNonce(i)
        if changed {
            scratch.copyMemory(from: leaves + i * leafStride, byteCount: 24)
            scratch.storeBytes(of: balances[i], toByteOffset: 24, as: UInt64.self)
            scratch.storeBytes(of: nonces[i], toByteOffset: 32, as: UInt64.self)
            host_keccak256(scratch, UInt32(leafStride), new)
        } else {
            new.copyMemory(from: old, byteCount: 32)
        }
        return changed
    }

    /// Hashes the proof with the original leaves (pre-state) and the current ones (post-state) side by side, and
    /// returns the two roots' addresses (32 bytes each). Traps unless the proof has exactly the siblings the
    /// canonical order consumes. Needs `count > 0`.
    ///
    /// Leaves are taken in key order. Each is raised, one sibling per level, until the height where it meets a
    /// neighbour: the lowest common ancestor with the previous leaves' subtree waiting on the stack (then the two
    /// are hashed together and the result keeps rising) or with the next leaf (then it waits on the stack). The
    /// siblings are consumed in exactly this order; the last leaf rises to the root.
    func roots() -> (old: UnsafeRawPointer, new: UnsafeRawPointer) {
        let path = Path(witness: self)
        var sp = 0
        var i = 0
        while i < count {
            var half = self.half(i, 0)
            var dirty = hashLeaves(i, old: path.old + half, new: path.new + half)
            var height = 0
            let right = i &+ 1 < count ? lcaHeight(i) : noMerge
            while true {
                let left = sp > 0 ? path.merge[sp &- 1] : noMerge
                let goal = left < right ? left : right
                if goal == noMerge {
                    _ = path.raise(self, leaf: i, from: height, to: treeHeight, half: half, dirty: dirty)
                    break
                }
                half = path.raise(self, leaf: i, from: height, to: goal &- 1, half: half, dirty: dirty)
                height = goal &- 1
                if left < right {
                    sp &-= 1
                    dirty = path.mergeLeft(sp, half: self.half(i, left), dirty: dirty)
                    half = self.half(i, left)
                    height = left
                } else {
                    path.push(sp, half: half, merge: right, dirty: dirty)
                    sp &+= 1
                    break
                }
            }
            i &+= 1
        }
        if path.cursor[0] != siblingCount { trap() }
        return (UnsafeRawPointer(path.old), UnsafeRawPointer(path.new))
    }
}

/// The working memory of ``Witness/roots()``: the current node's 64-byte preimage per state, the stack of left
/// subtrees waiting for their right neighbour, the empty subtree hashes and the proof cursor.
struct Path {
    /// The preimage being built for each state; the current node sits in one half.
    let old: UnsafeMutableRawPointer
    let new: UnsafeMutableRawPointer
    /// Pending left subtrees: their hashes per state, the height they merge at, whether they changed.
    let stackOld: UnsafeMutableRawPointer
    let stackNew: UnsafeMutableRawPointer
    let merge: UnsafeMutablePointer<Int>
    let stackDirty: UnsafeMutablePointer<Bool>
    /// E_h = keccak256(E_{h-1} ‖ E_{h-1}), E_0 = 32 zero bytes, for h = 0 … 255.
    let empties: UnsafeMutableRawPointer
    /// [0]: siblings consumed so far; [1]: proof hashes consumed so far.
    let cursor: UnsafeMutablePointer<Int>
    let bitmap: UnsafeRawPointer
    let hashes: UnsafeRawPointer
    let siblingCount: Int

    init(witness: Witness) {
        old = UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 8)
        new = UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 8)
        stackOld = UnsafeMutableRawPointer.allocate(byteCount: 32 * witness.count, alignment: 8)
        stackNew = UnsafeMutableRawPointer.allocate(byteCount: 32 * witness.count, alignment: 8)
        merge = UnsafeMutablePointer<Int>.allocate(capacity: witness.count)
        stackDirty = UnsafeMutablePointer<Bool>.allocate(capacity: witness.count)
        empties = UnsafeMutableRawPointer.allocate(byteCount: 32 * treeHeight, alignment: 8)
        cursor = UnsafeMutablePointer<Int>.allocate(capacity: 2)
        cursor[0] = 0
        cursor[1] = 0
        bitmap = witness.bitmap
        hashes = witness.hashes
        siblingCount = witness.siblingCount
        empties.initializeMemory(as: UInt8.self, repeating: 0, count: 32)
        var h = 1
        while h < treeHeight {
            old.copyMemory(from: empties + 32 * (h - 1), byteCount: 32)
            (old + 32).copyMemory(from: empties + 32 * (h - 1), byteCount: 32)
            host_keccak256(old, 64, empties + 32 * h)
            h += 1
        }
    }

    /// Raises leaf `leaf`'s current node, sitting at `half` of the preimages, from height `from` to `to`, one
    /// sibling per level; returns the half it sits in at `to`.
    func raise(_ witness: Witness, leaf: Int, from: Int, to: Int, half: Int, dirty: Bool) -> Int {
        var half = half
        var height = from
        while height < to {
            place(sibling(height), at: 32 &- half, dirty: dirty)
            height &+= 1
            half = witness.half(leaf, height)
            hash(into: half, dirty: dirty)
        }
        return half
    }

    /// The next sibling, of `height`: the empty subtree or the next proof hash. Traps when the proof runs out.
    @inline(never)
    func sibling(_ height: Int) -> UnsafeRawPointer {
        let j = cursor[0]
        if j == siblingCount { trap() }
        cursor[0] = j &+ 1
        if (bitmap.load(fromByteOffset: j &>> 3, as: UInt8.self) &>> UInt8(j & 7)) & 1 == 1 {
            return UnsafeRawPointer(empties + (height &<< 5))
        }
        let k = cursor[1]
        cursor[1] = k &+ 1
        return hashes + (k &<< 5)
    }

    /// Copies a sibling into the other half of the preimages (only the pre-state's when nothing below changed:
    /// the post-state preimage is then not hashed).
    @inline(never)
    func place(_ sibling: UnsafeRawPointer, at half: Int, dirty: Bool) {
        (old + half).copyMemory(from: sibling, byteCount: 32)
        if dirty { (new + half).copyMemory(from: sibling, byteCount: 32) }
    }

    /// Hashes each preimage into its own `half` (the parent's position in the next preimage); when nothing below
    /// changed, the post-state hash is a copy of the pre-state one.
    @inline(never)
    func hash(into half: Int, dirty: Bool) {
        host_keccak256(old, 64, old + half)
        if dirty {
            host_keccak256(new, 64, new + half)
        } else {
            (new + half).copyMemory(from: old + half, byteCount: 32)
        }
    }

    /// Hashes stack entry `slot` (the left child) with the current node (the right child, at half 32) into
    /// `half`; returns whether either changed.
    @inline(never)
    func mergeLeft(_ slot: Int, half: Int, dirty: Bool) -> Bool {
        let changed = dirty || stackDirty[slot]
        old.copyMemory(from: stackOld + (slot &<< 5), byteCount: 32)
        new.copyMemory(from: stackNew + (slot &<< 5), byteCount: 32)
        hash(into: half, dirty: changed)
        return changed
    }

    /// Stores the current node (at `half`) as stack entry `slot`, to merge at height `merge`.
    @inline(never)
    func push(_ slot: Int, half: Int, merge height: Int, dirty: Bool) {
        (stackOld + (slot &<< 5)).copyMemory(from: old + half, byteCount: 32)
        (stackNew + (slot &<< 5)).copyMemory(from: new + half, byteCount: 32)
        merge[slot] = height
        stackDirty[slot] = dirty
    }
}
