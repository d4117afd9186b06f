import Foundation
import Testing

/// `shardsim scout` passes the shipped Scout cases, reports an edited expected root as a mismatch (exit 1), and
/// reports bad input as such (exit 2).
@Suite struct ScoutCommandTests {
    static var shippedCases: [String] {
        let folder = CommandLineTool.packageRoot.appendingPathComponent("scenarios/scout")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted().map { "scenarios/scout/\($0)" }
    }

    @Test("Every shipped Scout case passes")
    func shippedCasesPass() throws {
        let cases = Self.shippedCases
        #expect(cases.count >= 10)
        // The simulator's per-execution gas keeps the hostile cases quick in a debug build (at the Scout default of
        // 4 × 10⁹ gas an endless loop runs into the wall-clock limit instead, tested below).
        let output = try CommandLineTool.run(["scout", "--gas-limit", "10000000"] + cases)
        #expect(output.status == 0, "\(output.standardOutput)\(output.standardError)")
        #expect(output.standardOutput.components(separatedBy: "PASS:").count - 1 == cases.count)
    }

    @Test("An edited expected root is a mismatch showing both roots, with exit status 1")
    func editedRootMismatches() throws {
        let original = CommandLineTool.packageRoot.appendingPathComponent("scenarios/scout/sha256_chain.yaml")
        var text = try String(contentsOf: original, encoding: .utf8)
        let post = try #require(text.range(of: "shard_post_state:"))
        let expected = try #require(
            text.range(of: #""[0-9a-f]{64}""#, options: .regularExpression, range: post.upperBound..<text.endIndex))
        let oldRoot = String(text[expected].dropFirst().dropLast())
        let newRoot = String(oldRoot.dropLast()) + (oldRoot.hasSuffix("0") ? "1" : "0")
        text.replaceSubrange(expected, with: "\"\(newRoot)\"")
        // The edited copy lives in a temporary folder, not beside the original: the test listing the shipped cases
        // runs in parallel and must never see it. Its script path is made absolute so it still resolves.
        let script = "../../Sources/Shard/Resources/EEs/sha256_chain.wasm"
        let absoluteScript = CommandLineTool.packageRoot.appendingPathComponent(
            "Sources/Shard/Resources/EEs/sha256_chain.wasm"
        ).path
        #expect(text.contains(script))
        text = text.replacingOccurrences(of: script, with: absoluteScript)
        let edited = FileManager.default.temporaryDirectory.appendingPathComponent("edited-\(UUID().uuidString).yaml")
        try text.write(to: edited, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: edited) }

        let output = try CommandLineTool.run(["scout", edited.path])
        #expect(output.status == 1)
        #expect(output.standardOutput.contains("expected 0x\(newRoot)"))
        #expect(output.standardOutput.contains("actual   0x\(oldRoot)"))
    }

    @Test("A malformed Scout file is bad input: exit status 2 and the file and line named")
    func malformedFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("scout-\(UUID().uuidString).yaml")
        try "beacon_state:\n  execution_scripts: [missing.wasm]\nshard_blocks: [\n".write(
            to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let output = try CommandLineTool.run(["scout", file.path])
        #expect(output.status == 2)
        #expect(output.standardError.contains(file.path + ":"))
    }

    @Test("A script that is not wasm is bad input naming the EE")
    func notWasm() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("not wasm".utf8).write(to: folder.appendingPathComponent("fake.wasm"))
        let zero = String(repeating: "0", count: 64)
        let yaml = """
            beacon_state:
              execution_scripts: [fake.wasm]
            shard_pre_state:
              exec_env_states: ["\(zero)"]
            shard_blocks:
              - {env: 0, data: ""}
            shard_post_state:
              exec_env_states: ["\(zero)"]
            """
        let file = folder.appendingPathComponent("case.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let output = try CommandLineTool.run(["scout", file.path])
        #expect(output.status == 2)
        #expect(output.standardError.contains("EE 'fake' is not a valid wasm module"))
    }

    @Test("At the default budget an endless loop ends at the wall-clock limit, with that reason")
    func endlessLoopEnds() throws {
        let started = Date()
        let output = try CommandLineTool.run(
            ["scout", "--time-limit", "1", "--verbose", "scenarios/scout/hostile_infinite_loop.yaml"])
        #expect(output.status == 0, "\(output.standardOutput)\(output.standardError)")
        #expect(output.standardOutput.contains("wall-clock limit") || output.standardOutput.contains("out of gas"))
        // Three endless blocks, each stopped after 1 s (or by its gas, sooner).
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test("A Scout file outside the source tree runs a built-in EE by name")
    func builtinScript() throws {
        let original = CommandLineTool.packageRoot.appendingPathComponent("scenarios/scout/helloworld.yaml")
        let text = try String(contentsOf: original, encoding: .utf8)
            .replacingOccurrences(of: "../../Sources/Shard/Resources/EEs/helloworld.wasm", with: "builtin:helloworld")
        #expect(text.contains("builtin:helloworld"))
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("hello-\(UUID().uuidString).yaml")
        try text.write(to: copy, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: copy) }
        let output = try CommandLineTool.run(["scout", copy.path])
        #expect(output.status == 0, "\(output.standardOutput)\(output.standardError)")
        let list = try CommandLineTool.run(["ees"])
        #expect(list.standardOutput.contains("builtin:helloworld") && list.standardOutput.contains("builtin:token"))
    }
}
