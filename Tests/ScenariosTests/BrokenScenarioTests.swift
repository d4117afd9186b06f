import Foundation
import Testing

@testable import Scenarios

/// Every broken fixture fails to load with exactly the expected lines: file, line, column, field, what was
/// expected and what was found.
@Suite struct BrokenScenarioTests {
    /// A broken fixture and every line its errors must render to.
    struct Case: CustomTestStringConvertible, Sendable {
        let fixture: String
        let lines: [String]
        var testDescription: String { fixture }
    }

    static let cases: [Case] = [
        Case(
            fixture: "broken/unknown-key.yaml",
            lines: [
                "broken/unknown-key.yaml:4:3: beacon.slotDurration: unknown key; expected one of the keys of beacon: "
                    + "slotDuration, slotsPerEpoch, proposerOfflineRate"
            ]),
        Case(
            fixture: "broken/wrong-type.yaml",
            lines: [
                "broken/wrong-type.yaml:2:9: shards: expected a mapping with keys count, blockGasLimit, blockSizeLimit, "
                    + "found a list",
                "broken/wrong-type.yaml:4:11: workload.amount: expected a mapping with keys min, max, found '1 ETH'",
            ]),
        Case(
            fixture: "broken/missing-unit.yaml",
            lines: [
                "broken/missing-unit.yaml:3:17: beacon.slotDuration: expected a duration with a unit (e.g. 12s, 250ms), "
                    + "found '12'"
            ]),
        Case(
            fixture: "broken/bad-unit.yaml",
            lines: [
                "broken/bad-unit.yaml:3:19: shards.blockSizeLimit: expected a size with a unit "
                    + "(B, kB, KiB, MB, MiB, GB or GiB), found '512 parsecs'"
            ]),
        Case(
            fixture: "broken/negative.yaml",
            lines: [
                "broken/negative.yaml:2:12: seeds[1]: expected a seed: an integer from 0 to 18446744073709551615, "
                    + "found '-2'",
                "broken/negative.yaml:6:14: ees[0].deposit: expected a non-negative amount (e.g. 2 ETH), found '-32 ETH'",
            ]),
        Case(
            fixture: "broken/absurd-number.yaml",
            lines: [
                "broken/absurd-number.yaml:3:10: shards.count: expected an integer from 1 to 1024, "
                    + "found '99999999999999999999999'",
                "broken/absurd-number.yaml:5:25: execution.gasLimitPerExecution: expected an amount of gas below 2⁶⁴, "
                    + "found '99999999999999999999999 gas'",
            ]),
        Case(
            fixture: "broken/shard-count-out-of-range.yaml",
            lines: [
                "broken/shard-count-out-of-range.yaml:3:10: shards.count: expected an integer from 1 to 1024, found '1025'"
            ]),
        Case(
            fixture: "broken/fraction-above-one.yaml",
            lines: [
                "broken/fraction-above-one.yaml:3:23: workload.crossShardFraction: expected a fraction from 0 to 1 "
                    + "(e.g. 0.2 or 20%), found '1.2'",
                "broken/fraction-above-one.yaml:5:22: crossShard.revertProbability: expected a fraction from 0 to 1 "
                    + "(e.g. 0.2 or 20%), found '101%'",
            ]),
        Case(
            fixture: "broken/empty.yaml",
            lines: [
                "broken/empty.yaml:1:1: empty scenario file: expected a mapping of scenario fields "
                    + "(name, seeds, duration, beacon, shards, ees, workload, …)"
            ]),
        Case(
            fixture: "broken/only-comments.yaml",
            lines: [
                "broken/only-comments.yaml:1:1: empty scenario file: expected a mapping of scenario fields "
                    + "(name, seeds, duration, beacon, shards, ees, workload, …)"
            ]),
        Case(
            fixture: "broken/binary-garbage.yaml",
            lines: ["broken/binary-garbage.yaml:1:3: expected UTF-8 text, found the byte 0x8C"]),
        Case(
            fixture: "broken/invalid-utf8.yaml",
            lines: ["broken/invalid-utf8.yaml:2:18: expected UTF-8 text, found the byte 0xE9"]),
        Case(
            fixture: "broken/yaml-syntax.yaml",
            lines: ["broken/yaml-syntax.yaml:4:18: YAML syntax error: mapping values are not allowed in this context"]),
        Case(
            fixture: "broken/top-level-list.yaml",
            lines: [
                "broken/top-level-list.yaml:1:1: expected a mapping of scenario fields (name, description, seeds, "
                    + "duration, slots, beacon, shards, ees, execution, workload, crossShard, fees, measurement, "
                    + "network, sweep), found a list"
            ]),
        Case(
            fixture: "broken/duplicate-key.yaml",
            lines: [
                "broken/duplicate-key.yaml:5:3: shards.count: duplicate key; expected each key once per mapping, "
                    + "found 'count' again (first at line 3)"
            ]),
        Case(
            fixture: "broken/bad-sweep-path.yaml",
            lines: [
                "broken/bad-sweep-path.yaml:4:3: sweep.shards.cout: unknown key; expected one of the field paths a sweep "
                    + "can vary: " + ScenarioSchema.sweepableFields.map(\.path).joined(separator: ", ")
            ]),
        Case(
            fixture: "broken/fractional-gwei.yaml",
            lines: [
                "broken/fractional-gwei.yaml:3:19: fees.initialBaseFee: expected a whole number of gwei "
                    + "(1 gwei = 10⁻⁹ ETH), found '0.5 gwei'",
                "broken/fractional-gwei.yaml:6:10: workload.amount.min: expected a whole number of gwei "
                    + "(1 gwei = 10⁻⁹ ETH), found '1 wei'",
            ]),
        Case(
            fixture: "broken/duration-and-slots.yaml",
            lines: [
                "broken/duration-and-slots.yaml:3:1: slots: conflicts with duration at line 2; "
                    + "expected either duration or slots, not both"
            ]),
        Case(
            fixture: "broken/duration-not-whole-slots.yaml",
            lines: [
                "broken/duration-not-whole-slots.yaml:2:11: duration: expected a whole number of slots "
                    + "(beacon.slotDuration is 7s), found '1m'"
            ]),
        Case(
            fixture: "broken/sweep-breaks-rule.yaml",
            lines: [
                "broken/sweep-breaks-rule.yaml:4:30: duration: expected a whole number of slots "
                    + "(beacon.slotDuration is 7s), found '1m' at sweep point 1 (beacon.slotDuration=7s)"
            ]),
        Case(
            fixture: "broken/sweep-bad-value.yaml",
            lines: [
                "broken/sweep-bad-value.yaml:3:22: sweep.shards.count[1]: expected an integer from 1 to 1024, found '0'",
                "broken/sweep-bad-value.yaml:3:25: sweep.shards.count[2]: expected an integer from 1 to 1024, "
                    + "found '2000'",
                "broken/sweep-bad-value.yaml:4:32: sweep.workload.crossShardFraction: expected a list of 1 to 1000 "
                    + "values (e.g. [16, 64]), found '20%'",
            ]),
        Case(
            fixture: "broken/ee-problems.yaml",
            lines: [
                "broken/ee-problems.yaml:5:11: ees[1].name: expected a name no other EE uses, found 'token' (also ees[0])",
                "broken/ee-problems.yaml:7:5: ees[2].code: missing; expected builtin:NAME or a path to a .wasm file",
                "broken/ee-problems.yaml:8:11: ees[3].name: expected 1 to 32 characters of a–z 0–9 _ -, not starting "
                    + "with . or -, found 'Bad Name'",
                "broken/ee-problems.yaml:9:11: ees[3].code: expected an existing .wasm file, found 'missing.wasm' "
                    + "(no such file: \(Fixtures.url("broken/missing.wasm").standardizedFileURL.path))",
                "broken/ee-problems.yaml:10:5: ees[3].color: unknown key; expected one of the keys of ees[3]: name, code, "
                    + "deposit, genesisBalancePerShard, accountsPerShard, activeAccountsPerShard",
            ]),
        Case(
            fixture: "broken/workload-unknown-ee.yaml",
            lines: [
                "broken/workload-unknown-ee.yaml:3:7: workload.ee: expected the name of an EE in ees: token, found 'tokn'",
                "broken/workload-unknown-ee.yaml:4:29: workload.amount.max: expected an amount of at least "
                    + "workload.amount.min (2 ETH), found '1 ETH'",
            ]),
        Case(
            fixture: "broken/measurement.yaml",
            lines: [
                "broken/measurement.yaml:4:11: measurement.warmUp: expected fewer slots than the run's 4 arrival slots "
                    + "(slots), so that some arrivals are measured, found '4 slots' (4 slots)"
            ]),
        Case(
            fixture: "broken/measurement-bad-unit.yaml",
            lines: [
                "broken/measurement-bad-unit.yaml:4:11: measurement.warmUp: expected a delay in slots or epochs "
                    + "(e.g. 3 slots, 2 epochs), found '2'",
                "broken/measurement-bad-unit.yaml:5:10: measurement.drain: expected a non-negative delay "
                    + "(e.g. 3 slots), found '-1 slot'",
                "broken/measurement-bad-unit.yaml:6:3: measurement.cooldown: unknown key; expected one of the keys of "
                    + "measurement: warmUp, drain",
            ]),
        Case(
            fixture: "broken/alias-bomb.yaml",
            lines: ["broken/alias-bomb.yaml:4:45: expected at most 16 aliases (*name) in one file, found 64"]),
    ]

    @Test(
        "A broken fixture reports exactly its errors, each with file, line, field, expected and found", arguments: cases
    )
    func brokenFixture(_ testCase: Case) {
        let lines = Fixtures.errorLines(testCase.fixture)
        #expect(lines == testCase.lines)
    }

    @Test("Errors carry their parts as data, not only as text")
    func errorFields() throws {
        let error = try #require(Fixtures.errors("broken/missing-unit.yaml").first)
        #expect(error.code == .invalidValue)
        #expect(error.severity == .error)
        #expect(error.file == "broken/missing-unit.yaml")
        #expect((error.line, error.column) == (3, 17))
        #expect(error.field == "beacon.slotDuration")
        #expect(error.expected == "a duration with a unit (e.g. 12s, 250ms)")
        #expect(error.found == "'12'")
    }

    @Test("Each kind of problem has its own code")
    func codes() {
        #expect(Fixtures.errors("broken/unknown-key.yaml").map(\.code) == [.unknownKey])
        #expect(Fixtures.errors("broken/duplicate-key.yaml").map(\.code) == [.duplicateKey])
        #expect(Fixtures.errors("broken/empty.yaml").map(\.code) == [.emptyFile])
        #expect(Fixtures.errors("broken/yaml-syntax.yaml").map(\.code) == [.yamlSyntax])
        #expect(Fixtures.errors("broken/binary-garbage.yaml").map(\.code) == [.invalidEncoding])
        #expect(Fixtures.errors("broken/duration-and-slots.yaml").map(\.code) == [.conflictingKeys])
        #expect(Fixtures.errors("broken/alias-bomb.yaml").map(\.code) == [.tooManyAliases])
    }

    @Test("All errors of a file are reported, up to a cap, and the cap is said")
    func errorCap() {
        let errors = Fixtures.errors("broken/many-errors.yaml")
        #expect(errors.count == ScenarioErrors.maximumCount + 1)
        #expect(errors.prefix(ScenarioErrors.maximumCount).allSatisfy { $0.code == .unknownKey })
        #expect(errors.first?.line == 3)
        #expect(
            errors.last?.description
                == "broken/many-errors.yaml: too many errors; stopped after 50 errors (10 more not shown)")
    }

    @Test("A missing file is an error without a line")
    func missingFile() {
        #expect(
            Fixtures.errorLines("broken/does-not-exist.yaml") == [
                "broken/does-not-exist.yaml: cannot read the file: no such file"
            ])
        #expect(Fixtures.errorLines("broken") == ["broken: cannot read the file: it is a directory"])
    }

    @Test("Duplicate keys are found in flow mappings and at the top level too")
    func duplicates() {
        let flow = Fixtures.errors(yaml: "name: x\nworkload:\n  amount: {min: 1 ETH, min: 2 ETH}\n")
        #expect(
            flow.map(\.description) == [
                "test.yaml:3:12: workload.amount.min: duplicate key; expected each key once per mapping, found 'min' again"
            ])
        let top = Fixtures.errors(yaml: "name: x\nslots: 3\nname: y\nshards: {count: 0}\n")
        #expect(
            top.map(\.description) == [
                "test.yaml:3:1: name: duplicate key; expected each key once per mapping, found 'name' again (first at line 1)",
                "test.yaml:4:17: shards.count: expected an integer from 1 to 1024, found '0'",
            ])
    }
}
