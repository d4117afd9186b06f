import Beacon
import Foundation
import Shard

/// A sparse-token block over `stateAccounts` live accounts of which only the block's active accounts are known: what
/// a stateless EE sees of a large sparse Merkle tree, built without materializing it.
///
/// The active accounts are real users (``TokenSigning/privateKey(seed:shard:account:)`` of distinct random account
/// numbers below the state size) at their real keys, `keccak256(address)`. The other `N − k` live accounts are
/// **background**: uniformly random keys that are never drawn. What the witness needs of them is, for each sibling on
/// a proven path, whether its subtree holds any of them; that is sampled top-down along the proven paths — a node's
/// background keys split between its two children as a Binomial(m, ½) draw seeded by (seed, height, position) — so
/// it is a pure function of (seed, position) and has exactly the distribution `N − k` uniform keys give (the draw is
/// exact up to 1,024 keys and a rounded normal approximation above, where a subtree is never empty anyway). An empty
/// sibling is the empty subtree's hash; any other is the stand-in `keccak256("shardsim-background" ‖ le64 seed ‖ le16
/// height ‖ the sibling's position)`. The pre-state root is what these hash to. The EE cannot tell this tree from a
/// built one (it never sees below a sibling), so witness bytes, gas and time are those of a real state of that size.
struct SparseBackgroundStateBlock {
    static let shard = ShardID(0)
    static let balance = Gwei(eth: 1_000)

    let block: SparseBlock
    let data: [UInt8]
    let preStateRoot: Root
    let context: ShardContext
    /// The message hash and signature of every transfer, in block order: exactly what the EE recovers.
    let signatures: [(message: [UInt8], signature: [UInt8])]

    /// Builds the block of `workload` with keys, background and amounts drawn from `seed`.
    init(workload: AccumulatorWorkload, seed: UInt64) throws(BlockBenchmarkError) {
        let n = workload.stateAccounts
        var stream = RandomStream(runSeed: seed, name: "bench/accumulators/sparse/\(workload.family)/\(n)")
        let active = WorkloadTransfers.distinctAccounts(workload.activeAccounts, of: n, stream: &stream)
        let shard = Self.shard
        let transfers = WorkloadTransfers(workload, active: active, stream: &stream) { transfer in
            let tag = SparseSigning.domainTag
            let key = TokenSigning.privateKey(seed: seed, shard: shard, account: transfer.from)
            let signed = transfer.signed(with: key, shard: shard, domainTag: tag)
            return (signed, TokenSigning.messageHash(signed.signedBytes, shard: shard, domainTag: tag))
        }
        let leaves = active.map { number in
            TokenWitness.Leaf(
                index: number,
                account: TokenAccount(
                    address: TokenSigning.address(seed: seed, shard: shard, account: number), balance: Self.balance))
        }
        .map { (key: Keccak256.hash($0.account.address), leaf: $0) }
        .sorted { SparseKey(hash: $0.key) < SparseKey(hash: $1.key) }
        let background = Background(seed: seed, keys: n - leaves.count)
        let (emptySiblings, hashes) = background.siblings(of: leaves.map(\.key))
        let witness = SparseWitness(leaves: leaves.map(\.leaf), emptySiblings: emptySiblings, hashes: hashes)
        guard let roots = try? witness.roots(updated: witness.leaves.map(\.account)) else {
            throw .mismatch("the background witness does not hash to a root")
        }
        preStateRoot = roots.pre
        block = SparseBlock(shard: shard, transactions: transfers.transactions, witness: witness)
        data = block.encoded
        context = ShardContext(shard: shard, slot: Slot(0), ee: EEID(0), balance: .zero)
        signatures = transfers.signatures
    }

    /// The untouched live accounts, as far as the witness sees them.
    private struct Background {
        let seed: UInt64
        /// Background keys in the whole tree.
        let keys: Int

        /// The siblings of the proven paths of `keys` (sorted, 32-byte big-endian), in the order the EE consumes them
        /// (``SparseWitness/roots(updated:)``): `true` for an empty subtree, else the next stand-in hash.
        func siblings(of provenKeys: [[UInt8]]) -> (empty: [Bool], hashes: [TokenNode]) {
            let top = SparseNodes.height + 1
            var empty: [Bool] = []
            var hashes: [TokenNode] = []
            var merges: [Int] = []
            let sparseKeys = provenKeys.map { SparseKey(hash: $0) }
            for (t, key) in provenKeys.enumerated() {
                let counts = siblingCounts(along: key)
                var height = 0
                let right = t + 1 < provenKeys.count ? sparseKeys[t].commonAncestorHeight(with: sparseKeys[t + 1]) : top
                while true {
                    let left = merges.last ?? top
                    let goal = min(left, right)
                    let target = goal == top ? SparseNodes.height : goal - 1
                    while height < target {
                        if counts[height] == 0 {
                            empty.append(true)
                        } else {
                            empty.append(false)
                            hashes.append(
                                standIn(height: height, position: Self.position(of: key, height: height, flip: true)))
                        }
                        height += 1
                    }
                    if goal == top { break }
                    if left < right {
                        merges.removeLast()
                        height = left
                    } else {
                        merges.append(right)
                        break
                    }
                }
            }
            return (empty, hashes)
        }

        /// The number of background keys in the sibling of `key`'s ancestor at each height `0 ..< 256`: the root's
        /// `keys` split top-down, one Binomial(m, ½) draw per node, seeded by the node's position.
        private func siblingCounts(along key: [UInt8]) -> [Int] {
            var counts = [Int](repeating: 0, count: SparseNodes.height)
            var inside = keys
            var height = SparseNodes.height
            while height > 0 && inside > 0 {
                let parent = Self.position(of: key, height: height, flip: false)
                let leftShare = binomialHalf(inside, seed: splitSeed(height: height, position: parent))
                let child = height - 1
                let goesRight = key[31 - child / 8] >> UInt8(child % 8) & 1 == 1
                counts[child] = goesRight ? leftShare : inside - leftShare
                inside = goesRight ? inside - leftShare : leftShare
                height -= 1
            }
            return counts
        }

        /// Node `height` on `key`'s path (or its sibling, with `flip`): the key with its low `height` bits cleared
        /// (and bit `height` flipped).
        static func position(of key: [UInt8], height: Int, flip: Bool) -> [UInt8] {
            var bytes = key
            for bit in 0..<height { bytes[31 - bit / 8] &= ~(1 << UInt8(bit % 8)) }
            if flip && height < SparseNodes.height { bytes[31 - height / 8] ^= 1 << UInt8(height % 8) }
            return bytes
        }

        private func splitSeed(height: Int, position: [UInt8]) -> UInt64 {
            var input = Array("shardsim-background-split".utf8)
            input.append(littleEndian: seed)
            input.append(littleEndian: UInt16(height))
            input += position
            return Keccak256.hash(input).prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
        }

        private func standIn(height: Int, position: [UInt8]) -> TokenNode {
            var input = Array("shardsim-background".utf8)
            input.append(littleEndian: seed)
            input.append(littleEndian: UInt16(height))
            input += position
            return input.withUnsafeBytes { TokenNode.hashed($0) }
        }

        /// A Binomial(m, ½) draw: exact (one fair bit per key) up to 1,024 keys, a rounded normal approximation
        /// above. Hand-written: no package in the mirror samples binomials.
        private func binomialHalf(_ m: Int, seed: UInt64) -> Int {
            var stream = RandomStream(runSeed: seed, name: "split")
            if m <= 1_024 {
                var count = 0
                var left = m
                while left > 0 {
                    let bits = stream.next()
                    count += (left >= 64 ? bits : bits & ((1 << UInt64(left)) - 1)).nonzeroBitCount
                    left -= 64
                }
                return count
            }
            let u1 = Double(stream.next() >> 11 | 1) * 0x1p-53
            let u2 = Double(stream.next() >> 11) * 0x1p-53
            let z = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
            return min(m, max(0, Int((Double(m) / 2 + z * (Double(m) / 4).squareRoot()).rounded())))
        }
    }
}

extension [UInt8] {
    fileprivate mutating func append<T: FixedWidthInteger>(littleEndian value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
