/// The fee-market EE's outcome for one look-back entry, reported with `eth2_reportResult` (Documentation/FeeMarket.md).
package enum FeeResultCode: UInt32, Hashable, Sendable, CaseIterable {
    /// The relayer's deposit paid the burn and the tip.
    case settled = 0
    /// The relayer's deposit cannot cover what the transaction owes; nothing is debited.
    case overdrawn = 1
    /// The block's witness does not carry the relayer's leaf.
    case noWitness = 2
    /// The transaction's fee cap is below the base fee.
    case underpriced = 3
    /// gas × fee does not fit in 64 bits.
    case overflow = 4
}
