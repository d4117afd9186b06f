import Beacon
import Scenarios

extension ScoutCase {
    /// The runner's view of a parsed Scout file. The parser has already checked every root is 32 bytes and every
    /// block's EE index is in range, so the conversions here cannot fail on a parsed case.
    package init(_ testCase: ScoutTestCase, source: String) {
        self.init(
            source: source,
            scripts: testCase.executionScripts,
            preStateRoots: testCase.preStateRoots.map { Root(bytes: $0) ?? .zero },
            blocks: testCase.blocks.map { (ee: $0.env, data: $0.data) },
            expectedPostStateRoots: testCase.postStateRoots.map { Root(bytes: $0) ?? .zero },
            expectedDeposits: testCase.expectedDeposits)
    }
}
