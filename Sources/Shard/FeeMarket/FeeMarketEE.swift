import Beacon

/// The fee-market EE as a simulated EE: the relayers' deposits in a binary Merkle tree (relayer `i` at leaf `i`, its
/// nonce the transactions it paid for), and a block that settles the block's look-back entries at its base fee
/// (`Documentation/FeeMarket.md`), checked by ``FeeMarketReference``.
package struct FeeMarketEE: SimulatedEE {
    package typealias State = TokenTree
    package typealias Reference = FeeMarketOutcome

    /// What one settlement executes: the witness of the relayers named, and what it settles.
    package struct Block: Sendable {
        package var block: FeeMarketBlock
        package var baseFee: WeiPerGas
        package var entries: [LookBackEntry]
    }

    package let module: EEModule

    /// The fee-market EE running `module` (`fee_market.wasm`).
    package init(module: EEModule) { self.module = module }

    /// The deposits on `shard`: `relayerCount` relayers of run `seed`, each holding `deposit`.
    package func genesis(seed: UInt64, shard: ShardID, relayerCount: Int, deposit: Gwei) -> TokenTree {
        TokenTree.relayers(seed: seed, shard: shard, relayerCount: relayerCount, deposit: deposit)
    }

    /// The settlement of `entries` (the block's user transactions) at `baseFee`, against `state`.
    package func settlement(on state: TokenTree, shard: ShardID, baseFee: WeiPerGas, entries: [LookBackEntry]) -> Block
    {
        Block(block: state.feeMarketBlock(shard: shard, entries: entries), baseFee: baseFee, entries: entries)
    }

    package func root(of state: TokenTree) -> Root { state.root }

    package func accounts(of state: TokenTree) -> [EEAccount] {
        state.accounts.enumerated().map { EEAccount(UInt32($0.offset), $0.element) }
    }

    /// The deposit tree of `accounts`, of the depth genesis gives that many relayers.
    package func state(from accounts: [EEAccount]) -> TokenTree {
        TokenTree(
            depth: TokenTree.depth(forAccountCount: max(1, accounts.count)),
            accounts: accounts.map { TokenAccount(address: $0.address, balance: $0.balance, nonce: $0.nonce) })
    }

    package func totalBalance(of state: TokenTree) -> Gwei { state.accounts.reduce(.zero) { $0 + $1.balance } }

    package func encode(_ block: Block) -> [UInt8] { block.block.encoded }

    package func reference(
        for block: Block, preStateRoot: Root, context: ShardContext, execution: ExecutionResult
    ) -> FeeMarketOutcome {
        FeeMarketReference.apply(
            block: block.block, preStateRoot: preStateRoot, baseFee: block.baseFee, entries: block.entries,
            balance: context.balance)
    }

    package func apply(_ reference: FeeMarketOutcome, to state: inout TokenTree) { state.apply(reference) }

    package func changedAccounts(in reference: FeeMarketOutcome) -> [EEAccount] {
        reference.relayers.map { EEAccount($0.index, $0.account) }
    }
}
