import Foundation

/// A Scout test case: EE scripts, a shard's pre-state, shard blocks to execute, and the expected post-state.
///
/// The file format is Scout's (ewasm/scout), so test files written for Scout load unchanged:
///
/// ```yaml
/// beacon_state:
///   execution_scripts:            # wasm paths, relative to the YAML file's folder; index = EE id
///     - helloworld.wasm
/// shard_pre_state:
///   exec_env_states:              # one 32-byte hex root per script
///     - "0000000000000000000000000000000000000000000000000000000000000000"
/// shard_blocks:                   # env: EE index; data: hex, may be ""
///   - env: 0
///     data: ""
/// shard_post_state:
///   exec_env_states:
///     - "0000000000000000000000000000000000000000000000000000000000000000"
/// deposit_receipts: []            # optional: 184-byte hex, or {pubkey, withdrawal_credentials, amount, signature}
/// ```
///
/// Unknown keys are warnings, not errors, for the same reason. The wasm files are not read here: the runner loads
/// them from ``executionScripts``.
package struct ScoutTestCase: Hashable, Sendable {
    /// One shard block: data for one EE.
    package struct Block: Hashable, Sendable {
        /// The EE's index in ``ScoutTestCase/executionScripts``.
        package var env: Int
        /// The block data given to the EE (what `eth2_blockDataCopy` reads).
        package var data: [UInt8]

        /// Creates a block.
        package init(env: Int, data: [UInt8]) {
            self.env = env
            self.data = data
        }
    }

    /// Bytes in a deposit receipt: pubkey 48 | withdrawal_credentials 32 | amount 8 (little-endian u64) |
    /// signature 96.
    package static let depositReceiptByteCount = 184

    /// The EEs in EE id order: `.wasm` files as absolute paths, or `builtin:NAME` for an EE shipped with the tool
    /// (so a Scout file outside the source tree can use them).
    package var executionScripts: [EECode]
    /// Each EE's state root before the blocks (32 bytes each), in EE id order.
    package var preStateRoots: [[UInt8]]
    /// The blocks, in execution order.
    package var blocks: [Block]
    /// Each EE's expected state root after the blocks (32 bytes each), in EE id order.
    package var postStateRoots: [[UInt8]]
    /// The deposit receipts the blocks are expected to push (184 bytes each, see ``depositReceiptByteCount``),
    /// or `nil` when the file does not say.
    package var expectedDeposits: [[UInt8]]?

    /// Creates a test case.
    package init(
        executionScripts: [EECode], preStateRoots: [[UInt8]], blocks: [Block], postStateRoots: [[UInt8]],
        expectedDeposits: [[UInt8]]? = nil
    ) {
        self.executionScripts = executionScripts
        self.preStateRoots = preStateRoots
        self.blocks = blocks
        self.postStateRoots = postStateRoots
        self.expectedDeposits = expectedDeposits
    }
}

/// A loaded Scout test case and the warnings (unknown keys) found along the way.
package struct ScoutLoadResult: Sendable {
    /// The test case.
    package let testCase: ScoutTestCase
    /// Problems that did not stop loading, sorted by position; print them to the user.
    package let warnings: [ScenarioError]
}

extension ScoutTestCase {
    /// Loads the Scout test file at `url`; relative script paths resolve against its folder.
    ///
    /// - Parameter displayName: How messages name the file; defaults to the URL's relative path.
    /// - Throws: ``ScenarioErrors`` with every problem (missing section, bad hex, wrong root length, env index out
    ///   of range, root counts not matching the scripts), each with file, line, field, expected and found.
    package static func load(contentsOf url: URL, displayName: String? = nil) throws(ScenarioErrors) -> ScoutLoadResult
    {
        let file = displayName ?? url.relativePath
        let bytes = try InputFile.read(url, limits: .scout, file: file)
        return try parse(bytes: bytes, file: file, baseDirectory: url.deletingLastPathComponent())
    }

    /// Parses Scout test text held in memory; relative script paths resolve against `baseDirectory` (default: the
    /// current directory).
    ///
    /// - Throws: ``ScenarioErrors`` with every problem.
    package static func parse(
        yaml: String, file: String = "<string>", baseDirectory: URL? = nil
    ) throws(ScenarioErrors) -> ScoutLoadResult {
        try parse(bytes: Array(yaml.utf8), file: file, baseDirectory: baseDirectory)
    }

    /// Parses the raw bytes of a Scout test file (which must be UTF-8).
    ///
    /// - Throws: ``ScenarioErrors`` with every problem.
    package static func parse(
        bytes: [UInt8], file: String, baseDirectory: URL? = nil
    ) throws(ScenarioErrors) -> ScoutLoadResult {
        let base = baseDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var context = ReadContext(file: file, values: ValueContext(baseDirectory: base))
        let empty = YAMLDocument.EmptyFileWording(
            found: "empty Scout test file",
            expected: "a mapping with beacon_state, shard_pre_state, shard_blocks and shard_post_state")
        guard
            let root = YAMLDocument.compose(bytes, limits: .scout, empty: empty, into: &context.diagnostics),
            let testCase = ScoutReader.read(root, context: &context),
            !context.diagnostics.hasErrors
        else { throw context.diagnostics.thrown() }
        return ScoutLoadResult(testCase: testCase, warnings: context.diagnostics.sortedWarnings())
    }
}
