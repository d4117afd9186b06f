import Foundation
import Testing

/// `shardsim validate` accepts only what `shardsim run` runs: problems a run would only meet when it loads its EEs
/// are reported by validate, naming the EE, with exit status 2.
@Suite struct ValidateCommandTests {
    /// A scenario, what validate must say, and the `run` arguments that meet the same refusal.
    static let cases: [(yaml: String, message: String)] = [
        (
            "ees: [{name: token, code: 'builtin:tokn'}]",
            "EE 'token' could not be loaded: there is no built-in EE 'tokn'; built-in EEs: "
        ),
        (
            "ees: [{name: token, code: 'builtin:token'}]\nexecution: {memoryLimit: 64 KiB}",
            "EE 'token' starts with 128 KiB of memory, more than execution.memoryLimit (64 KiB)"
        ),
        (
            "ees: [{name: hello, code: 'builtin:helloworld'}]",
            "workload.ee names 'hello', whose code is not a workload EE"
        ),
        (
            "ees: [{name: token, code: 'builtin:token'}]\nsweep: {execution.memoryLimit: [1 MiB, 64 KiB]}",
            "(at sweep point 1: execution.memoryLimit=64 KiB)"
        ),
    ]

    @Test("validate reports what run would refuse, naming the EE", arguments: cases.indices)
    func refusals(_ index: Int) throws {
        let example = Self.cases[index]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("validate-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try ("name: v\n" + example.yaml).write(to: file, atomically: true, encoding: .utf8)
        let result = try CommandLineTool.run(["validate", file.path])
        #expect(result.status == 2, "\(result.standardError)")
        #expect(result.standardError.contains(example.message), "\(result.standardError)")
        // The point of a sweep that cannot run is run alone with --point (the last case is the only sweep).
        let point = example.yaml.contains("sweep") ? ["--point", "1"] : []
        let run = try CommandLineTool.run(["run", file.path, "--out", file.path + ".run"] + point)
        defer { try? FileManager.default.removeItem(atPath: file.path + ".run") }
        #expect(run.status != 0, "run accepted what validate refused")
    }

    @Test("Every shipped scenario validates")
    func shippedScenarios() throws {
        let folder = CommandLineTool.packageRoot.appendingPathComponent("scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        let result = try CommandLineTool.run(["validate"] + files.map { "scenarios/" + $0 })
        #expect(result.status == 0, "\(result.standardError)")
    }
}
