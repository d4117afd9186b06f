import Foundation
import Testing

@testable import Scenarios

/// Good files load, every field lands where it should with its unit, and what a file leaves out takes the
/// documented default.
@Suite struct GoodScenarioTests {
    @Test("A file with only a name gives the all-defaults scenario")
    func defaults() throws {
        var expected = Scenario()
        expected.name = "minimal"
        #expect(try Fixtures.scenario("good/minimal.yaml") == expected)
    }

    @Test("The defaults are the documented ones")
    func documentedDefaults() {
        let s = Scenario()
        #expect(s.name == "unnamed")
        #expect(s.description == "")
        #expect(s.seeds == [1])
        #expect(s.runLength == .slots(32))
        #expect(s.slotCount == 32)
        #expect(s.beacon.slotDuration == TimeSpan(micros: 12_000_000))
        #expect(s.beacon.slotsPerEpoch == 32)
        #expect(s.beacon.proposerOfflineRate == .zero)
        #expect(s.shards.count == 64)
        #expect(s.shards.blockGasLimit == GasAmount(30_000_000))
        #expect(s.shards.blockSizeLimit == ByteCount(bytes: 524_288))
        #expect(s.ees.count == 1)
        #expect(s.ees[0].name == "token")
        #expect(s.ees[0].code == .builtin("token"))
        #expect(s.ees[0].deposit == EtherAmount(eth: 32))
        #expect(s.ees[0].genesisBalancePerShard == EtherAmount(eth: 1000))
        #expect(s.ees[0].accountsPerShard == 5000)
        #expect(s.execution.gasLimitPerExecution == GasAmount(10_000_000))
        #expect(s.execution.memoryLimit == ByteCount(bytes: 16 << 20))
        #expect(s.execution.threads == 0)
        #expect(s.execution.gasPerSecond == GasAmount(100_000_000))
        #expect(s.workload.ee == "token")
        #expect(s.workload.transactionsPerSlot == FixedDecimal(100))
        #expect(s.workload.crossShardFraction == Fraction(percent: 20))
        #expect(s.workload.zipfExponent == FixedDecimal(1))
        #expect(s.workload.amount.min == EtherAmount(gwei: 1_000_000))
        #expect(s.workload.amount.max == EtherAmount(eth: 1))
        #expect(s.workload.priorityFeePerGas == EtherAmount(gwei: 1))
        #expect(s.workload.maxFeePerGas == EtherAmount(gwei: 100))
        #expect(s.crossShard.model == .oneSlot)
        #expect(s.crossShard.finalityDelay == .epochs(2))
        #expect(s.crossShard.revertProbability == Fraction(percent: 1))
        #expect(s.fees.elasticity == 2)
        #expect(s.fees.baseFeeChangeDenominator == 8)
        #expect(s.fees.initialBaseFee == EtherAmount(gwei: 1))
        #expect(s.targetGasPerBlock == GasAmount(15_000_000))
        #expect(s.sweep.isEmpty)
    }

    @Test("Every field of a full file is read with its unit")
    func fullFile() throws {
        let s = try Fixtures.scenario("good/full.yaml")
        #expect(s.name == "Full_Scenario-1.0")
        #expect(s.description == "Every field set.\nSecond line with a \"quote\".")
        #expect(s.seeds == [7, UInt64.max, 0])
        #expect(s.runLength == .duration(TimeSpan(micros: 7_200_000_000)))
        #expect(s.slotCount == 1200)
        #expect(s.beacon.slotDuration == TimeSpan(seconds: 6))
        #expect(s.beacon.slotsPerEpoch == 16)
        #expect(s.beacon.proposerOfflineRate == Fraction(partsPerBillion: 50_000_000))
        #expect(s.shards.count == 1024)
        #expect(s.shards.blockGasLimit == GasAmount(12_500_000))
        #expect(s.shards.blockSizeLimit == ByteCount(bytes: 1_000_000))
        #expect(s.ees.map(\.name) == ["token", "fee-market"])
        #expect(s.ees[0].deposit == EtherAmount(gwei: 500_000_000))
        #expect(s.ees[0].genesisBalancePerShard == EtherAmount(eth: 1000))
        #expect(s.ees[0].accountsPerShard == 0)
        #expect(s.ees[1].code == .file(path: Fixtures.url("good/wasm/empty.wasm").standardizedFileURL.path))
        #expect(s.ees[1].code.fileURL?.lastPathComponent == "empty.wasm")
        #expect(s.ees[1].deposit == EtherAmount(gwei: 1))
        #expect(s.ees[1].accountsPerShard == 10_000_000)
        #expect(s.execution.gasLimitPerExecution == GasAmount(1))
        #expect(s.execution.memoryLimit == ByteCount(bytes: 65_536))
        #expect(s.execution.threads == 8)
        #expect(s.execution.gasPerSecond == GasAmount(5_000_000))
        #expect(s.workload.ee == "fee-market")
        #expect(s.workload.transactionsPerSlot == FixedDecimal(millionths: 500_000))
        #expect(s.workload.crossShardFraction == Fraction(percent: 100))
        #expect(s.workload.zipfExponent == FixedDecimal(0))
        #expect(s.workload.amount.min == EtherAmount(gwei: 1))
        #expect(s.workload.amount.max == EtherAmount(gwei: 1_500_000_000))
        #expect(s.workload.priorityFeePerGas == EtherAmount(gwei: 0))
        #expect(s.workload.maxFeePerGas == EtherAmount(gwei: 250))
        #expect(s.crossShard.model == .finalityWait)
        #expect(s.crossShard.finalityDelay == .slots(3))
        #expect(s.crossShard.revertProbability == Fraction(partsPerBillion: 1))
        #expect(s.fees.elasticity == 4)
        #expect(s.fees.baseFeeChangeDenominator == 16)
        #expect(s.fees.initialBaseFee == EtherAmount(gwei: 7))
        #expect(s.targetGasPerBlock == GasAmount(3_125_000))
    }

    @Test("Anchors, aliases and merge keys are welcome")
    func anchors() throws {
        let s = try Fixtures.scenario("good/anchors.yaml")
        #expect(s.ees.map(\.name) == ["token", "token-copy"])
        #expect(s.ees[1].accountsPerShard == 100)
        #expect(s.ees[1].deposit == EtherAmount(eth: 32))
        #expect(s.sweep.axes.map(\.path) == ["shards.count"])
    }

    @Test("A section with every key commented out takes the defaults")
    func nullSections() throws {
        var expected = Scenario()
        expected.name = "sections-null"
        #expect(try Fixtures.scenario("good/sections-null.yaml") == expected)
    }

    @Test("The workload's EE defaults to the first EE, whatever its name")
    func workloadEEDefault() throws {
        let s = try Scenario.parse(yaml: "ees:\n  - {name: coin, code: 'builtin:coin'}\n")
        #expect(s.workload.ee == "coin")
    }

    @Test("Windows line endings and a byte-order mark are fine")
    func lineEndings() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("name: crlf\r\nslots: 5\r\n".utf8)
        let s = try Scenario.parse(bytes: bytes, file: "crlf.yaml")
        #expect(s.name == "crlf")
        #expect(s.slotCount == 5)
    }

    @Test("The shipped scenarios validate", arguments: ["quickstart", "reference"])
    func shipped(name: String) throws {
        let url = Fixtures.packageRoot.appendingPathComponent("scenarios/\(name).yaml")
        let s = try Scenario.load(contentsOf: url)
        #expect(s.name == name)
        #expect(s.ees.map(\.code) == [.builtin("token")])
        #expect(s.crossShard.model == .oneSlot)
        #expect(s.workload.crossShardFraction == Fraction(percent: 20))
    }

    @Test("The quickstart scenario is small and the reference scenario is full size")
    func shippedSizes() throws {
        let quick = try Scenario.load(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("scenarios/quickstart.yaml"))
        #expect(quick.shards.count == 4)
        #expect(quick.ees[0].accountsPerShard == 200)
        #expect(quick.workload.transactionsPerSlot == FixedDecimal(20))
        #expect(quick.slotCount == 20)
        let reference = try Scenario.load(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("scenarios/reference.yaml"))
        #expect(reference.shards.count == 64)
        #expect(reference.ees[0].accountsPerShard == 5000)
        #expect(reference.workload.transactionsPerSlot == FixedDecimal(100))
        #expect(reference.runLength == .duration(TimeSpan(micros: 3_600_000_000)))
        #expect(reference.slotCount == 300)
    }

    @Test("The shipped model comparison validates: every model reads its finality delay and revert probability")
    func shippedComparison() throws {
        let s = try Scenario.load(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("scenarios/compare-models.yaml"))
        #expect(s.name == "compare-models")
        #expect(s.crossShard.finalityDelay == .slots(4))
        #expect(s.crossShard.revertProbability == Fraction(percent: 10))
        #expect(s.seeds == [1, 2, 3, 4, 5])
    }

    @Test("The shipped load sweep validates: 3 × 2 points, 5 seeds, the offered load varying slowest")
    func shippedSweep() throws {
        let s = try Scenario.load(contentsOf: Fixtures.packageRoot.appendingPathComponent("scenarios/load-sweep.yaml"))
        #expect(s.seeds == [1, 2, 3, 4, 5])
        #expect(s.sweep.pointCount == 6)
        #expect(s.sweepPoints()[1].label == "workload.transactionsPerSlot=10,workload.crossShardFraction=50%")
    }
}
