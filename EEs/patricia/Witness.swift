// The multiproof of a Patricia token block: trie nodes in depth-first pre-order, each sent once, a branch followed
// by a u16 mask of the children that follow it (formats in Documentation/PatriciaTokenEE.md).
//
// The nodes are read in place from the block data. The walk records where each node lies and which 32-byte
// reference in its parent it must hash to; the leaves' accounts (RLP [nonce, balance, address, number]) are copied
// into `balances`/`nonces`, which the token EE's transaction code (token/Transactions.swift) updates through the
// same interface as the binary token's witness: find, hasAccount, address, balances, nonces. `roots()` then hashes
// every node for the pre-state root and re-hashes, bottom-up, the nodes above a changed account for the post-state
// root, writing each new hash into its parent's reference in place.

/// Keys are keccak256(address): 64 nibbles from the root to every leaf.
let keyNibbles = 64

/// An RLP item's payload offset and length, and whether it is a list; traps unless the item lies in [pos, end).
@inline(never)
func rlpItem(_ data: UnsafeRawPointer, _ pos: Int, _ end: Int) -> (payload: Int, length: Int, isList: Bool) {
    guard pos < end else { trap() }
    let first = Int(data.load(fromByteOffset: pos, as: UInt8.self))
    if first < 0x80 { return (pos, 1, false) }
    var payload = pos &+ 1
    var length: Int
    let isList = first >= 0xc0
    let base = isList ? first &- 0xc0 : first &- 0x80
    if base < 56 {
        length = base
    } else {
        let lengthOfLength = base &- 55
        guard lengthOfLength <= 3, end &- payload >= lengthOfLength else { trap() }
        length = 0
        var i = 0
        while i < lengthOfLength {
            length = length &<< 8 | Int(data.load(fromByteOffset: payload &+ i, as: UInt8.self))
            i &+= 1
        }
        payload &+= lengthOfLength
    }
    guard end &- payload >= length else { trap() }
    return (payload, length, isList)
}

/// A big-endian RLP scalar of at most `maxBytes` bytes at `pos` (an item, not a list), ending by `end`.
func rlpScalar(_ data: UnsafeRawPointer, _ pos: Int, _ end: Int, maxBytes: Int) -> (value: UInt64, next: Int) {
    let item = rlpItem(data, pos, end)
    guard !item.isList, item.length <= maxBytes else { trap() }
    var value: UInt64 = 0
    var i = 0
    while i < item.length {
        value = value &<< 8 | UInt64(data.load(fromByteOffset: item.payload &+ i, as: UInt8.self))
        i &+= 1
    }
    return (value, item.payload &+ item.length)
}

struct Witness {
    let data: UnsafeMutableRawPointer
    /// Nodes declared and walked.
    let nodeCount: Int
    /// Per node: offset and length of its RLP, its parent (-1 for the root), the offset of the parent's 32-byte
    /// reference to it, and its leaf (-1 unless a leaf).
    let nodeStart: UnsafeMutablePointer<Int>
    let nodeLength: UnsafeMutablePointer<Int>
    let nodeParent: UnsafeMutablePointer<Int>
    let nodeReference: UnsafeMutablePointer<Int>
    let nodeLeaf: UnsafeMutablePointer<Int>
    /// Leaves (accounts) walked.
    let count: Int
    /// Per leaf: its node, account number, address offset, raw path item (header included), original and current
    /// balance and nonce.
    let leafNode: UnsafeMutablePointer<Int>
    let leafNumber: UnsafeMutablePointer<UInt32>
    let leafAddress: UnsafeMutablePointer<Int>
    let leafPathStart: UnsafeMutablePointer<Int>
    let leafPathEnd: UnsafeMutablePointer<Int>
    let originalBalances: UnsafeMutablePointer<UInt64>
    let originalNonces: UnsafeMutablePointer<UInt64>
    let balances: UnsafeMutablePointer<UInt64>
    let nonces: UnsafeMutablePointer<UInt64>
    /// Open-addressing table from account number to leaf + 1 (0 = empty), `tableMask + 1` entries.
    let table: UnsafeMutablePointer<UInt32>
    let tableMask: Int

    /// Reads the witness at `data[offset ..< size]`, which must end exactly at `size`; traps on any malformation.
    init(data: UnsafeMutableRawPointer, offset: Int, size: Int) {
        guard size &- offset >= 4 else { trap() }
        let declared = Int(data.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
        // Every node is at least one byte.
        guard declared <= size &- offset &- 4 else { trap() }
        self.data = data
        nodeCount = declared
        var walker = Walker(data: UnsafeRawPointer(data), size: size, position: offset &+ 4, declared: declared)
        if declared > 0 {
            walker.walk(parent: -1, reference: -1, depth: 0)
        }
        guard walker.nodes == declared, walker.position == size else { trap() }
        nodeStart = walker.nodeStart
        nodeLength = walker.nodeLength
        nodeParent = walker.nodeParent
        nodeReference = walker.nodeReference
        nodeLeaf = walker.nodeLeaf
        leafNode = walker.leafNode
        leafNumber = walker.leafNumber
        leafAddress = walker.leafAddress
        leafPathStart = walker.leafPathStart
        leafPathEnd = walker.leafPathEnd
        originalBalances = walker.originalBalances
        originalNonces = walker.originalNonces
        count = walker.leaves
        balances = .allocate(capacity: count &+ 1)
        nonces = .allocate(capacity: count &+ 1)
        var capacity = 4
        while capacity < 2 &* count { capacity &<<= 1 }
        tableMask = capacity &- 1
        table = .allocate(capacity: capacity)
        table.initialize(repeating: 0, count: capacity)
        var i = 0
        while i < count {
            balances[i] = originalBalances[i]
            nonces[i] = originalNonces[i]
            insert(i)
            i &+= 1
        }
    }

    @inline(__always) func slot(_ number: UInt32) -> Int { Int((number &* 0x9E37_79B1) >> 7) & tableMask }

    /// Adds leaf `i` to the number table; two leaves with one number trap.
    func insert(_ i: Int) {
        var s = slot(leafNumber[i])
        while table[s] != 0 {
            if leafNumber[Int(table[s]) &- 1] == leafNumber[i] { trap() }
            s = (s &+ 1) & tableMask
        }
        table[s] = UInt32(i &+ 1)
    }

    /// The leaf holding account `account`, or -1 if the witness does not carry it.
    func find(_ account: UInt32) -> Int {
        var s = slot(account)
        while table[s] != 0 {
            let leaf = Int(table[s]) &- 1
            if leafNumber[leaf] == account { return leaf }
            s = (s &+ 1) & tableMask
        }
        return -1
    }

    @inline(__always) func address(_ i: Int) -> UnsafeRawPointer { UnsafeRawPointer(data + leafAddress[i]) }

    /// Whether leaf `i` holds an account that may receive value (a nonzero address).
    func hasAccount(_ i: Int) -> Bool {
        let a = address(i)
        return a.loadUnaligned(fromByteOffset: 0, as: UInt64.self) != 0
            || a.loadUnaligned(fromByteOffset: 8, as: UInt64.self) != 0
            || a.loadUnaligned(fromByteOffset: 16, as: UInt32.self) != 0
    }

    /// Hashes every node for the pre-state root, checks each against its parent's reference (trapping on a
    /// mismatch), then re-hashes bottom-up every node above a changed account for the post-state root. Returns the
    /// two roots' addresses (32 bytes each). Needs `nodeCount > 0`.
    func roots() -> (old: UnsafeRawPointer, new: UnsafeRawPointer) {
        let old = UnsafeMutableRawPointer.allocate(byteCount: nodeCount &<< 5, alignment: 8)
        let new = UnsafeMutableRawPointer.allocate(byteCount: nodeCount &<< 5, alignment: 8)
        let dirty = UnsafeMutablePointer<Bool>.allocate(capacity: nodeCount)
        var i = 0
        while i < nodeCount {
            host_keccak256(data + nodeStart[i], UInt32(nodeLength[i]), old + (i &<< 5))
            dirty[i] = false
            if i > 0 { checkReference(i, old) }
            i &+= 1
        }
        // Pre-order puts children after their parent: backwards, every child is re-hashed before its parent.
        let leaf = UnsafeMutableRawPointer.allocate(byteCount: 128, alignment: 8)
        i = nodeCount
        while i > 0 {
            i &-= 1
            if rehash(i, dirty: dirty, into: new + (i &<< 5), leaf: leaf) {
                let parent = nodeParent[i]
                if parent >= 0 {
                    (data + nodeReference[i]).copyMemory(from: new + (i &<< 5), byteCount: 32)
                    dirty[parent] = true
                }
            } else if i == 0 {
                new.copyMemory(from: old, byteCount: 32)
            }
        }
        return (UnsafeRawPointer(old), UnsafeRawPointer(new))
    }

    /// Traps unless node `i`'s hash equals the 32-byte reference its parent holds for it.
    @inline(never)
    func checkReference(_ i: Int, _ hashes: UnsafeMutableRawPointer) {
        let hash = hashes + (i &<< 5)
        let reference = data + nodeReference[i]
        var w = 0
        while w < 32 {
            guard
                hash.loadUnaligned(fromByteOffset: w, as: UInt64.self)
                    == reference.loadUnaligned(fromByteOffset: w, as: UInt64.self)
            else { trap() }
            w &+= 8
        }
    }

    /// Writes node `i`'s post-state hash at `out` and returns true when it changed: a leaf whose account changed is
    /// re-encoded; a node with a changed child is re-hashed from its patched bytes.
    @inline(never)
    func rehash(
        _ i: Int, dirty: UnsafeMutablePointer<Bool>, into out: UnsafeMutableRawPointer,
        leaf buffer: UnsafeMutableRawPointer
    ) -> Bool {
        let l = nodeLeaf[i]
        if l >= 0 {
            guard balances[l] != originalBalances[l] || nonces[l] != originalNonces[l] else { return false }
            let length = encodeLeaf(l, into: buffer)
            host_keccak256(buffer, UInt32(length), out)
            return true
        }
        guard dirty[i] else { return false }
        host_keccak256(data + nodeStart[i], UInt32(nodeLength[i]), out)
        return true
    }

    /// Writes leaf `l`'s RLP with its current account, `[path, RLP([nonce, balance, address, number])]`, at `out`
    /// and returns its length (at most 83 bytes: a 34-byte path item and a 46-byte value item).
    func encodeLeaf(_ l: Int, into out: UnsafeMutableRawPointer) -> Int {
        // The account list at out + 40: its items, then its header in front of them.
        let account = out + 48
        var n = encodeScalar(nonces[l], into: account)
        n &+= encodeScalar(balances[l], into: account + n)
        (account + n).storeBytes(of: 0x94, as: UInt8.self)
        (account + (n &+ 1)).copyMemory(from: address(l), byteCount: 20)
        n &+= 21
        n &+= encodeScalar(UInt64(leafNumber[l]), into: account + n)
        // value item = 0x80 + (1 + n) | 0xc0 + n | items
        (account - 1).storeBytes(of: UInt8(0xc0 &+ n), as: UInt8.self)
        (account - 2).storeBytes(of: UInt8(0x80 &+ n &+ 1), as: UInt8.self)
        let valueStart = account - 2
        let valueLength = n &+ 2
        // path item, copied as it was, in front of the value.
        let pathLength = leafPathEnd[l] &- leafPathStart[l]
        let pathStart = valueStart - pathLength
        pathStart.copyMemory(from: data + leafPathStart[l], byteCount: pathLength)
        let payload = pathLength &+ valueLength
        if payload < 56 {
            (pathStart - 1).storeBytes(of: UInt8(0xc0 &+ payload), as: UInt8.self)
            out.copyMemory(from: pathStart - 1, byteCount: payload &+ 1)
            return payload &+ 1
        }
        (pathStart - 2).storeBytes(of: 0xf8, as: UInt8.self)
        (pathStart - 1).storeBytes(of: UInt8(payload), as: UInt8.self)
        out.copyMemory(from: pathStart - 2, byteCount: payload &+ 2)
        return payload &+ 2
    }

    /// Writes `value` as an RLP scalar at `out` and returns its length.
    func encodeScalar(_ value: UInt64, into out: UnsafeMutableRawPointer) -> Int {
        if value == 0 {
            out.storeBytes(of: 0x80, as: UInt8.self)
            return 1
        }
        if value < 0x80 {
            out.storeBytes(of: UInt8(value), as: UInt8.self)
            return 1
        }
        var bytes = 0
        var rest = value
        while rest != 0 {
            bytes &+= 1
            rest &>>= 8
        }
        out.storeBytes(of: UInt8(0x80 &+ bytes), as: UInt8.self)
        var i = 0
        while i < bytes {
            (out + (1 &+ i)).storeBytes(
                of: UInt8(truncatingIfNeeded: value &>> UInt64(8 &* (bytes &- 1 &- i))), as: UInt8.self)
            i &+= 1
        }
        return bytes &+ 1
    }
}

/// The pre-order walk over the witness's nodes.
struct Walker {
    let data: UnsafeRawPointer
    let size: Int
    var position: Int
    let declared: Int
    var nodes = 0
    var leaves = 0
    // What the walk records, per node and per leaf (see Witness).
    let nodeStart: UnsafeMutablePointer<Int>
    let nodeLength: UnsafeMutablePointer<Int>
    let nodeParent: UnsafeMutablePointer<Int>
    let nodeReference: UnsafeMutablePointer<Int>
    let nodeLeaf: UnsafeMutablePointer<Int>
    let leafNode: UnsafeMutablePointer<Int>
    let leafNumber: UnsafeMutablePointer<UInt32>
    let leafAddress: UnsafeMutablePointer<Int>
    let leafPathStart: UnsafeMutablePointer<Int>
    let leafPathEnd: UnsafeMutablePointer<Int>
    let originalBalances: UnsafeMutablePointer<UInt64>
    let originalNonces: UnsafeMutablePointer<UInt64>

    /// A walk of at most `declared` nodes (each at least one byte, so `declared` is bounded by the data).
    init(data: UnsafeRawPointer, size: Int, position: Int, declared: Int) {
        self.data = data
        self.size = size
        self.position = position
        self.declared = declared
        let capacity = declared &+ 1
        nodeStart = .allocate(capacity: capacity)
        nodeLength = .allocate(capacity: capacity)
        nodeParent = .allocate(capacity: capacity)
        nodeReference = .allocate(capacity: capacity)
        nodeLeaf = .allocate(capacity: capacity)
        leafNode = .allocate(capacity: capacity)
        leafNumber = .allocate(capacity: capacity)
        leafAddress = .allocate(capacity: capacity)
        leafPathStart = .allocate(capacity: capacity)
        leafPathEnd = .allocate(capacity: capacity)
        originalBalances = .allocate(capacity: capacity)
        originalNonces = .allocate(capacity: capacity)
    }

    /// Reads the node at `position`, `depth` nibbles below the root, then the children that follow it.
    mutating func walk(parent: Int, reference: Int, depth: Int) {
        guard nodes < declared else { trap() }
        let start = position
        let node = rlpItem(data, start, size)
        guard node.isList else { trap() }
        let end = node.payload &+ node.length
        let index = nodes
        nodes &+= 1
        nodeStart[index] = start
        nodeLength[index] = end &- start
        nodeParent[index] = parent
        nodeReference[index] = reference
        nodeLeaf[index] = -1
        position = end
        var items = 0
        var p = node.payload
        while p < end {
            let item = rlpItem(data, p, end)
            p = item.payload &+ item.length
            items &+= 1
        }
        if items == 17 {
            branch(index: index, payload: node.payload, end: end, depth: depth)
        } else if items == 2 {
            shortNode(index: index, payload: node.payload, end: end, depth: depth)
        } else {
            trap()
        }
    }

    /// A branch: its mask follows its RLP; each child it names must be a 32-byte hash reference and is walked.
    mutating func branch(index: Int, payload: Int, end: Int, depth: Int) {
        guard size &- position >= 2, depth < keyNibbles else { trap() }
        let mask = Int(data.loadUnaligned(fromByteOffset: position, as: UInt16.self))
        position &+= 2
        var p = payload
        var nibble = 0
        while nibble < 16 {
            let item = rlpItem(data, p, end)
            if mask &>> nibble & 1 == 1 {
                guard !item.isList, item.length == 32, item.payload == p &+ 1 else { trap() }
                walk(parent: index, reference: item.payload, depth: depth &+ 1)
            }
            p = item.payload &+ item.length
            nibble &+= 1
        }
    }

    /// A leaf or an extension: a hex-prefix path, then the value (leaf) or the child's 32-byte reference.
    mutating func shortNode(index: Int, payload: Int, end: Int, depth: Int) {
        let path = rlpItem(data, payload, end)
        guard !path.isList, path.length >= 1 else { trap() }
        let first = Int(data.load(fromByteOffset: path.payload, as: UInt8.self))
        let flag = first &>> 4
        guard flag <= 3, flag & 1 == 1 || first & 0x0f == 0 else { trap() }
        let nibbles = 2 &* (path.length &- 1) &+ (flag & 1)
        let second = path.payload &+ path.length
        if flag >= 2 {
            guard depth &+ nibbles == keyNibbles else { trap() }
            leaf(index: index, pathStart: payload, pathEnd: second, valueAt: second, end: end)
        } else {
            guard nibbles >= 1, depth &+ nibbles < keyNibbles else { trap() }
            let child = rlpItem(data, second, end)
            guard !child.isList, child.length == 32, child.payload == second &+ 1 else { trap() }
            walk(parent: index, reference: child.payload, depth: depth &+ nibbles)
        }
    }

    /// A leaf's value: a string holding RLP([nonce, balance, address (20), number]).
    mutating func leaf(index: Int, pathStart: Int, pathEnd: Int, valueAt: Int, end: Int) {
        let value = rlpItem(data, valueAt, end)
        guard !value.isList else { trap() }
        let valueEnd = value.payload &+ value.length
        let list = rlpItem(data, value.payload, valueEnd)
        guard list.isList, list.payload &+ list.length == valueEnd else { trap() }
        let nonce = rlpScalar(data, list.payload, valueEnd, maxBytes: 8)
        let balance = rlpScalar(data, nonce.next, valueEnd, maxBytes: 8)
        let address = rlpItem(data, balance.next, valueEnd)
        guard !address.isList, address.length == 20 else { trap() }
        let number = rlpScalar(data, address.payload &+ 20, valueEnd, maxBytes: 4)
        guard number.next == valueEnd else { trap() }
        let l = leaves
        leaves &+= 1
        nodeLeaf[index] = l
        leafNode[l] = index
        leafNumber[l] = UInt32(truncatingIfNeeded: number.value)
        leafAddress[l] = address.payload
        leafPathStart[l] = pathStart
        leafPathEnd[l] = pathEnd
        originalBalances[l] = balance.value
        originalNonces[l] = nonce.value
    }
}
