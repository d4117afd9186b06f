import Foundation
import Testing

/// `shardsim --version` and `run.json` name the git commit the binary was built from, generated at build time by
/// `scripts/build-commit.sh` (the BuildCommit plugin): the commit of the package's checkout, `unknown` outside one.
@Suite struct BuildCommitTests {
    /// Runs `command arguments…` in `directory` and returns its standard output without the final newline, or `nil`
    /// when it fails.
    static func output(_ arguments: [String], in directory: URL) throws -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    /// Runs the generator on `package` and returns the commit and the modified flag it wrote.
    static func generate(for package: URL, into file: URL) throws -> (commit: String, modified: String) {
        let script = CommandLineTool.packageRoot.appendingPathComponent("scripts/build-commit.sh").path
        _ = try #require(try output(["sh", script, package.path, file.path], in: package))
        let text = try String(contentsOf: file, encoding: .utf8)
        func value(_ name: String) -> String? {
            text.split(separator: "\n").first { $0.contains("static let \(name) = ") }
                .map { $0.components(separatedBy: " = ")[1].replacingOccurrences(of: "\"", with: "") }
        }
        return (try #require(value("hash")), try #require(value("sourcesModified")))
    }

    static func git(_ arguments: [String], in directory: URL) throws -> String? {
        try output(["git", "-c", "user.name=test", "-c", "user.email=test@example.org"] + arguments, in: directory)
    }

    @Test("the generator writes a checkout's HEAD, notes edited tracked files, and says unknown outside a checkout")
    func generator() throws {
        let work = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("generated/BuildCommit.swift")
        let plain = work.appendingPathComponent("tarball")
        try FileManager.default.createDirectory(at: plain, withIntermediateDirectories: true)
        #expect(try Self.generate(for: plain, into: output) == ("unknown", "false"))

        let checkout = work.appendingPathComponent("checkout")
        try FileManager.default.createDirectory(at: checkout, withIntermediateDirectories: true)
        try "one\n".write(to: checkout.appendingPathComponent("file.txt"), atomically: true, encoding: .utf8)
        _ = try #require(try Self.git(["init", "-q"], in: checkout))
        _ = try #require(try Self.git(["add", "file.txt"], in: checkout))
        _ = try #require(try Self.git(["commit", "-q", "-m", "first"], in: checkout))
        let head = try #require(try Self.git(["rev-parse", "HEAD"], in: checkout))
        #expect(try Self.generate(for: checkout, into: output) == (head, "false"))
        // An unchanged commit leaves the file untouched, so the build recompiles nothing.
        let written = try output.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate
        Thread.sleep(forTimeInterval: 1.1)
        _ = try Self.generate(for: checkout, into: output)
        #expect(try output.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate == written)

        try "two\n".write(to: checkout.appendingPathComponent("file.txt"), atomically: true, encoding: .utf8)
        #expect(try Self.generate(for: checkout, into: output) == (head, "true"))
        _ = try #require(try Self.git(["commit", "-q", "-am", "second"], in: checkout))
        let second = try #require(try Self.git(["rev-parse", "HEAD"], in: checkout))
        #expect(second != head)
        #expect(try Self.generate(for: checkout, into: output) == (second, "false"))

        // Sources copied into some other repository are not that repository's commit.
        let vendored = checkout.appendingPathComponent("vendored")
        try FileManager.default.createDirectory(at: vendored, withIntermediateDirectories: true)
        #expect(try Self.generate(for: vendored, into: output) == ("unknown", "false"))
    }

    /// The commit `shardsim --version` names must be this checkout's HEAD or one of its ancestors (the binary may
    /// predate a later commit), or `unknown` exactly when the package is not a git checkout.
    static func expectBuiltFromThisCheckout(_ commit: String) throws {
        let root = CommandLineTool.packageRoot
        if try Self.output(["git", "rev-parse", "--verify", "--quiet", "HEAD"], in: root) == nil {
            #expect(commit == "unknown")
            return
        }
        #expect(commit.count == 40 && commit.allSatisfy(\.isHexDigit), "not a commit: \(commit)")
        #expect(
            try Self.output(["git", "merge-base", "--is-ancestor", commit, "HEAD"], in: root) != nil,
            "\(commit) is not HEAD or an ancestor of it")
    }

    @Test("shardsim --version prints the version and the commit it was built from; run.json records the same")
    func versionAndRunManifest() throws {
        let version = try CommandLineTool.run(["--version"])
        #expect(version.status == 0)
        let line = version.standardOutput.trimmingCharacters(in: .newlines)
        #expect(line.hasPrefix("shardsim 0.1.0 (commit "), "\(line)")
        let commit = try #require(
            line.split(separator: " ").dropFirst(3).first.map { String($0.prefix { $0 != ")" && $0 != "," }) })
        try Self.expectBuiltFromThisCheckout(commit)

        let work = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let scenario = work.appendingPathComponent("safe.yaml")
        try RunCommandTests.scenario.write(to: scenario, atomically: true, encoding: .utf8)
        let folder = work.appendingPathComponent("run")
        let run = try CommandLineTool.run(["run", scenario.path, "--out", folder.path, "--threads", "1", "--quiet"])
        #expect(run.status == 0, "\(run.standardError)")
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("run.json")))
                as? [String: Any])
        #expect(manifest["commit"] as? String == commit)
        #expect(manifest["sourcesModified"] as? Bool == line.contains("with uncommitted changes"))
    }
}
