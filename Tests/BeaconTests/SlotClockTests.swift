import Testing

@testable import Beacon

/// Slot `n` starts at `n × slotDuration`; epochs group `slotsPerEpoch` slots.
@Suite struct SlotClockTests {
    let clock = SlotClock(slotDuration: .seconds(12), slotsPerEpoch: 32)

    @Test("Slot boundaries fall on multiples of the slot duration")
    func boundaries() {
        #expect(clock.start(of: Slot(0)) == .genesis)
        #expect(clock.start(of: Slot(5)) == SimTime(micros: 60_000_000))
        #expect(clock.slot(at: SimTime(micros: 59_999_999)) == Slot(4))
        #expect(clock.slot(at: SimTime(micros: 60_000_000)) == Slot(5))
    }

    @Test("Epochs hold slotsPerEpoch slots")
    func epochs() {
        #expect(clock.epoch(of: Slot(31)) == Epoch(0))
        #expect(clock.epoch(of: Slot(32)) == Epoch(1))
        #expect(clock.firstSlot(of: Epoch(2)) == Slot(64))
    }
}

/// Proposers are a pure function of (seed, shard, slot), and the offline rate is honoured.
@Suite struct ProposerScheduleTests {
    @Test("The same seed gives the same proposers, whatever order they are asked in")
    func deterministic() {
        let a = ProposerSchedule(seed: 7, offlineRate: 0.1)
        let b = ProposerSchedule(seed: 7, offlineRate: 0.1)
        let forward = (0..<50).map { a.proposer(of: ShardID(3), in: Slot(UInt64($0))) }
        let backward = (0..<50).reversed().map { b.proposer(of: ShardID(3), in: Slot(UInt64($0))) }
        #expect(forward == backward.reversed())
        #expect(
            forward
                != (0..<50).map {
                    ProposerSchedule(seed: 8, offlineRate: 0.1).proposer(of: ShardID(3), in: Slot(UInt64($0)))
                })
    }

    @Test("Offline rates of 0 and 1 mean always and never", arguments: [0.0, 1.0])
    func extremes(rate: Double) {
        let schedule = ProposerSchedule(seed: 1, offlineRate: rate)
        let online = (0..<200).filter { schedule.proposer(of: ShardID(UInt16($0 % 8)), in: Slot(UInt64($0))) != nil }
        #expect(online.count == (rate == 0 ? 200 : 0))
    }

    @Test("About the offline share of slots is missed")
    func rate() {
        let schedule = ProposerSchedule(seed: 1, offlineRate: 0.25)
        let missed = (0..<10_000).filter {
            schedule.proposer(of: ShardID(UInt16($0 % 64)), in: Slot(UInt64($0 / 64))) == nil
        }
        // Binomial(10000, 0.25): standard deviation ≈ 43; 5σ keeps this from ever flaking on a fixed seed.
        #expect(abs(missed.count - 2_500) < 220)
    }
}

/// The registry assigns ids in order and sums deposits.
@Suite struct EERegistryTests {
    @Test("Ids are registry indices")
    func ids() {
        var registry = EERegistry()
        let first = registry.register(name: "token", codeHash: .zero, deposit: Gwei(eth: 32))
        let second = registry.register(name: "fees", codeHash: .zero, deposit: Gwei(eth: 1))
        #expect(first == EEID(0) && second == EEID(1))
        #expect(registry[second]?.name == "fees")
        #expect(registry[EEID(2)] == nil)
        #expect(registry.totalDeposits == Gwei(eth: 33))
    }
}

/// Roots and hex round-trip; bad hex is refused, never trapped on.
@Suite struct RootTests {
    @Test("A root round-trips through hex")
    func roundTrip() throws {
        let hex = "0x" + String(repeating: "ab", count: 31) + "cd"
        let root = try #require(Root(hex: hex))
        #expect(root.hex == hex)
        #expect(Root(bytes: root.bytes) == root)
    }

    @Test(
        "Malformed hex is refused",
        arguments: ["", "0x", "abc", "zz" + String(repeating: "00", count: 31), String(repeating: "00", count: 33)])
    func malformed(_ text: String) {
        #expect(Root(hex: text) == nil)
    }

    @Test("Gwei subtraction reports a shortfall instead of wrapping")
    func gwei() {
        #expect(Gwei(5).subtractingIfEnough(Gwei(6)) == nil)
        #expect(Gwei(5).subtractingIfEnough(Gwei(5)) == .zero)
        #expect(Gwei(eth: 2) == Gwei(2_000_000_000))
    }
}
