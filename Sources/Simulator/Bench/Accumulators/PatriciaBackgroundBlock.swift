import Beacon
import Foundation
import Shard

/// A Patricia token block over a trie of `stateAccounts` accounts of which only the block's active accounts are
/// known: the hexary counterpart of ``BackgroundStateBlock``.
///
/// The active accounts are real (keys from ``PatriciaSigning/privateKey(seed:shard:account:)``, trie keys
/// `keccak256(address)`); the other `N − k` accounts are **background**: keys uniformly random like any hashed key,
/// never materialized. Along the active paths the trie's shape is drawn exactly as `N − k` random keys would make it:
/// a node whose prefix `p` holds `c` background keys splits them among its 16 children by a multinomial draw
/// (binomial by binomial, a normal approximation above 64 keys) seeded by `(seed, p)`, so the shape is a pure
/// function of (seed, position). A child holding background keys only is a stand-in hash,
/// `keccak256("shardsim-mpt-background" ‖ le64 seed ‖ nibbles of p ‖ child)`; an active key becomes a leaf where no
/// other key shares its prefix; a node with one occupied child is part of an extension. The result: full 16-way
/// branches near the top, while `N / 16^(d+1)` keys per child keep every child occupied (for `N = 2^24` the branches
/// at depths 0–4 have at least 16 keys per child, depth 5 one on average), sparse branches below, and leaves where
/// random keys part. The EE cannot tell this trie from a built one (it never sees below a child hash); the
/// background accounts can never be touched, so this serves one-block measurements.
struct PatriciaBackgroundBlock {
    static let shard = ShardID(0)
    static let balance = Gwei(eth: 1_000)

    let block: PatriciaBlock
    let data: [UInt8]
    let preStateRoot: Root
    let context: ShardContext
    /// The message hash and signature of every transfer, in block order.
    let signatures: [(message: [UInt8], signature: [UInt8])]
    /// Distinct accounts the witness proves.
    let touchedAccounts: Int

    /// Builds the block of `workload` with keys, accounts and the trie's shape drawn from `seed`.
    init(workload: AccumulatorWorkload, seed: UInt64) {
        let n = workload.stateAccounts
        var stream = RandomStream(runSeed: seed, name: "bench/accumulators/patricia/\(workload.family)/\(n)")
        let active = WorkloadTransfers.distinctAccounts(workload.activeAccounts, of: n, stream: &stream)
        let shard = Self.shard
        let transfers = WorkloadTransfers(workload, active: active, stream: &stream) { transfer in
            let key = PatriciaSigning.privateKey(seed: seed, shard: shard, account: transfer.from)
            var signed = transfer
            signed.signature = PatriciaSigning.sign(transfer.signedBytes, shard: shard, privateKey: key)
            return (signed, PatriciaSigning.messageHash(transfer.signedBytes, shard: shard))
        }
        let accounts = active.map {
            PatriciaAccount(
                number: $0, address: PatriciaSigning.address(seed: seed, shard: shard, account: $0),
                balance: Self.balance)
        }
        let keyed = accounts.map { (path: HexPrefix.nibbles($0.key), account: $0) }
            .sorted { $0.path.lexicographicallyPrecedes($1.path) }
        var builder = Builder(seed: seed)
        let root = builder.node(prefix: [], active: keyed[...], background: n - accounts.count)
        block = PatriciaBlock(
            shard: shard, transactions: transfers.transactions, witness: PatriciaWitness(nodes: root.nodes))
        data = block.encoded
        preStateRoot = Root(bytes: Keccak256.hash(root.nodes[0].rlp)) ?? .zero
        context = ShardContext(shard: shard, slot: Slot(0), ee: EEID(0), balance: .zero)
        signatures = transfers.signatures
        touchedAccounts = accounts.count
    }
}

/// Draws the trie along the active paths (see ``PatriciaBackgroundBlock``).
private struct Builder {
    let seed: UInt64

    /// A node on an active path: its witness nodes in pre-order (itself first) and the reference its parent holds.
    struct Built {
        var nodes: [PatriciaWitness.Node]
        var hash: [UInt8]
    }

    /// The node at `prefix` holding the sorted `active` keys and `background` other keys (at least one key in all).
    mutating func node(
        prefix: [UInt8], active: ArraySlice<(path: [UInt8], account: PatriciaAccount)>, background: Int
    ) -> Built {
        guard let first = active.first else { preconditionFailure("a node on an active path") }
        if active.count == 1 && background == 0 {
            let leaf = RLP.list([
                .bytes(HexPrefix.encode(first.path[prefix.count...], isLeaf: true)), .bytes(first.account.value),
            ]).encoded
            return Built(nodes: [.init(rlp: leaf, branchMask: nil)], hash: Keccak256.hash(leaf))
        }
        // Follow the keys down while they all share the next nibble: that run is an extension.
        var at = prefix
        var counts = split(background, at: at)
        var extensionPath: [UInt8] = []
        while true {
            let activeNibbles = Set(active.map { $0.path[at.count] })
            let occupied = (0..<16).filter { counts[$0] > 0 || activeNibbles.contains(UInt8($0)) }
            guard occupied.count == 1 else { break }
            extensionPath.append(UInt8(occupied[0]))
            at.append(UInt8(occupied[0]))
            counts = split(counts[occupied[0]], at: at)
        }
        // The branch at `at`.
        var payload: [UInt8] = []
        var mask: UInt16 = 0
        var children: [PatriciaWitness.Node] = []
        for nibble in 0..<16 {
            let below = active.filter { $0.path[at.count] == UInt8(nibble) }
            if !below.isEmpty {
                let child = node(prefix: at + [UInt8(nibble)], active: below[...], background: counts[nibble])
                payload.append(0xa0)
                payload.append(contentsOf: child.hash)
                children.append(contentsOf: child.nodes)
                mask |= 1 << UInt16(nibble)
            } else if counts[nibble] > 0 {
                payload.append(0xa0)
                payload.append(contentsOf: standIn(at + [UInt8(nibble)]))
            } else {
                payload.append(0x80)
            }
        }
        payload.append(0x80)
        var branch: [UInt8] = []
        RLP.appendHeader(length: payload.count, shortBase: 0xc0, into: &branch)
        branch.append(contentsOf: payload)
        let branchHash = Keccak256.hash(branch)
        let branchNode = PatriciaWitness.Node(rlp: branch, branchMask: mask)
        guard !extensionPath.isEmpty else { return Built(nodes: [branchNode] + children, hash: branchHash) }
        let ext = RLP.list([.bytes(HexPrefix.encode(extensionPath, isLeaf: false)), .bytes(branchHash)]).encoded
        return Built(
            nodes: [.init(rlp: ext, branchMask: nil), branchNode] + children, hash: Keccak256.hash(ext))
    }

    /// How `count` uniformly random keys under `prefix` split among its 16 children: a multinomial draw seeded by
    /// (seed, prefix).
    func split(_ count: Int, at prefix: [UInt8]) -> [Int] {
        var stream = RandomStream(runSeed: seed, name: "mpt/" + prefix.map { String($0, radix: 16) }.joined())
        var counts = [Int](repeating: 0, count: 16)
        var remaining = count
        for child in 0..<15 where remaining > 0 {
            counts[child] = Self.binomial(remaining, 1 / Double(16 - child), &stream)
            remaining -= counts[child]
        }
        counts[15] = remaining
        return counts
    }

    /// A Binomial(n, p) draw: exact below 64 trials, a rounded normal approximation above.
    static func binomial(_ n: Int, _ p: Double, _ stream: inout RandomStream) -> Int {
        func unit() -> Double { Double(stream.next() >> 11) * 0x1p-53 }
        if n < 64 { return (0..<n).reduce(0) { sum, _ in sum + (unit() < p ? 1 : 0) } }
        let mean = Double(n) * p
        let deviation = (mean * (1 - p)).squareRoot()
        let normal = (-2 * log(max(unit(), 0x1p-60))).squareRoot() * cos(2 * Double.pi * unit())
        return min(n, max(0, Int((mean + deviation * normal).rounded())))
    }

    /// The stand-in hash of a background-only subtree at `position`.
    func standIn(_ position: [UInt8]) -> [UInt8] {
        var input = Array("shardsim-mpt-background".utf8)
        withUnsafeBytes(of: seed.littleEndian) { input.append(contentsOf: $0) }
        input.append(contentsOf: position)
        return Keccak256.hash(input)
    }
}
