import Foundation
import Testing

@testable import Scenarios

/// No input makes loading crash, trap or hang: every input either loads or throws located errors.
@Suite struct HostileInputTests {
    /// Inputs chosen to break naive parsers: overflow, odd types, deep nesting, aliases, control characters.
    static let hostile: [String] = [
        "shards: {count: 99999999999999999999999999999999999999999999999999}",
        "shards: {count: -99999999999999999999999999999}",
        "seeds: [18446744073709551616]",
        "seeds: [-0]",
        "duration: 99999999999999999999999999999999999999999999999999999h",
        "duration: 0.000000000000000000000000000000000000000000000000001h",
        "duration: 1." + String(repeating: "0", count: 10_000) + "1s",
        "duration: " + String(repeating: "9", count: 10_000) + "us",
        "ees: [{name: a, code: 'builtin:a', deposit: 18446744073.709551616 ETH}]",
        "workload: {zipfExponent: 18446744073709.551616}",
        "beacon: {slotsPerEpoch: 0x20}",
        "beacon: {slotsPerEpoch: .inf}",
        "beacon: {slotsPerEpoch: NaN}",
        "beacon: {slotDuration: !!binary aGVsbG8=}",
        "beacon: {slotDuration: [12s]}",
        "beacon: {slotDuration: {s: 12}}",
        "beacon: 12",
        "beacon: [a, b]",
        "? [a, b]\n: 1",
        "? {a: 1}\n: 1",
        "[1, 2]: 3",
        "name: !!str",
        "name: &a x\ndescription: *a",
        "name: *undefined",
        "ees: *nope",
        "<<: {name: merged}",
        "<<: [*a]",
        "ees: [{<<: 1}]",
        "a: &a {b: *a}",
        "--- \n--- \n",
        "name: x\n---\nname: y",
        "%YAML 1.1\n---\nname: x",
        "%TAG ! tag:example.com,2000:\n---\nname: !foo x",
        "\u{0}",
        "name: \"\\x00\\uD800\"",
        "name: \"\\U0010FFFF\"",
        "\t\tname: tab",
        String(repeating: "[", count: 2000),
        String(repeating: "[", count: 999) + String(repeating: "]", count: 999),
        String(repeating: "- ", count: 999) + "x",
        String(repeating: "{a: ", count: 900) + "1" + String(repeating: "}", count: 900),
        "sweep: {shards.count: " + String(repeating: "[", count: 500) + "}",
        "name: " + String(repeating: "x", count: 100_000),
        "description: |\n" + String(repeating: "  line\n", count: 10_000),
    ]

    @Test("Hostile input either loads or throws located errors", arguments: hostile)
    func hostileInput(yaml: String) {
        do {
            _ = try Scenario.parse(yaml: yaml, file: "hostile.yaml")
        } catch {
            #expect(!error.errors.isEmpty)
            #expect(error.errors.allSatisfy { $0.file == "hostile.yaml" && !$0.description.contains("\n") })
        }
        do {
            _ = try ScoutTestCase.parse(yaml: yaml, file: "hostile.yaml")
        } catch {
            #expect(!error.errors.isEmpty)
        }
    }

    @Test("An alias used as a key cannot expand exponentially")
    func aliasBomb() {
        let start = ContinuousClock.now
        let errors = Fixtures.errors("broken/alias-bomb.yaml")
        #expect(errors.map(\.code) == [.tooManyAliases])
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test("Random bytes never crash the loader", arguments: 0..<8)
    func randomBytes(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        for round in 0..<200 {
            let length = Int(generator.next() % 300)
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            do {
                _ = try Scenario.parse(bytes: bytes, file: "random.yaml")
            } catch {
                #expect(!error.errors.isEmpty, "seed \(seed), round \(round)")
            }
        }
    }

    @Test("Mutations of a good file never crash the loader and always round-trip when they load", arguments: 0..<8)
    func mutations(seed: UInt64) throws {
        let original = Array(try Data(contentsOf: Fixtures.url("good/full.yaml")))
        let alphabet = Array(" :-[]{},#&*!|>'\"%@`\n\t0123456789.aeszETHgwiKBMs%_\u{7f}".utf8)
        var generator = SplitMix64(seed: seed)
        for round in 0..<100 {
            var bytes = original
            for _ in 0...(generator.next() % 4) {
                guard !bytes.isEmpty else { break }
                let position = Int(generator.next() % UInt64(bytes.count))
                let byte = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                switch generator.next() % 3 {
                case 0: bytes[position] = byte
                case 1: bytes.insert(byte, at: position)
                default: bytes.remove(at: position)
                }
            }
            do {
                let scenario = try Scenario.parse(
                    bytes: bytes, file: "mutated.yaml", baseDirectory: Fixtures.url("good"))
                let again = try Scenario.parse(yaml: scenario.canonicalYAML)
                #expect(again == scenario, "seed \(seed), round \(round)")
            } catch {
                #expect(!error.errors.isEmpty, "seed \(seed), round \(round)")
            }
        }
    }

    @Test("Oversized files are rejected without being read whole")
    func oversized() {
        let big = [UInt8](repeating: UInt8(ascii: "#"), count: (1 << 20) + 1)
        let errors: [ScenarioError]
        do {
            _ = try Scenario.parse(bytes: big, file: "big.yaml")
            errors = []
        } catch {
            errors = error.errors
        }
        #expect(
            errors.map(\.description) == [
                "big.yaml: expected a file of at most 1048576 bytes, found 1048577 bytes"
            ])
        do {
            _ = try Scenario.load(contentsOf: URL(fileURLWithPath: "/dev/zero"))
            Issue.record("/dev/zero loaded")
        } catch {
            #expect(
                error.errors.map(\.description) == [
                    "/dev/zero: cannot read the file: it is a character device, not a regular file"
                ])
        }
    }

    @Test("A FIFO is refused at once instead of blocking until a writer appears")
    func fifo() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("shardsim-fifo-\(UUID().uuidString)")
        #expect(mkfifo(path.path, 0o600) == 0)
        defer { try? FileManager.default.removeItem(at: path) }
        var messages: [String] = []
        do { _ = try Scenario.load(contentsOf: path, displayName: "pipe.yaml") } catch {
            messages.append(error.description)
        }
        do { _ = try ScoutTestCase.load(contentsOf: path, displayName: "pipe.yaml") } catch {
            messages.append(error.description)
        }
        #expect(messages.count == 2)
        for message in messages {
            #expect(message.contains("pipe.yaml") && message.contains("not a regular file"), "\(message)")
        }
    }
}

/// A small, seedable generator (SplitMix64), so that a failing round can be replayed from its printed seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
