import Beacon
import Testing

@testable import Shard

/// EIP-1559's update rule: full blocks raise the base fee by exactly 1/8, blocks at the target leave it alone, empty
/// blocks lower it by 1/8, always in integer arithmetic.
@Suite struct BaseFeeRuleTests {
    let rule = BaseFeeRule(targetGas: 250_000, changeDenominator: 8)

    @Test("A run of full blocks raises the base fee by exactly 1/8 per block")
    func fullBlocksRaiseByOneEighth() {
        // 8⁶ gwei divides by 8 six times, so every step is exactly 9/8 with no rounding.
        var fee = Gwei(262_144)
        var expected: [UInt64] = []
        var value: UInt64 = 262_144
        for _ in 0..<6 {
            value = value / 8 * 9
            expected.append(value)
        }
        var seen: [UInt64] = []
        for _ in 0..<6 {
            let next = rule.next(after: fee, gasUsed: 500_000)
            #expect(next.value == fee.value + fee.value / 8)
            fee = next
            seen.append(fee.value)
        }
        #expect(seen == expected)
        #expect(seen.last == 531_441 * 1)  // 8⁶ × (9/8)⁶ = 9⁶
    }

    @Test("At the target the base fee stays put", arguments: [1, 7, 1_000, 4_096, 123_456_789] as [UInt64])
    func atTargetUnchanged(_ fee: UInt64) {
        #expect(rule.next(after: Gwei(fee), gasUsed: 250_000) == Gwei(fee))
    }

    @Test("An empty block lowers the base fee by 1/8, rounded in the base fee's favour")
    func emptyBlockLowers() {
        #expect(rule.next(after: Gwei(4_096), gasUsed: 0) == Gwei(3_584))
        #expect(rule.next(after: Gwei(7), gasUsed: 0) == Gwei(7))  // 7/8 rounds down to 0
    }

    @Test("Above the target the base fee rises by at least 1 gwei, in proportion otherwise")
    func proportionalIncrease() {
        #expect(rule.next(after: Gwei(1), gasUsed: 250_001) == Gwei(2))
        // Half-way between target and limit: +1/16.
        #expect(rule.next(after: Gwei(1_600), gasUsed: 375_000) == Gwei(1_700))
    }
}
