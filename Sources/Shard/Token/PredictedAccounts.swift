import Beacon

/// The state provider's prediction of each sender's nonce and balance as a block is packaged, so each transaction
/// is signed with the nonce the EE will expect at its position.
///
/// A transaction the sender cannot afford is still included (and rejected by the EE as an overdraft) and does not
/// consume a nonce, exactly as the EE treats it.
struct PredictedAccounts {
    /// The account of each index before the block (the empty account for an unknown one).
    private let lookup: (UInt32) -> TokenAccount
    private var accounts: [UInt32: TokenAccount] = [:]
    /// Senders whose last transaction was affordable: only then is the recipient credited.
    private var lastSpendSucceeded: [UInt32: Bool] = [:]

    /// Predictions starting from `lookup`'s accounts.
    init(lookup: @escaping (UInt32) -> TokenAccount) { self.lookup = lookup }

    private mutating func account(_ index: UInt32) -> TokenAccount {
        if let account = accounts[index] { return account }
        let account = lookup(index)
        accounts[index] = account
        return account
    }

    /// Credits `amount` to `index` (a receipt processed earlier in the block).
    mutating func credit(_ index: UInt32, _ amount: Gwei) {
        var updated = account(index)
        updated.balance = updated.balance + amount
        accounts[index] = updated
    }

    /// The account as predicted so far, without changing it.
    mutating func peek(_ index: UInt32) -> TokenAccount { account(index) }

    /// The nonce for `index`'s next transaction of `amount`; debits it when affordable.
    mutating func spend(_ index: UInt32, _ amount: Gwei) -> UInt64 {
        var updated = account(index)
        let nonce = updated.nonce
        if let remaining = updated.balance.subtractingIfEnough(amount) {
            updated.balance = remaining
            updated.nonce += 1
            lastSpendSucceeded[index] = true
        } else {
            lastSpendSucceeded[index] = false
        }
        accounts[index] = updated
        return nonce
    }

    /// Credits an on-shard transfer's recipient if the sender's last spend was affordable.
    mutating func creditIfSpent(_ index: UInt32, _ amount: Gwei, by sender: UInt32) {
        if lastSpendSucceeded[sender] == true { credit(index, amount) }
    }
}
