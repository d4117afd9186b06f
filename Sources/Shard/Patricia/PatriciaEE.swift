import Beacon

/// The Patricia token EE as a simulated EE: the token EE's users, transactions and rules, with its accounts in a
/// hexary Merkle Patricia trie as Ethereum 1 defines it (``PatriciaState``) and a de-duplicating multiproof per
/// block (``PatriciaWitness``), checked by ``PatriciaReference`` (`Documentation/PatriciaTokenEE.md`).
package struct PatriciaEE: TokenRulesEE {
    package typealias State = PatriciaState
    package typealias Block = PatriciaBlock
    package typealias Reference = PatriciaOutcome

    package let module: EEModule

    /// The Patricia token EE running `module` (`patricia.wasm`).
    package init(module: EEModule) { self.module = module }

    package func genesis(seed: UInt64, shard: ShardID, accountCount: Int, balance: Gwei) -> PatriciaState {
        PatriciaState.genesis(seed: seed, shard: shard, accountCount: accountCount, balance: balance)
    }

    package func root(of state: PatriciaState) -> Root { state.root }

    package func accounts(of state: PatriciaState) -> [EEAccount] {
        state.accounts.map {
            EEAccount(index: $0.number, address: $0.address, balance: $0.balance, nonce: $0.nonce)
        }
    }

    package func state(from accounts: [EEAccount]) -> PatriciaState {
        PatriciaState(
            accounts: accounts.map {
                PatriciaAccount(number: $0.index, address: $0.address, balance: $0.balance, nonce: $0.nonce)
            })
    }

    package func reference(
        for block: PatriciaBlock, preStateRoot: Root, context: ShardContext, execution: ExecutionResult
    ) -> PatriciaOutcome {
        PatriciaReference.apply(
            blockData: block.encoded, preStateRoot: preStateRoot, context: context,
            recoveredKeys: execution.recoveredKeys)
    }

    package func apply(_ reference: PatriciaOutcome, to state: inout PatriciaState) { state.apply(reference) }

    /// Every account of the block's witness, as it is after the block.
    package func changedAccounts(in reference: PatriciaOutcome) -> [EEAccount] {
        reference.accounts.map {
            EEAccount(index: $0.number, address: $0.address, balance: $0.balance, nonce: $0.nonce)
        }
    }

    /// A receive is 9 bytes, a transfer 90 and a send 96; each account touched brings about one branch node (532
    /// bytes) per level below the shared top of the trie and its leaf (about 110 bytes): budgeted as
    /// `⌈log₁₆ N⌉` branches per account, an upper bound for a few accounts per block.
    package func estimates(on state: PatriciaState) -> BlockEstimates {
        var levels = 1
        while 1 << (4 * levels) < state.accounts.count { levels += 1 }
        let witness = 534 * levels + 110
        return BlockEstimates(
            gasPerUserOperation: TokenEE.estimatedGasPerSignedTransaction,
            gasPerReceive: TokenEE.estimatedGasPerReceive,
            headerBytes: PatriciaBlock.headerByteCount + 4, bytesPerReceive: 9 + witness,
            bytesPerTransfer: 90 + 2 * witness, bytesPerSend: 96 + witness, witnessBytesPerUserOperation: 2 * witness)
    }

    package static var signingDomainTag: [UInt8] { PatriciaSigning.domainTag }

    package func tokenAccount(_ number: UInt32, in state: PatriciaState) -> TokenAccount {
        state.account(number).map { TokenAccount(address: $0.address, balance: $0.balance, nonce: $0.nonce) } ?? .empty
    }

    package func block(of operations: [TokenTransaction], on state: PatriciaState, shard: ShardID) -> PatriciaBlock {
        state.block(shard: shard, transactions: operations)
    }

    /// Raises the balance in the witness's last leaf by 1 gwei (re-encoding the leaf), so the witness no longer
    /// hashes to the pre-state root, as the token EE's forgery does.
    package func forgeWitness(_ block: inout PatriciaBlock) {
        guard let last = block.witness.nodes.lastIndex(where: { $0.branchMask == nil }),
            let items = (try? RLP(decoding: block.witness.nodes[last].rlp))?.items, items.count == 2,
            let value = items[1].byteString, var account = PatriciaAccount(value: value)
        else { return }
        account.balance = account.balance + Gwei(1)
        block.witness.nodes[last].rlp = RLP.list([items[0], .bytes(account.value)]).encoded
    }
}

extension PatriciaBlock: TokenRulesBlock {
    package var witnessByteCount: Int { witness.byteCount }
}
