import Beacon

/// The token EE as a simulated EE: accounts in a binary Merkle tree (``TokenTree``), secp256k1-signed transfers and
/// sends, receives of incoming receipts (`Documentation/TokenEE.md`), checked by ``TokenReference``.
package struct TokenEE: TokenRulesEE {
    package typealias State = TokenTree
    package typealias Block = TokenBlock
    package typealias Reference = TokenOutcome

    /// Gas the proposer budgets per signed transaction and per receive; the runtime measures the real figure.
    package static let estimatedGasPerSignedTransaction: UInt64 = 5_000
    package static let estimatedGasPerReceive: UInt64 = 1_500

    package let module: EEModule

    /// The token EE running `module` (`token.wasm`, or any wasm with the same block format and rules).
    package init(module: EEModule) { self.module = module }

    package func genesis(seed: UInt64, shard: ShardID, accountCount: Int, balance: Gwei) -> TokenTree {
        TokenTree.genesis(seed: seed, shard: shard, accountCount: accountCount, balance: balance)
    }

    package var supportsBackgroundAccounts: Bool { true }

    package var backgroundDescription: String {
        "token background account i: address = last 20 bytes of keccak256(\"shardsim-background\" ‖ le64 seed ‖ "
            + "le32 (i mod 2^\(TokenBackgroundPattern.defaultPeriodBits))), balance = balance_gwei, nonce 0; "
            + "no key controls it (Documentation/TokenEE.md, Background accounts)"
    }

    package func genesis(shard: ShardID, background: BackgroundAccounts, active: [UInt32]) -> TokenTree {
        TokenTree.genesis(shard: shard, background: background, active: active)
    }

    package func background(of state: TokenTree) -> BackgroundAccounts? { state.background }

    /// The tree of `accounts` over `background`, with the default background period.
    package func state(from accounts: [EEAccount], background: BackgroundAccounts) -> TokenTree {
        TokenTree(
            depth: TokenTree.depth(forAccountCount: background.accountCount), background: background,
            accounts: accounts.map {
                TokenWitness.Leaf(
                    index: $0.index, account: TokenAccount(address: $0.address, balance: $0.balance, nonce: $0.nonce))
            })
    }

    package func root(of state: TokenTree) -> Root { state.root }

    /// Every account, or with background accounts only the stored ones (active users and changed accounts).
    package func accounts(of state: TokenTree) -> [EEAccount] {
        state.storedAccounts.map { EEAccount($0.index, $0.account) }
    }

    /// The tree of `accounts`, of the depth genesis gives that many accounts.
    package func state(from accounts: [EEAccount]) -> TokenTree {
        TokenTree(
            depth: TokenTree.depth(forAccountCount: accounts.count),
            accounts: accounts.map { TokenAccount(address: $0.address, balance: $0.balance, nonce: $0.nonce) })
    }

    package func totalBalance(of state: TokenTree) -> Gwei { state.totalBalance }

    package func reference(
        for block: TokenBlock, preStateRoot: Root, context: ShardContext, execution: ExecutionResult
    ) -> TokenOutcome {
        TokenReference.apply(
            block: block, preStateRoot: preStateRoot, context: context, recoveredKeys: execution.recoveredKeys)
    }

    package func apply(_ reference: TokenOutcome, to state: inout TokenTree) { state.apply(reference) }

    /// Every leaf of the block's witness, as it is after the block.
    package func changedAccounts(in reference: TokenOutcome) -> [EEAccount] {
        reference.accounts.map { EEAccount($0.index, $0.account) }
    }

    /// A receive carries its receipt's index and account (9 bytes); a transfer 90 bytes and a send 96, each with
    /// two accounts' witness: a leaf and one proof hash per level, at most.
    package func estimates(on state: TokenTree) -> BlockEstimates {
        let witness = TokenWitness.leafByteCount + 16 * state.depth
        return BlockEstimates(
            gasPerUserOperation: Self.estimatedGasPerSignedTransaction, gasPerReceive: Self.estimatedGasPerReceive,
            headerBytes: TokenBlock.headerByteCount, bytesPerReceive: 9 + witness, bytesPerTransfer: 90 + 2 * witness,
            bytesPerSend: 96 + 2 * witness, witnessBytesPerUserOperation: 2 * witness)
    }

    package static var signingDomainTag: [UInt8] { TokenSigning.domainTag }

    package func tokenAccount(_ number: UInt32, in state: TokenTree) -> TokenAccount {
        UInt64(number) < state.capacity ? state.account(at: number) : .empty
    }

    package func block(of operations: [TokenTransaction], on state: TokenTree, shard: ShardID) -> TokenBlock {
        state.block(shard: shard, transactions: operations)
    }

    /// Raises the first witness leaf's balance by 1 gwei, so the witness no longer proves the pre-state root.
    package func forgeWitness(_ block: inout TokenBlock) {
        guard !block.witness.leaves.isEmpty else { return }
        block.witness.leaves[0].account.balance = block.witness.leaves[0].account.balance + Gwei(1)
    }

    /// The account a token receipt credits: its payload is the little-endian account index.
    package static func recipient(of payload: [UInt8]) -> UInt32 {
        guard payload.count >= 4 else { return .max }
        return payload.prefix(4).reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }
}

extension TokenOutcome: NativeOutcome {}

extension EEAccount {
    /// The view of token account `account` at leaf `index`.
    init(_ index: UInt32, _ account: TokenAccount) {
        self.init(index: index, address: account.address, balance: account.balance, nonce: account.nonce)
    }
}

extension TokenBlock: TokenRulesBlock {
    package var witnessByteCount: Int { witness.byteCount }
}
