import Beacon
import Testing

@testable import Shard

/// Signed users in a small token tree, shared by the reference and EE tests.
struct TokenFixture {
    static let seed: UInt64 = 42
    static let ee = EEID(3)
    let shard: ShardID
    var tree: TokenTree

    /// `accounts` users with `balance` each, in a tree of `depth` (by default with room for empty leaves).
    init(accounts: Int = 6, balance: Gwei = Gwei(1_000), shard: ShardID = ShardID(2), depth: Int = 3) {
        self.shard = shard
        tree = TokenTree.genesis(seed: Self.seed, shard: shard, accountCount: accounts, balance: balance, depth: depth)
    }

    func key(_ account: UInt32) -> [UInt8] {
        TokenSigning.privateKey(seed: Self.seed, shard: shard, account: account)
    }

    func transfer(_ from: UInt32, _ to: UInt32, _ amount: UInt64, nonce: UInt64 = 0, signer: UInt32? = nil)
        -> TokenTransaction
    {
        .transfer(
            TokenTransfer(from: from, to: to, amount: Gwei(amount), nonce: nonce)
                .signed(with: key(signer ?? from), shard: shard)
        )
    }

    func send(_ from: UInt32, to account: UInt32, onShard destination: UInt16, _ amount: UInt64, nonce: UInt64 = 0)
        -> TokenTransaction
    {
        .send(
            TokenSend(
                from: from,
                destinationShard: ShardID(destination),
                destinationEE: Self.ee,
                destinationAccount: account,
                amount: Gwei(amount),
                nonce: nonce
            ).signed(with: key(from), shard: shard)
        )
    }

    static func receipt(for account: UInt32, _ amount: UInt64, processed: Bool = false) -> IncomingReceipt {
        var payload: [UInt8] = []
        payload.append(littleEndian: account)
        return IncomingReceipt(
            sourceShard: ShardID(9),
            sourceEE: ee,
            amount: Gwei(amount),
            payload: payload,
            alreadyProcessed: processed
        )
    }

    func context(balance: UInt64 = 1_000_000, receipts: [IncomingReceipt] = []) -> ShardContext {
        ShardContext(shard: shard, slot: Slot(5), ee: Self.ee, balance: Gwei(balance), incomingReceipts: receipts)
    }

    func apply(_ transactions: [TokenTransaction], context: ShardContext? = nil) -> TokenOutcome {
        TokenReference.apply(
            block: tree.block(shard: shard, transactions: transactions),
            preStateRoot: tree.root,
            context: context ?? self.context()
        )
    }
}

/// The native reference applies each kind of transaction and rejects each kind of invalid one as the EE does,
/// and its post-state root is the root of the updated full tree.
@Suite struct TokenReferenceTests {
    @Test("A signed transfer moves the amount and bumps the payer's nonce")
    func transfer() throws {
        var fixture = TokenFixture()
        let outcome = fixture.apply([fixture.transfer(1, 4, 300)])
        #expect(outcome.succeeded)
        #expect(outcome.results == [.applied])
        let pre = fixture.tree.root
        fixture.tree.apply(outcome)
        #expect(fixture.tree.root == outcome.postStateRoot && pre != outcome.postStateRoot)
        #expect(fixture.tree.account(at: 1).balance == Gwei(700) && fixture.tree.account(at: 1).nonce == 1)
        #expect(fixture.tree.account(at: 4).balance == Gwei(1_300) && fixture.tree.account(at: 4).nonce == 0)
    }

    @Test("A transfer to oneself only bumps the nonce")
    func selfTransfer() {
        var fixture = TokenFixture()
        let outcome = fixture.apply([fixture.transfer(2, 2, 1_000)])
        #expect(outcome.results == [.applied])
        fixture.tree.apply(outcome)
        #expect(
            fixture.tree.account(at: 2)
                == TokenAccount(
                    address: fixture.tree.account(at: 2).address,
                    balance: Gwei(1_000),
                    nonce: 1
                )
        )
    }

    @Test("A transfer signed by another key is rejected and changes nothing")
    func badSignature() {
        let fixture = TokenFixture()
        let outcome = fixture.apply([fixture.transfer(1, 4, 300, signer: 2)])
        #expect(outcome.results == [.badSignature])
        #expect(outcome.postStateRoot == fixture.tree.root)
    }

    @Test("A tampered field invalidates the signature")
    func tamperedAmount() {
        let fixture = TokenFixture()
        guard case .transfer(var transfer) = fixture.transfer(1, 4, 300) else { return }
        transfer.amount = Gwei(301)
        #expect(fixture.apply([.transfer(transfer)]).results == [.badSignature])
    }

    @Test("A replayed transaction is rejected for its nonce; a nonce gap too")
    func replayedNonce() {
        let fixture = TokenFixture()
        let transfer = fixture.transfer(1, 4, 300)
        #expect(fixture.apply([transfer, transfer]).results == [.applied, .badNonce])
        #expect(fixture.apply([fixture.transfer(1, 4, 300, nonce: 1)]).results == [.badNonce])
        #expect(fixture.apply([transfer, fixture.transfer(1, 4, 300, nonce: 1)]).results == [.applied, .applied])
    }

    @Test("An overdraft is rejected, then the exact balance is accepted")
    func overdraft() {
        let fixture = TokenFixture()
        let outcome = fixture.apply([fixture.transfer(1, 4, 1_001), fixture.transfer(1, 4, 1_000)])
        #expect(outcome.results == [.insufficientBalance, .applied])
    }

    @Test("Accounts missing from the witness, or an empty receiving leaf, are malformed")
    func malformed() throws {
        let fixture = TokenFixture()
        // Leaf 7 is empty (6 accounts in 8 leaves); leaf 8 is outside the tree.
        #expect(fixture.apply([fixture.transfer(1, 7, 1)]).results == [.malformed])
        #expect(fixture.apply([fixture.transfer(1, 8, 1)]).results == [.malformed])
        // A witness without the receiver.
        let transfer = fixture.transfer(1, 4, 1)
        var block = fixture.tree.block(shard: fixture.shard, transactions: [transfer])
        block.witness = fixture.tree.multiproof(for: [1])
        let outcome = TokenReference.apply(block: block, preStateRoot: fixture.tree.root, context: fixture.context())
        #expect(outcome.results == [.malformed])
        #expect(outcome.postStateRoot == fixture.tree.root)
    }

    @Test("A send debits the payer and the EE, and emits a receipt naming the destination account")
    func send() {
        var fixture = TokenFixture()
        let outcome = fixture.apply(
            [fixture.send(3, to: 77, onShard: 5, 250)],
            context: fixture.context(balance: 10_000)
        )
        #expect(outcome.results == [.applied])
        #expect(
            outcome.effects.transfers == [
                OutgoingTransfer(
                    destinationShard: ShardID(5),
                    destinationEE: TokenFixture.ee,
                    amount: Gwei(250),
                    payload: [77, 0, 0, 0]
                )
            ]
        )
        #expect(outcome.effects.balanceAfter == Gwei(9_750))
        fixture.tree.apply(outcome)
        #expect(fixture.tree.account(at: 3).balance == Gwei(750) && fixture.tree.account(at: 3).nonce == 1)
    }

    @Test("A send the EE's ETH cannot cover is rejected as insufficient balance")
    func sendBeyondEEBalance() {
        let fixture = TokenFixture()
        let outcome = fixture.apply([fixture.send(3, to: 1, onShard: 5, 250)], context: fixture.context(balance: 249))
        #expect(outcome.results == [.insufficientBalance])
        #expect(outcome.effects.transfers.isEmpty && outcome.effects.balanceAfter == Gwei(249))
        #expect(outcome.postStateRoot == fixture.tree.root)
    }

    @Test("A receive credits the receipt's account and claims it once")
    func receive() {
        var fixture = TokenFixture()
        let receipts = [TokenFixture.receipt(for: 0, 5), TokenFixture.receipt(for: 2, 40)]
        let claim = TokenTransaction.receive(TokenReceive(receiptIndex: 1, to: 2))
        let outcome = fixture.apply([claim, claim], context: fixture.context(balance: 100, receipts: receipts))
        #expect(outcome.results == [.applied, .badReceipt])
        #expect(outcome.effects.claimedReceipts == [1])
        #expect(outcome.effects.balanceAfter == Gwei(140))
        fixture.tree.apply(outcome)
        #expect(fixture.tree.account(at: 2).balance == Gwei(1_040) && fixture.tree.account(at: 2).nonce == 0)
    }

    @Test("A receipt already processed, or unknown, is a bad receipt")
    func replayedReceipt() {
        let fixture = TokenFixture()
        let receipts = [TokenFixture.receipt(for: 2, 40, processed: true)]
        let outcome = fixture.apply(
            [.receive(TokenReceive(receiptIndex: 0, to: 2)), .receive(TokenReceive(receiptIndex: 1, to: 2))],
            context: fixture.context(receipts: receipts)
        )
        #expect(outcome.results == [.badReceipt, .badReceipt])
        #expect(outcome.effects.claimedReceipts.isEmpty)
    }

    @Test("A receive naming another account than the receipt's fails the execution")
    func receiptForAnotherAccount() {
        let fixture = TokenFixture()
        let outcome = fixture.apply(
            [fixture.transfer(1, 4, 300), .receive(TokenReceive(receiptIndex: 0, to: 3))],
            context: fixture.context(receipts: [TokenFixture.receipt(for: 2, 40)])
        )
        #expect(!outcome.succeeded)
        #expect(outcome.postStateRoot == fixture.tree.root)
        #expect(outcome.effects == ShardEffects(balanceAfter: Gwei(1_000_000)))
    }

    @Test("A witness that does not prove the pre-state root fails the execution")
    func badWitness() {
        let fixture = TokenFixture()
        var block = fixture.tree.block(shard: fixture.shard, transactions: [fixture.transfer(1, 4, 300)])
        block.witness.leaves[0].account.balance = Gwei(1_000_000)
        let outcome = TokenReference.apply(block: block, preStateRoot: fixture.tree.root, context: fixture.context())
        #expect(outcome.failure?.isBadWitness == true)
        #expect(outcome.postStateRoot == fixture.tree.root && outcome.effects.results.isEmpty)
    }

    @Test("A block for another shard fails the execution")
    func wrongShard() {
        let fixture = TokenFixture()
        var context = fixture.context()
        context.shard = ShardID(3)
        let outcome = fixture.apply([fixture.transfer(1, 4, 300)], context: context)
        #expect(!outcome.succeeded && outcome.failure?.isBadWitness == false)
    }

    @Test(
        "Malformed block data fails the execution",
        arguments: [
            [],  // no header
            [2, 3, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],  // version 2
            [1, 33, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],  // depth 33
            [1, 3, 2, 0, 1, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0],  // unknown kind 7
            [1, 3, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],  // a byte after the witness
            [1, 3, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0] + [UInt8](repeating: 0, count: 32),  // hash, no leaf
        ] as [[UInt8]]
    )
    func malformedBlock(data: [UInt8]) {
        let fixture = TokenFixture()
        let outcome = TokenReference.apply(blockData: data, preStateRoot: fixture.tree.root, context: fixture.context())
        #expect(!outcome.succeeded)
    }

    @Test("A block with no transactions and an empty witness leaves the root unchanged")
    func emptyBlock() {
        let fixture = TokenFixture()
        let outcome = fixture.apply([])
        #expect(outcome.succeeded && outcome.postStateRoot == fixture.tree.root)
    }

    @Test("Blocks round-trip through their encoding")
    func encoding() throws {
        let fixture = TokenFixture()
        let block = fixture.tree.block(
            shard: fixture.shard,
            transactions: [
                fixture.transfer(1, 4, 300), fixture.send(3, to: 77, onShard: 5, 250),
                .receive(TokenReceive(receiptIndex: 1, to: 2)),
            ]
        )
        let bytes = block.encoded
        #expect(bytes.count == 8 + 90 + 96 + 9 + block.witness.byteCount)
        #expect(try TokenBlock(decoding: bytes) == block)
    }
}
