import Foundation

extension Scenario {
    /// Loads and checks the scenario file at `url`.
    ///
    /// - Parameters:
    ///   - url: The file; relative `.wasm` paths in it resolve against its folder.
    ///   - displayName: How messages name the file (e.g. the path as the user typed it); defaults to the URL's
    ///     relative path.
    /// - Throws: ``ScenarioErrors`` listing every problem (unreadable file, invalid YAML, unknown keys, bad
    ///   values…), each with file, line, field, expected and found.
    package static func load(contentsOf url: URL, displayName: String? = nil) throws(ScenarioErrors) -> Scenario {
        let file = displayName ?? url.relativePath
        let bytes = try InputFile.read(url, limits: .scenario, file: file)
        return try parse(bytes: bytes, file: file, baseDirectory: url.deletingLastPathComponent())
    }

    /// Parses scenario text held in memory.
    ///
    /// - Parameters:
    ///   - yaml: The text.
    ///   - file: How messages name the source.
    ///   - baseDirectory: Where relative `.wasm` paths start; defaults to the current directory.
    /// - Throws: ``ScenarioErrors`` listing every problem.
    package static func parse(
        yaml: String, file: String = "<string>", baseDirectory: URL? = nil
    ) throws(ScenarioErrors) -> Scenario {
        try parse(bytes: Array(yaml.utf8), file: file, baseDirectory: baseDirectory)
    }

    /// Parses the raw bytes of a scenario file (which must be UTF-8).
    ///
    /// - Throws: ``ScenarioErrors`` listing every problem.
    package static func parse(
        bytes: [UInt8], file: String, baseDirectory: URL? = nil
    ) throws(ScenarioErrors) -> Scenario {
        let base = baseDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var context = ReadContext(file: file, values: ValueContext(baseDirectory: base))
        let empty = YAMLDocument.EmptyFileWording(
            found: "empty scenario file",
            expected: "a mapping of scenario fields (name, seeds, duration, beacon, shards, ees, workload, …)")
        guard
            let root = YAMLDocument.compose(bytes, limits: .scenario, empty: empty, into: &context.diagnostics),
            let scenario = ScenarioReader.read(root, context: &context),
            !context.diagnostics.hasErrors
        else { throw context.diagnostics.thrown() }
        return scenario
    }
}
