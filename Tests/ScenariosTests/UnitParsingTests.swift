import Testing

@testable import Scenarios

/// Each unit type reads every documented spelling exactly, rejects the rest with a message, and spells its
/// canonical form so that it reads back to the same value.
@Suite struct UnitParsingTests {
    @Test(
        "Durations read as integer microseconds in every unit",
        arguments: [
            ("12s", 12_000_000), ("250ms", 250_000), ("500us", 500), ("500µs", 500), ("500μs", 500),
            ("10m", 600_000_000), ("2min", 120_000_000), ("1h", 3_600_000_000), ("1.5s", 1_500_000),
            ("0.5ms", 500), ("12 s", 12_000_000), ("1_000ms", 1_000_000), ("0s", 0),
        ] as [(String, UInt64)])
    func durations(text: String, micros: UInt64) throws {
        #expect(try TimeSpan.parse(text).get() == TimeSpan(micros: micros))
    }

    @Test(
        "Durations without a unit, with an unknown unit, below a microsecond or negative are rejected",
        arguments: [
            ("12", "a duration with a unit (e.g. 12s, 250ms)"),
            ("12 parsecs", "a duration with a unit (us, ms, s, m or h, e.g. 12s, 250ms)"),
            ("12S", "a duration with a unit (us, ms, s, m or h, e.g. 12s, 250ms)"),
            ("0.5us", "a whole number of microseconds"),
            ("-5s", "a non-negative duration (e.g. 12s)"),
            ("1e3s", "a duration with a unit (us, ms, s, m or h, e.g. 12s, 250ms)"),
            ("99999999999999999999h", "a duration below about 584,000 years"),
            (".5s", "a duration with a unit (us, ms, s, m or h, e.g. 12s, 250ms)"),
            ("", "a duration with a unit (e.g. 12s, 250ms)"),
        ])
    func badDurations(text: String, expected: String) {
        #expect(TimeSpan.parse(text) == .failure(ValueProblem(expected: expected, outOfRange: outOfRange(text))))
    }

    @Test(
        "ETH amounts read as whole gwei",
        arguments: [
            ("2 ETH", 2_000_000_000), ("0.5 ETH", 500_000_000), ("1 gwei", 1), ("1000000000 wei", 1),
            ("0.000000001 ETH", 1), ("32 eth", 32_000_000_000), ("7 Gwei", 7), ("0 ETH", 0),
            ("99999999999999000000000 wei", 99_999_999_999_999),
        ] as [(String, UInt64)])
    func amounts(text: String, gwei: UInt64) throws {
        #expect(try EtherAmount.parse(text).get() == EtherAmount(gwei: gwei))
    }

    @Test(
        "A fraction of a gwei is an error that says so",
        arguments: ["1 wei", "0.5 gwei", "0.0000000001 ETH", "1500000001 wei"])
    func fractionalGwei(text: String) {
        #expect(
            EtherAmount.parse(text) == .failure(ValueProblem(expected: "a whole number of gwei (1 gwei = 10⁻⁹ ETH)")))
    }

    @Test(
        "Sizes read in decimal and binary units",
        arguments: [
            ("512 KiB", 524_288), ("512 kB", 512_000), ("1 KB", 1000), ("16 MiB", 16_777_216), ("1 MB", 1_000_000),
            ("2 GiB", 2_147_483_648), ("1.5 KiB", 1536), ("100 B", 100),
        ] as [(String, UInt64)])
    func sizes(text: String, bytes: UInt64) throws {
        #expect(try ByteCount.parse(text).get() == ByteCount(bytes: bytes))
    }

    @Test(
        "Gas reads with or without its suffix",
        arguments: ["30000000 gas", "30000000", "30_000_000 gas", "30000000 GAS"])
    func gas(text: String) throws {
        #expect(try GasAmount.parse(text).get() == GasAmount(30_000_000))
    }

    @Test(
        "Fractions read as decimals or percentages, exactly",
        arguments: [
            ("0.2", 200_000_000), ("20%", 200_000_000), ("0%", 0), ("1", 1_000_000_000), ("100%", 1_000_000_000),
            ("0.000000001", 1), ("0.0000001%", 1), ("5 %", 50_000_000),
        ] as [(String, UInt32)])
    func fractions(text: String, partsPerBillion: UInt32) throws {
        #expect(try Fraction.parse(text).get().partsPerBillion == partsPerBillion)
    }

    @Test("Fractions outside 0 to 1 are rejected", arguments: ["1.2", "101%", "-0.1", "2", "0.1 ETH"])
    func badFractions(text: String) {
        #expect(Fraction.parse(text) == .failure(ValueProblem(expected: "a fraction from 0 to 1 (e.g. 0.2 or 20%)")))
    }

    @Test(
        "Delays read in slots or epochs, singular or plural",
        arguments: [
            ("3 slots", SlotDelay.slots(3)), ("1 slot", .slots(1)), ("2 epochs", .epochs(2)), ("1 epoch", .epochs(1)),
        ])
    func delays(text: String, delay: SlotDelay) throws {
        #expect(try SlotDelay.parse(text).get() == delay)
        #expect(delay.slots(slotsPerEpoch: 32) == (text.contains("epoch") ? delay.count * 32 : delay.count))
    }

    @Test(
        "Counts are plain integers: units, fractions, signs and overflow are rejected",
        arguments: ["64 shards", "1.5", "-3", "+3", "0x10", "99999999999999999999999", "1e3", "", "1__0"])
    func badCounts(text: String) {
        #expect(throws: ValueProblem.self) { try Int.parse(text).get() }
    }

    @Test(
        "Canonical spellings read back to the same value",
        arguments: [
            "1h", "90m", "12s", "250ms", "1us", "1500ms", "0s", "2 ETH", "0.5 ETH", "1 gwei", "0.001 ETH",
            "999999 gwei",
            "1.000000001 ETH", "512 KiB", "1 MB", "0 B", "1025 B", "20%", "0.0000001%", "100%", "3 slots", "1 epoch",
        ])
    func canonicalRoundTrip(text: String) throws {
        func roundTrips<T: ScenarioScalar>(_ type: T.Type) -> Bool {
            guard case .success(let value) = T.parse(text) else { return false }
            return value.canonicalText == text && T.parse(value.canonicalText) == .success(value)
        }
        let types: [any ScenarioScalar.Type] = [
            TimeSpan.self, EtherAmount.self, ByteCount.self, Fraction.self, SlotDelay.self,
        ]
        #expect(types.contains { roundTrips($0) }, "no unit type spells \(text) canonically")
    }

    /// The overflow/negative tag the parser attaches, so failures compare equal.
    private func outOfRange(_ text: String) -> ValueProblem.OutOfRange? {
        if text.hasPrefix("-") { return .negative }
        if text.hasPrefix("9999") { return .tooLarge }
        return nil
    }
}
