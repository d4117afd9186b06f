import Beacon
import Shard

/// The one token block that `shardsim bench block` measures, built once before any timing: a genesis tree of
/// `accounts` simulated users and `transactions` signed transfers between distinct accounts drawn with a fixed seed,
/// so every sender and every recipient is a different leaf and the block touches `2 × transactions` accounts.
///
/// It also keeps what the native floor needs: the message hash and signature of every transfer, exactly the pairs the
/// EE hands to the host's `secp256k1_recover`, and the address each must recover to.
struct BlockBenchmarkFixture {
    /// The shard the block is for.
    static let shard = ShardID(0)
    /// Every account's genesis balance: 1,000 ETH, far above any transfer.
    static let genesisBalance = Gwei(eth: 1_000)
    /// Transfer amounts are drawn uniformly from this range, in gwei.
    static let amounts: ClosedRange<UInt64> = 1...1_000_000

    /// The state before the block.
    let tree: TokenTree
    /// The block's transfers, signed, in block order.
    let transfers: [TokenTransfer]
    /// The block.
    let block: TokenBlock
    /// ``block`` encoded: the data the EE executes.
    let data: [UInt8]
    /// The signed message of each transfer, in block order.
    let messageHashes: [[UInt8]]
    /// The address that signed each transfer, in block order.
    let signers: [[UInt8]]
    /// The context the block runs in.
    let context: ShardContext

    /// Builds the tree and the block.
    ///
    /// - Precondition: `2 × transactions ≤ accounts`, so senders and recipients can all be distinct.
    init(transactions: Int, accounts: Int, seed: UInt64) {
        precondition(transactions >= 1 && 2 * transactions <= accounts, "need 2 distinct accounts per transfer")
        let shard = Self.shard
        tree = TokenTree.genesis(seed: seed, shard: shard, accountCount: accounts, balance: Self.genesisBalance)

        var transfers: [TokenTransfer] = []
        var messageHashes: [[UInt8]] = []
        var signers: [[UInt8]] = []
        for unsigned in Self.drawTransfers(transactions: transactions, accounts: accounts, seed: seed) {
            let key = TokenSigning.privateKey(seed: seed, shard: shard, account: unsigned.from)
            let transfer = unsigned.signed(with: key, shard: shard)
            transfers.append(transfer)
            messageHashes.append(TokenSigning.messageHash(transfer.signedBytes, shard: shard))
            signers.append(tree.account(at: unsigned.from).address)
        }
        self.transfers = transfers
        self.messageHashes = messageHashes
        self.signers = signers
        block = tree.block(shard: shard, transactions: transfers.map { .transfer($0) })
        data = block.encoded
        context = ShardContext(shard: shard, slot: Slot(0), ee: EEID(0), balance: .zero)
    }

    /// The block's transfers, unsigned: `transactions` pairs of distinct accounts of `accounts` and their amounts,
    /// drawn from `seed`. Every `bench block` EE (binary, sparse, Patricia) measures these same transfers.
    static func drawTransfers(transactions: Int, accounts: Int, seed: UInt64) -> [TokenTransfer] {
        // A partial Fisher–Yates shuffle: the first 2 × transactions positions become distinct random accounts.
        var stream = RandomStream(runSeed: seed, name: "bench/block")
        var order = (0..<UInt32(accounts)).map { $0 }
        for i in 0..<(2 * transactions) {
            order.swapAt(i, i + stream.uniform(below: accounts - i))
        }
        return (0..<transactions).map { i in
            TokenTransfer(
                from: order[2 * i], to: order[2 * i + 1], amount: Gwei(stream.uniform(in: amounts)), nonce: 0)
        }
    }

    /// The number of distinct accounts the block touches (its witness's leaves).
    var touchedAccounts: Int { block.witness.leaves.count }

    /// Bytes of the encoded transactions.
    var transactionBytes: Int { transfers.reduce(0) { $0 + $1.signedBytes.count + $1.signature.count } }

    /// The same block with no transactions and an empty witness: what a fresh instance costs before any work.
    var emptyBlockData: [UInt8] {
        let witness = TokenWitness(leaves: [], hashes: [])
        return TokenBlock(depth: tree.depth, shard: Self.shard, transactions: [], witness: witness).encoded
    }
}
