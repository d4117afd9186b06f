import Beacon
import Synchronization

/// The token EE's background accounts and every hash of the subtrees they fill: what a ``TokenTree`` with
/// background accounts reads for any node no block has touched.
///
/// Background leaf `i` is `(address: the last 20 bytes of keccak256("shardsim-background" ‖ le64 seed ‖
/// le32 (i mod 2^periodBits)), balance, nonce 0)`: a real leaf, hashed like any other, a pure function of (seed, i).
/// Addresses repeat every `2^periodBits` leaves, so a subtree of height `h < periodBits` at position `j` hashes like
/// the one at `j mod 2^(periodBits − h)`, and every full subtree of height `h ≥ periodBits` has the same hash.
/// The pattern therefore holds `2^(periodBits+1)` nodes (4 MiB for the default 16 bits) and answers for a tree of any
/// size: every hash it returns is the true Keccak-256 of the subtree's leaves, so roots, witnesses and gas are those
/// of the fully built tree. Building it costs `2^periodBits` address hashes and as many node hashes (about 0.2 s).
///
/// Immutable and shared: trees of every shard of a run (and their copies) hold the same pattern, found through
/// ``shared(seed:balance:periodBits:)``.
package final class TokenBackgroundPattern: Sendable {
    /// The default period: addresses repeat every 2^16 = 65,536 leaves.
    package static let defaultPeriodBits = 16

    package let seed: UInt64
    package let balance: Gwei
    /// Background addresses repeat every `2^periodBits` leaves.
    package let periodBits: Int
    /// `levels[h]` holds the `2^(periodBits − h)` distinct subtree hashes of height `h ≤ periodBits`.
    private let levels: [[TokenNode]]
    /// `above[k]` is the hash of every full background subtree of height `periodBits + k`.
    private let above: [TokenNode]

    private init(seed: UInt64, balance: Gwei, periodBits: Int) {
        precondition((0...TokenTree.maxDepth).contains(periodBits), "period bits must be 0 ... \(TokenTree.maxDepth)")
        self.seed = seed
        self.balance = balance
        self.periodBits = periodBits
        var levels: [[TokenNode]] = [
            (0..<(1 << periodBits)).map {
                Self.account(seed: seed, balance: balance, patternIndex: UInt32($0)).leafHash
            }
        ]
        for _ in 0..<periodBits {
            let below = levels[levels.count - 1]
            levels.append(stride(from: 0, to: below.count, by: 2).map { TokenNode.parent(below[$0], below[$0 + 1]) })
        }
        var above = [levels[periodBits][0]]
        while above.count + periodBits <= TokenTree.maxDepth {
            above.append(.parent(above[above.count - 1], above[above.count - 1]))
        }
        self.levels = levels
        self.above = above
    }

    /// Background account `index` (of a tree of any size; whether `index` is background is the tree's business).
    package func account(at index: UInt32) -> TokenAccount {
        Self.account(
            seed: seed, balance: balance, patternIndex: index & UInt32(truncatingIfNeeded: (1 << periodBits) - 1))
    }

    /// The hash of the subtree of height `height` at position `index` whose leaves are all background.
    package func node(height: Int, index: UInt64) -> TokenNode {
        guard height < periodBits else { return above[height - periodBits] }
        return levels[height][Int(index & ((1 << UInt64(periodBits - height)) - 1))]
    }

    /// The background account at position `patternIndex` of the pattern (leaf `patternIndex` when the period is
    /// longer than the tree).
    package static func account(seed: UInt64, balance: Gwei, patternIndex: UInt32) -> TokenAccount {
        var preimage = Array("shardsim-background".utf8)
        preimage.append(littleEndian: seed)
        preimage.append(littleEndian: patternIndex)
        return TokenAccount(address: Array(Keccak256.hash(preimage).suffix(20)), balance: balance)
    }

    private struct Key: Hashable {
        var seed: UInt64
        var balance: Gwei
        var periodBits: Int
    }

    /// Patterns built so far, the most recently used last; a few are kept so that a process running several runs
    /// (tests, sweeps in one process) does not rebuild them, and memory stays bounded.
    private static let cache = Mutex<[(key: Key, pattern: TokenBackgroundPattern)]>([])
    private static let cacheSize = 4

    /// The pattern of run `seed` with `balance` per account, built once and shared.
    package static func shared(
        seed: UInt64, balance: Gwei, periodBits: Int = defaultPeriodBits
    ) -> TokenBackgroundPattern {
        let key = Key(seed: seed, balance: balance, periodBits: periodBits)
        // Built under the lock: shards starting together wait for one build instead of each doing it.
        return cache.withLock { entries in
            if let found = entries.firstIndex(where: { $0.key == key }) {
                let entry = entries.remove(at: found)
                entries.append(entry)
                return entry.pattern
            }
            let built = TokenBackgroundPattern(seed: seed, balance: balance, periodBits: periodBits)
            entries.append((key, built))
            if entries.count > cacheSize { entries.removeFirst() }
            return built
        }
    }
}
