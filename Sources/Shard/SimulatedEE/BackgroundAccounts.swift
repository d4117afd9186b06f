import Beacon

/// The accounts of a workload EE on a shard that nobody transacts with: the part of a large state
/// (`accountsPerShard` above `activeAccountsPerShard`) that only has to exist so that witnesses, roots and gas are
/// those of a state of its size.
///
/// A background account is a pure function of (seed, index) chosen by the EE (`Documentation/TokenEE.md`, *Background
/// accounts*, for the token EE): no key controls it, it holds ``balance`` and nonce 0 until something changes it.
/// Only the active users' accounts (and any background account a block changes) are stored; a state provider keeps
/// the rest implicit, so memory and `state.sqlite` do not grow with ``accountCount``.
package struct BackgroundAccounts: Hashable, Sendable, Codable {
    /// Every account of the EE on the shard, active or not: indices `0 ..< accountCount`.
    package var accountCount: Int
    /// The run seed the background is derived from (the same on every shard of the run).
    package var seed: UInt64
    /// Each background account's genesis balance (every account's, active or not, is the same share of the EE's
    /// genesis balance).
    package var balance: Gwei

    /// Creates the description of `accountCount` accounts of run `seed` holding `balance` each.
    package init(accountCount: Int, seed: UInt64, balance: Gwei) {
        self.accountCount = accountCount
        self.seed = seed
        self.balance = balance
    }
}
