import Beacon
import Shard

/// A token block over a binary tree of `stateAccounts` leaves of which only the block's active accounts are known:
/// what a stateless EE sees of a large state, built without materializing it.
///
/// The active accounts sit at distinct uniformly random leaves (hashed placement), hold real balances and are
/// signed for with real keys (``TokenSigning/privateKey(seed:shard:account:)`` of their leaf index). Every other
/// subtree the witness needs is **background**: a subtree wholly past the last account is the empty subtree's hash,
/// and any other is the stand-in `keccak256("shardsim-background" ‖ le64 seed ‖ u8 height ‖ le64 index)`, a pure
/// function of (seed, position). The pre-state root is the root these leaves and stand-ins hash to. The EE cannot
/// tell this tree from a fully built one (it never sees below a sibling hash), so its witness bytes, gas and time are
/// those of a real state of that size; the simplification is that nobody knows the background's preimages, so the
/// background accounts can never be touched — which a one-block benchmark never does.
struct BackgroundStateBlock {
    static let shard = ShardID(0)
    static let balance = Gwei(eth: 1_000)

    let depth: Int
    let block: TokenBlock
    let data: [UInt8]
    let preStateRoot: Root
    let context: ShardContext
    /// The message hash and signature of every transfer, in block order: exactly what the EE recovers.
    let signatures: [(message: [UInt8], signature: [UInt8])]

    /// Builds the block of `workload` with keys and positions drawn from `seed`.
    init(workload: AccumulatorWorkload, seed: UInt64) throws(BlockBenchmarkError) {
        let n = workload.stateAccounts
        depth = TokenTree.depth(forAccountCount: n)
        var stream = RandomStream(runSeed: seed, name: "bench/accumulators/\(workload.family)/\(n)")
        // Distinct uniformly random leaves (rejection: k is far below N, or k = N and every leaf is taken).
        var active: [UInt32] = []
        if workload.activeAccounts == n {
            active = (0..<UInt32(n)).map { $0 }
            var i = active.count - 1
            while i > 0 {
                active.swapAt(i, stream.uniform(below: i + 1))
                i -= 1
            }
        } else {
            active = WorkloadTransfers.distinctAccounts(workload.activeAccounts, of: n, stream: &stream)
        }
        let shard = Self.shard
        let transfers = WorkloadTransfers(workload, active: active, stream: &stream) { transfer in
            let key = TokenSigning.privateKey(seed: seed, shard: shard, account: transfer.from)
            let signed = transfer.signed(with: key, shard: shard)
            return (signed, TokenSigning.messageHash(signed.signedBytes, shard: shard))
        }
        let leaves = Set(active).sorted().map { leaf in
            TokenWitness.Leaf(
                index: leaf,
                account: TokenAccount(
                    address: TokenSigning.address(seed: seed, shard: shard, account: leaf), balance: Self.balance))
        }
        let witness = TokenWitness(
            leaves: leaves,
            hashes: Self.siblings(of: leaves.map { UInt64($0.index) }, depth: depth, occupied: n, seed: seed))
        guard let roots = try? witness.roots(depth: depth, updated: leaves.map(\.account)) else {
            throw .mismatch("the background witness does not hash to a root")
        }
        preStateRoot = roots.pre
        block = TokenBlock(depth: depth, shard: shard, transactions: transfers.transactions, witness: witness)
        data = block.encoded
        context = ShardContext(shard: shard, slot: Slot(0), ee: EEID(0), balance: .zero)
        signatures = transfers.signatures
    }

    /// The proof hashes for leaves `known` (sorted) in canonical order: every sibling of a known node that is not
    /// known, which is background (see the type's documentation).
    private static func siblings(of known: [UInt64], depth: Int, occupied: Int, seed: UInt64) -> [TokenNode] {
        var hashes: [TokenNode] = []
        var known = known
        for height in 0..<depth {
            var parents: [UInt64] = []
            var j = 0
            while j < known.count {
                let index = known[j]
                if index & 1 == 0 && j + 1 < known.count && known[j + 1] == index + 1 {
                    j += 2
                } else {
                    hashes.append(background(height: height, index: index ^ 1, occupied: occupied, seed: seed))
                    j += 1
                }
                parents.append(index >> 1)
            }
            known = parents
        }
        return hashes
    }

    private static func background(height: Int, index: UInt64, occupied: Int, seed: UInt64) -> TokenNode {
        if index << UInt64(height) >= UInt64(occupied) { return TokenTree.emptyNode(height: height) }
        var input = Array("shardsim-background".utf8)
        input += (0..<8).map { UInt8(truncatingIfNeeded: seed >> (8 * UInt64($0))) }
        input.append(UInt8(height))
        input += (0..<8).map { UInt8(truncatingIfNeeded: index >> (8 * UInt64($0))) }
        return input.withUnsafeBytes { TokenNode.hashed($0) }
    }
}
