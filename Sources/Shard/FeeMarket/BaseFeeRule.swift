import Beacon

/// EIP-1559's base-fee update, per shard: after each block the base fee moves toward the demand the block showed.
///
/// With target `T`, denominator `d` and a block that used `g` gas, the next base fee is
/// `b + max(1, b·(g−T)/T/d)` when `g > T`, `b − b·(T−g)/T/d` when `g < T`, and `b` when `g = T` (integer division,
/// as in EIP-1559), all in wei per gas. A full block (`g = 2T` with elasticity 2, `d = 8`) raises the base fee by
/// exactly ⌊b/8⌋ wei. The base fee stops at ``WeiPerGas/max`` (no fee cap reaches it, so it cannot stay there).
package struct BaseFeeRule: Hashable, Sendable {
    /// The gas per block the rule steers toward.
    package var targetGas: UInt64
    /// The largest change per block is 1/denominator of the base fee.
    package var changeDenominator: UInt64

    /// Creates a rule; `targetGas` and `changeDenominator` must be positive.
    package init(targetGas: UInt64, changeDenominator: UInt64) {
        precondition(targetGas > 0 && changeDenominator > 0, "target and denominator must be positive")
        self.targetGas = targetGas
        self.changeDenominator = changeDenominator
    }

    /// The base fee per gas of the block after one with base fee `baseFee` that used `gasUsed` gas.
    package func next(after baseFee: WeiPerGas, gasUsed: UInt64) -> WeiPerGas {
        let base = UInt128(baseFee.wei)
        let target = UInt128(targetGas)
        let used = UInt128(gasUsed)
        if used == target { return baseFee }
        if used > target {
            let delta = max(1, base * (used - target) / target / UInt128(changeDenominator))
            return WeiPerGas(wei: UInt64(clamping: base + delta))
        }
        let delta = base * (target - used) / target / UInt128(changeDenominator)
        return WeiPerGas(wei: UInt64(base - delta))
    }
}
