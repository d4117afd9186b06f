import Beacon

/// The sparse token EE as a simulated EE: the token EE's users, transactions, receipts and rules, with accounts in a
/// 256-level sparse Merkle tree keyed by `keccak256(address)` (``SparseTree``) and a zero-subtree-compressed
/// multiproof (``SparseWitness``); `Documentation/SparseTokenEE.md`, checked by ``SparseReference``.
package struct SparseEE: TokenRulesEE {
    package typealias State = SparseTree
    package typealias Block = SparseBlock
    package typealias Reference = TokenOutcome

    /// Gas the proposer budgets per signed transaction and per receive: every touched account costs about 256
    /// levels of hashing in each state (measured in `Documentation/SparseTokenEE.md`); the runtime measures the real
    /// figure.
    package static let estimatedGasPerSignedTransaction: UInt64 = 200_000
    package static let estimatedGasPerReceive: UInt64 = 100_000

    package let module: EEModule

    /// The sparse token EE running `module` (`sparse.wasm`).
    package init(module: EEModule) { self.module = module }

    package func genesis(seed: UInt64, shard: ShardID, accountCount: Int, balance: Gwei) -> SparseTree {
        SparseTree.genesis(seed: seed, shard: shard, accountCount: accountCount, balance: balance)
    }

    package func root(of state: SparseTree) -> Root { state.root }

    package func accounts(of state: SparseTree) -> [EEAccount] {
        state.accounts.enumerated().map { EEAccount(UInt32($0.offset), $0.element) }
    }

    package func state(from accounts: [EEAccount]) -> SparseTree {
        SparseTree(accounts: accounts.map { TokenAccount(address: $0.address, balance: $0.balance, nonce: $0.nonce) })
    }

    package func totalBalance(of state: SparseTree) -> Gwei { state.accounts.reduce(.zero) { $0 + $1.balance } }

    package func reference(
        for block: SparseBlock, preStateRoot: Root, context: ShardContext, execution: ExecutionResult
    ) -> TokenOutcome {
        SparseReference.apply(
            block: block, preStateRoot: preStateRoot, context: context, recoveredKeys: execution.recoveredKeys)
    }

    package func apply(_ reference: TokenOutcome, to state: inout SparseTree) { state.apply(reference) }

    /// Every leaf of the block's witness, as it is after the block.
    package func changedAccounts(in reference: TokenOutcome) -> [EEAccount] {
        reference.accounts.map { EEAccount($0.index, $0.account) }
    }

    /// A transfer is 90 bytes and a send 96, a receive 9, as in the token EE; each account brings its 40-byte leaf,
    /// 32 bytes of bitmap (one bit per level) and at most one hash per level of a binary tree of the accounts.
    package func estimates(on state: SparseTree) -> BlockEstimates {
        var levels = 0
        while (1 << levels) < max(1, state.count) { levels += 1 }
        let witness = SparseWitness.leafByteCount + 32 + 32 * levels
        return BlockEstimates(
            gasPerUserOperation: Self.estimatedGasPerSignedTransaction, gasPerReceive: Self.estimatedGasPerReceive,
            headerBytes: SparseBlock.headerByteCount + 8, bytesPerReceive: 9 + witness,
            bytesPerTransfer: 90 + 2 * witness, bytesPerSend: 96 + witness, witnessBytesPerUserOperation: 2 * witness)
    }

    package static var signingDomainTag: [UInt8] { SparseSigning.domainTag }

    package func tokenAccount(_ number: UInt32, in state: SparseTree) -> TokenAccount { state.account(number) }

    package func block(of operations: [TokenTransaction], on state: SparseTree, shard: ShardID) -> SparseBlock {
        state.block(shard: shard, transactions: operations)
    }

    /// Raises the first witness leaf's balance by 1 gwei, so the witness no longer proves the pre-state root.
    package func forgeWitness(_ block: inout SparseBlock) {
        guard !block.witness.leaves.isEmpty else { return }
        block.witness.leaves[0].account.balance = block.witness.leaves[0].account.balance + Gwei(1)
    }
}

extension SparseBlock: TokenRulesBlock {
    package var witnessByteCount: Int { witness.byteCount }
}
