import Foundation
import Testing

/// One meaning for `--seeds` everywhere (a count: the first N seeds; or a list: exactly those), and list options
/// that take commas: `sweep` reads `--seeds` as `compare` does, and the benchmarks' size lists are comma-separated.
@Suite struct ListOptionTests {
    /// The seeds column of the `points.csv` that `sweep --list` writes for the quickstart scenario (seeds: [1]).
    static func sweepSeeds(_ seeds: String) throws -> [String] {
        let work = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let result = try CommandLineTool.run([
            "sweep", "scenarios/quickstart.yaml", "--list", "--seeds", seeds, "--out",
            work.appendingPathComponent("s").path,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let rows = result.standardOutput.split(separator: "\n").dropFirst()
        return rows.map { String($0.split(separator: ",")[2]) }
    }

    @Test("sweep --seeds 3 runs the first three seeds and --seeds 2,5 exactly those, as compare reads them")
    func sweepSeedsMeanWhatCompareSeedsMean() throws {
        #expect(try Self.sweepSeeds("3") == ["1", "2", "3"])
        #expect(try Self.sweepSeeds("2,5") == ["2", "5"])
        #expect(try Self.sweepSeeds("7,") == ["7"])
    }

    @Test(
        "A --seeds value that is neither a count nor a list is a usage error with the same words in every command",
        arguments: ["sweep", "compare"])
    func badSeeds(_ command: String) throws {
        for (value, message) in [
            ("0", "--seeds expects a count"), ("1,x", "'x' is not a seed"), ("2,2", "listed twice"),
        ] {
            let result = try CommandLineTool.run([command, "scenarios/quickstart.yaml", "--seeds", value])
            #expect(result.status == 2, "\(command) --seeds \(value): \(result.standardError)")
            #expect(result.standardError.contains(message), "\(command) --seeds \(value): \(result.standardError)")
        }
    }

    @Test("bench list options take values separated by commas")
    func benchListsTakeCommas() throws {
        // Both sizes are read: the second is the one refused.
        let sizes = try CommandLineTool.run(["bench", "accumulators", "--sizes", "5000,99"])
        #expect(sizes.status == 2, "\(sizes.standardError)")
        #expect(sizes.standardError.contains("got 99"), "\(sizes.standardError)")
        let pending = try CommandLineTool.run([
            "bench", "engine", "--pending", "10,20", "--events", "50", "--repeat", "1",
        ])
        #expect(pending.status == 0, "\(pending.standardError)")
        #expect(
            pending.standardOutput.contains("10") && pending.standardOutput.contains("20"), "\(pending.standardOutput)")
        let notNumbers = try CommandLineTool.run(["bench", "engine", "--pending", "10,many"])
        #expect(notNumbers.status == 2)
        #expect(notNumbers.standardError.contains("--pending"), "\(notNumbers.standardError)")
    }
}
