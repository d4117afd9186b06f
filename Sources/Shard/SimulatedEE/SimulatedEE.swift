import Beacon

/// An execution environment as the simulator runs it: a wasm module plus everything a state provider needs to drive
/// it — its full state, the blocks it takes, a native reference that recomputes each block, and an account view.
///
/// The simulator holds each EE's ``State`` on every shard, turns what users and the protocol want into a ``Block``,
/// runs the block in wasm and checks it against ``reference(for:preStateRoot:context:execution:)`` through
/// ``execute(_:on:context:runtime:)`` — one pipeline for every EE. EEs that users transact with also conform to
/// ``WorkloadEE``. `Documentation/WritingAnEE.md` shows how to add one.
package protocol SimulatedEE: Sendable {
    /// The state provider's full state of the EE on one shard (accounts and whatever proves them); its root is the
    /// EE's state root. A value: copies are snapshots.
    associatedtype State: Sendable & Equatable & Codable
    /// One block of the EE, before encoding.
    associatedtype Block: Sendable
    /// What the native reference computes for one block.
    associatedtype Reference: NativeOutcome

    /// The wasm code the shard runs.
    var module: EEModule { get }

    /// The state root of `state`: what the EE's wasm must hold as its root.
    func root(of state: State) -> Root

    /// Every stored account of `state`, in index order: the account view that conservation checks and `state.sqlite`
    /// use. With background accounts (``WorkloadEE/background(of:)``), only the accounts that differ from them.
    func accounts(of state: State) -> [EEAccount]

    /// The sum of every account's balance, including accounts the view leaves out (background accounts): on each
    /// shard it must equal the EE's ETH balance. By default the sum over ``accounts(of:)``.
    func totalBalance(of state: State) -> Gwei

    /// The state whose account view is `accounts` (as `state.sqlite` stores it): its root is the EE's root then.
    func state(from accounts: [EEAccount]) -> State

    /// The bytes the wasm receives as block data (`eth2_blockDataCopy`).
    func encode(_ block: Block) -> [UInt8]

    /// The block computed natively, as the wasm should compute it. `execution` is the wasm's run of the same block,
    /// whose by-products (recovered keys) the reference may reuse, never its verdict.
    func reference(for block: Block, preStateRoot: Root, context: ShardContext, execution: ExecutionResult)
        -> Reference

    /// Writes a successful reference's changes into `state`; afterwards `root(of: state)` is its post-state root.
    func apply(_ reference: Reference, to state: inout State)

    /// The accounts a successful reference changed, as they are after the block.
    func changedAccounts(in reference: Reference) -> [EEAccount]
}

extension SimulatedEE {
    /// The sum of every account's balance: on each shard it must equal the EE's ETH balance.
    package func totalBalance(of state: State) -> Gwei {
        accounts(of: state).reduce(.zero) { $0 + $1.balance }
    }
}

/// What a native reference says about one block: enough to compare with the wasm's ``ExecutionResult``.
package protocol NativeOutcome: Sendable {
    /// Whether the block succeeds.
    var succeeded: Bool { get }
    /// The post-state root (the pre-state root when the block fails).
    var postStateRoot: Root { get }
    /// Results, transfers, claims and ETH moved, exactly as the runtime reports them for the wasm.
    var effects: ShardEffects { get }
}
