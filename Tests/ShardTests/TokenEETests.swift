import Beacon
import Testing

@testable import Shard

/// `token.wasm` under the runtime gives the same post-state root, per-transaction results, cross-shard sends,
/// claims and EE balance as the native reference, for valid blocks and for each kind of rejection and failure.
///
/// Blocks stay tiny: debug-built WasmKit is about 100× slower than release.
@Suite struct TokenEETests {
    static let module: EEModule? = try? BuiltinEEs.load("token")
    let runtime = EERuntime()

    /// A block, the context to run it in, and the expected results (`nil`: the execution fails).
    struct Case: Sendable, CustomStringConvertible {
        typealias Build = @Sendable (TokenFixture) -> (data: [UInt8], context: ShardContext)
        let description: String
        let results: [TokenResultCode]?
        let build: Build

        init(_ description: String, fails: Bool = true, _ build: @escaping Build) {
            self.description = description
            self.results = fails ? nil : []
            self.build = build
        }

        init(
            _ description: String,
            _ results: [TokenResultCode]?,
            receipts: [IncomingReceipt] = [],
            balance: UInt64 = 1_000_000,
            _ transactions: @escaping @Sendable (TokenFixture) -> [TokenTransaction]
        ) {
            self.description = description
            self.results = results
            self.build = { fixture in
                (
                    fixture.tree.block(shard: fixture.shard, transactions: transactions(fixture)).encoded,
                    fixture.context(balance: balance, receipts: receipts)
                )
            }
        }
    }

    static let cases: [Case] = [
        Case("a valid transfer, then a self-transfer", [.applied, .applied]) {
            [$0.transfer(1, 4, 300), $0.transfer(2, 2, 5)]
        },
        Case("a transfer signed by another key", [.badSignature, .applied]) {
            [$0.transfer(1, 4, 300, signer: 2), $0.transfer(0, 1, 1)]
        },
        Case("a replayed nonce and a nonce gap", [.applied, .badNonce, .badNonce]) {
            [$0.transfer(1, 4, 300), $0.transfer(1, 4, 300), $0.transfer(1, 4, 1, nonce: 5)]
        },
        Case("an overdraft, then the exact balance", [.insufficientBalance, .applied]) {
            [$0.transfer(5, 0, 1_001), $0.transfer(5, 0, 1_000)]
        },
        Case("an empty receiver and a receiver outside the tree", [.malformed, .malformed]) {
            [$0.transfer(1, 7, 1), $0.transfer(1, 9, 1)]
        },
        Case("a send, and one the EE's ETH cannot cover", [.applied, .insufficientBalance], balance: 300) {
            [$0.send(3, to: 77, onShard: 5, 250), $0.send(4, to: 1, onShard: 6, 60)]
        },
        Case(
            "a receive, its replay, a processed receipt and an unknown one",
            [.applied, .badReceipt, .badReceipt, .badReceipt],
            receipts: [TokenFixture.receipt(for: 2, 40), TokenFixture.receipt(for: 1, 9, processed: true)]
        ) { _ in
            [(0, 2), (0, 2), (1, 1), (2, 2)].map { .receive(TokenReceive(receiptIndex: $0.0, to: $0.1)) }
        },
        Case("a receive naming another account than its receipt", nil, receipts: [TokenFixture.receipt(for: 2, 40)]) {
            [$0.transfer(1, 4, 300), .receive(TokenReceive(receiptIndex: 0, to: 3))]
        },
        Case("a witness with a forged balance") { fixture in
            var block = fixture.tree.block(shard: fixture.shard, transactions: [fixture.transfer(1, 4, 300)])
            block.witness.leaves[0].account.balance = Gwei(999_999)
            return (block.encoded, fixture.context())
        },
        Case("a witness with a forged hash") { fixture in
            var block = fixture.tree.block(shard: fixture.shard, transactions: [fixture.transfer(1, 4, 300)])
            block.witness.hashes[0] = .zero
            return (block.encoded, fixture.context())
        },
        Case("a witness missing a hash") { fixture in
            var block = fixture.tree.block(shard: fixture.shard, transactions: [fixture.transfer(1, 4, 300)])
            block.witness.hashes.removeLast()
            return (block.encoded, fixture.context())
        },
        Case("a witness with the wrong depth") { fixture in
            var block = fixture.tree.block(shard: fixture.shard, transactions: [fixture.transfer(1, 4, 300)])
            block.depth = 4
            return (block.encoded, fixture.context())
        },
        Case("a block for another shard") { fixture in
            var context = fixture.context()
            context.shard = ShardID(0)
            return (
                fixture.tree.block(shard: fixture.shard, transactions: [fixture.transfer(1, 4, 300)]).encoded, context
            )
        },
        Case("truncated block data") { fixture in
            (
                Array(
                    fixture.tree.block(shard: fixture.shard, transactions: [fixture.transfer(1, 4, 3)]).encoded
                        .dropLast()
                ),
                fixture.context()
            )
        },
        Case("an empty block", []) { _ in [] },
    ]

    @Test("The EE agrees with the native reference", arguments: cases)
    func agreesWithReference(testCase: Case) throws {
        let module = try #require(Self.module, "Sources/Shard/Resources/EEs/token.wasm loads")
        let fixture = TokenFixture()
        let (data, context) = testCase.build(fixture)
        let expected = TokenReference.apply(blockData: data, preStateRoot: fixture.tree.root, context: context)
        let result = runtime.execute(module, preStateRoot: fixture.tree.root, blockData: data, context: context)
        if let results = testCase.results {
            #expect(expected.results == results)
        } else {
            #expect(!expected.succeeded)
        }
        #expect(result.succeeded == expected.succeeded, "\(result.failure.map(String.init(describing:)) ?? "success")")
        #expect(result.postStateRoot == expected.postStateRoot)
        #expect(result.effects == expected.effects)
    }

    @Test("A transfer block changes the root exactly as the full tree does, and costs mostly host precompiles")
    func transferBlock() throws {
        let module = try #require(Self.module)
        var fixture = TokenFixture()
        let transactions = [fixture.transfer(0, 1, 10), fixture.transfer(2, 3, 20), fixture.transfer(4, 5, 30)]
        let data = fixture.tree.block(shard: fixture.shard, transactions: transactions).encoded
        let result = runtime.execute(
            module,
            preStateRoot: fixture.tree.root,
            blockData: data,
            context: fixture.context()
        )
        #expect(result.succeeded)
        #expect(result.effects.results.map(\.code) == [0, 0, 0])
        let outcome = TokenReference.apply(blockData: data, preStateRoot: fixture.tree.root, context: fixture.context())
        fixture.tree.apply(outcome)
        #expect(result.postStateRoot == fixture.tree.root)
        // 3 recoveries at 3,002 gas, plus hashing and the wasm itself.
        #expect(result.gasUsed > 9_006 && result.gasUsed < 30_000, "gas used \(result.gasUsed)")
    }
}
