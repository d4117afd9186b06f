import Beacon
import Testing

@testable import Shard

/// EIP-1559's update rule, in wei per gas: full blocks raise the base fee by exactly 1/8, blocks at the target leave
/// it alone, empty blocks lower it by 1/8, always in integer arithmetic; and a gas sequence centred on the target
/// keeps the base fee where it started (no ratchet from rounding).
@Suite struct BaseFeeRuleTests {
    let rule = BaseFeeRule(targetGas: 250_000, changeDenominator: 8)

    @Test("A run of full blocks raises the base fee by exactly 1/8 per block")
    func fullBlocksRaiseByOneEighth() {
        // 8⁶ wei divides by 8 six times, so every step is exactly 9/8 with no rounding.
        var fee = WeiPerGas(wei: 262_144)
        var seen: [UInt64] = []
        for _ in 0..<6 {
            let next = rule.next(after: fee, gasUsed: 500_000)
            #expect(next.wei == fee.wei + fee.wei / 8)
            fee = next
            seen.append(fee.wei)
        }
        #expect(seen == [294_912, 331_776, 373_248, 419_904, 472_392, 531_441])  // 8⁶ × (9/8)ᵏ, ending at 9⁶
    }

    @Test("At the target the base fee stays put", arguments: [1, 7, 1_000, 4_096, 123_456_789, UInt64.max] as [UInt64])
    func atTargetUnchanged(_ fee: UInt64) {
        #expect(rule.next(after: WeiPerGas(wei: fee), gasUsed: 250_000) == WeiPerGas(wei: fee))
    }

    @Test("An empty block lowers the base fee by 1/8, rounded in the base fee's favour")
    func emptyBlockLowers() {
        #expect(rule.next(after: WeiPerGas(wei: 4_096), gasUsed: 0) == WeiPerGas(wei: 3_584))
        #expect(rule.next(after: WeiPerGas(wei: 7), gasUsed: 0) == WeiPerGas(wei: 7))  // 7/8 rounds down to 0
        // 10 gwei falls by exactly 1.25 gwei: whole gwei would have to round this step.
        #expect(rule.next(after: WeiPerGas(gwei: 10)!, gasUsed: 0) == WeiPerGas(wei: 8_750_000_000))
    }

    @Test("Above the target the base fee rises by at least 1 wei, in proportion otherwise")
    func proportionalIncrease() {
        #expect(rule.next(after: WeiPerGas(wei: 1), gasUsed: 250_001) == WeiPerGas(wei: 2))
        // Half-way between target and limit: +1/16.
        #expect(rule.next(after: WeiPerGas(wei: 1_600), gasUsed: 375_000) == WeiPerGas(wei: 1_700))
        // One gas above the target at 10 gwei: +5,000 wei (whole gwei would add a whole gwei, 10 %).
        #expect(rule.next(after: WeiPerGas(gwei: 10)!, gasUsed: 250_001) == WeiPerGas(wei: 10_000_005_000))
    }

    @Test("The base fee stops at 2⁶⁴ − 1 wei per gas instead of overflowing")
    func saturatesAtMaximum() {
        #expect(rule.next(after: .max, gasUsed: 500_000) == .max)
        #expect(rule.next(after: WeiPerGas(wei: .max - 3), gasUsed: 500_000) == .max)
    }

    /// Demand at the target on average: blocks alternate above and below it by up to 0.5 % of it, in a fixed,
    /// seedless sequence (each pair sums to twice the target). With the base fee in whole gwei and a minimum rise of
    /// 1 gwei, the same sequence ratchets the fee upwards (10 → 28.3 gwei in 40 blocks, issue 12).
    @Test("Replaying a gas sequence at target demand keeps the base fee within 0.1 % over 100 blocks")
    func targetDemandHoldsTheBaseFee() {
        let target = rule.targetGas
        let start = WeiPerGas(gwei: 10)!
        var fee = start
        var worst = 0.0
        for block in 0..<100 {
            // Deviations cycle through 1 to 5 thousandths of the target, one block above then one below.
            let step = UInt64(block / 2 % 5 + 1) * target / 1_000
            let gas = block % 2 == 0 ? target + step : target - step
            fee = rule.next(after: fee, gasUsed: gas)
            let drift = abs(Double(fee.wei) - Double(start.wei)) / Double(start.wei)
            worst = max(worst, drift)
        }
        #expect(worst < 0.001, "the base fee drifted \(worst * 100) % from 10 gwei")
    }

    /// The same check on the small, sticky base fees where whole gwei hurt most: 1 gwei, with blocks one gas above
    /// and one gas below the target in turn.
    @Test("A low base fee does not ratchet when demand sits exactly around the target")
    func lowBaseFeeDoesNotRatchet() {
        var fee = WeiPerGas(gwei: 1)!
        for block in 0..<100 {
            fee = rule.next(after: fee, gasUsed: block % 2 == 0 ? rule.targetGas + 1 : rule.targetGas - 1)
        }
        let drift = abs(Double(fee.wei) - 1e9) / 1e9
        #expect(drift < 0.001, "1 gwei drifted to \(fee.gweiText) gwei")
    }
}

/// A price per gas in wei: construction from gwei, charges rounded up to whole gwei, and its gwei display.
@Suite struct WeiPerGasTests {
    @Test("Charges are gas × price rounded up to a whole gwei, and nil past 2⁶⁴ − 1 gwei")
    func chargeRoundsUp() {
        #expect(WeiPerGas(wei: 1).charge(forGas: 1) == Gwei(1))
        #expect(WeiPerGas(wei: 1_000_000_000).charge(forGas: 5_000) == Gwei(5_000))
        #expect(WeiPerGas(wei: 1_000_000_001).charge(forGas: 5_000) == Gwei(5_001))
        #expect(WeiPerGas.zero.charge(forGas: 5_000) == .zero)
        #expect(WeiPerGas.max.charge(forGas: 1_000_000_000) == Gwei(UInt64.max))
        #expect(WeiPerGas.max.charge(forGas: 1_000_000_001) == nil)
    }

    @Test("Whole gwei beyond 2⁶⁴ − 1 wei are refused, not wrapped")
    func gweiFits() {
        #expect(WeiPerGas(gwei: 18_000_000_000)?.wei == 18_000_000_000_000_000_000)
        #expect(WeiPerGas(gwei: 18_446_744_074) == nil)
    }

    @Test(
        "The gwei display keeps all nine decimals",
        arguments: [
            (0, "0.000000000"), (1, "0.000000001"), (11_437_500_000, "11.437500000"),
            (UInt64.max, "18446744073.709551615"),
        ] as [(UInt64, String)])
    func display(_ wei: UInt64, _ text: String) {
        #expect(WeiPerGas(wei: wei).gweiText == text)
    }
}
