import Foundation
import Testing

@testable import Scenarios

/// Scout test files load as Scout wrote them: paths resolved, roots and data decoded, deposits assembled, unknown
/// keys as warnings; real mistakes are located errors.
@Suite struct ScoutTestCaseTests {
    @Test("Scout's helloworld test loads, with the script resolved against the file's folder")
    func helloworld() throws {
        let result = try ScoutTestCase.load(contentsOf: Fixtures.url("scout/helloworld.yaml"))
        let testCase = result.testCase
        #expect(result.warnings.isEmpty)
        #expect(
            testCase.executionScripts == [
                .file(
                    path: Fixtures.url("scout/../../Sources/Shard/Resources/EEs/helloworld.wasm").standardizedFileURL
                        .path)
            ])
        #expect(testCase.preStateRoots == [[UInt8](repeating: 0, count: 32)])
        #expect(testCase.blocks == [ScoutTestCase.Block(env: 0, data: [])])
        #expect(testCase.postStateRoots == [[UInt8](repeating: 0, count: 32)])
        #expect(testCase.expectedDeposits == nil)
    }

    @Test("Several EEs, hex with and without 0x, both deposit forms, and unknown keys as warnings")
    func deposits() throws {
        let result = try ScoutTestCase.load(
            contentsOf: Fixtures.url("scout/deposits.yaml"), displayName: "scout/deposits.yaml")
        let testCase = result.testCase
        #expect(
            testCase.executionScripts.map { $0.fileURL?.path } == [
                Fixtures.url("scout/wasm/first.wasm").path, "/abs/second.wasm",
            ])
        #expect(testCase.preStateRoots == [[UInt8](repeating: 0, count: 32), [UInt8](repeating: 0xAB, count: 32)])
        #expect(testCase.postStateRoots == [[UInt8](repeating: 1, count: 32), [UInt8](repeating: 0xFF, count: 32)])
        #expect(
            testCase.blocks == [
                ScoutTestCase.Block(env: 1, data: [0xDE, 0xAD, 0xBE, 0xEF]), ScoutTestCase.Block(env: 0, data: []),
            ])
        let receipt =
            [UInt8](repeating: 0x11, count: 48) + [UInt8](repeating: 0x22, count: 32)
            + [0x00, 0x40, 0x59, 0x73, 0x07, 0x00, 0x00, 0x00] + [UInt8](repeating: 0x33, count: 96)
        #expect(testCase.expectedDeposits == [receipt, receipt])
        #expect(Array(receipt[80..<88]) == withUnsafeBytes(of: UInt64(32_000_000_000).littleEndian) { Array($0) })
        #expect(
            result.warnings.map(\.description) == [
                "scout/deposits.yaml:6:3: warning: beacon_state.genesis_time: unknown key; expected one of the keys of "
                    + "beacon_state: execution_scripts",
                "scout/deposits.yaml:14:5: warning: shard_blocks[0].comment: unknown key; expected one of the keys of "
                    + "shard_blocks[0]: env, data",
                "scout/deposits.yaml:27:1: warning: expected_gas: unknown key; expected one of the top-level keys: "
                    + "beacon_state, shard_pre_state, shard_blocks, shard_post_state, deposit_receipts",
            ])
        #expect(result.warnings.allSatisfy { $0.severity == .warning && $0.code == .unknownKey })
    }

    @Test("Every mistake in a Scout file is a located error")
    func brokenEverything() {
        let lines = scoutErrors("scout/broken-everything.yaml").filter { !$0.contains("warning:") }
        let file = "scout/broken-everything.yaml"
        #expect(
            lines == [
                "\(file):9:7: shard_pre_state.exec_env_states[1]: expected a 32-byte state root (64 hex digits, "
                    + "optional 0x), found 31 bytes",
                "\(file):11:10: shard_blocks[0].env: expected an EE index from 0 to 1 (one per execution script), found '2'",
                "\(file):12:11: shard_blocks[0].data: expected block data (hex digits, two per byte, optional 0x), "
                    + "found 'xyz'",
                "\(file):13:5: shard_blocks[1].env: missing; expected an EE index",
                "\(file):14:10: shard_blocks[2].env: expected an EE index from 0 to 1 (one per execution script), "
                    + "found '-1'",
                "\(file):15:11: shard_blocks[2].data: expected block data (hex digits, two per byte, optional 0x), found '0'",
                "\(file):18:5: shard_post_state.exec_env_states: expected 2 roots (one per execution script), found 1",
                "\(file):20:5: deposit_receipts[0]: expected a 184-byte deposit receipt (368 hex digits, optional 0x) or "
                    + "a mapping with pubkey, withdrawal_credentials, amount, signature, found 1 byte",
                "\(file):21:5: deposit_receipts[1].withdrawal_credentials: missing; expected 32 bytes of hex",
                "\(file):21:13: deposit_receipts[1].pubkey: expected a 48-byte pubkey (96 hex digits, optional 0x), "
                    + "found 1 byte",
                "\(file):22:13: deposit_receipts[1].amount: expected an amount in gwei (an integer below 2⁶⁴), found 'lots'",
            ])
    }

    @Test("Missing sections and wrong shapes are located errors")
    func missingSections() {
        let file = "scout/broken-missing-sections.yaml"
        #expect(
            scoutErrors(file) == [
                "\(file):1:1: shard_pre_state: missing; expected a mapping with exec_env_states (a list of 32-byte hex roots)",
                "\(file):1:1: shard_post_state: missing; expected a mapping with exec_env_states (a list of 32-byte hex "
                    + "roots)",
                "\(file):2:22: beacon_state.execution_scripts: expected a list of one or more wasm paths, found 'a.wasm'",
                "\(file):3:15: shard_blocks: expected a list of blocks, each with env and data, found a mapping",
            ])
    }

    @Test("An empty Scout file is an error", arguments: ["", "# nothing\n", "~"])
    func empty(yaml: String) {
        do {
            _ = try ScoutTestCase.parse(yaml: yaml, file: "empty.yaml")
            Issue.record("an empty file loaded")
        } catch {
            #expect(error.errors.map(\.code) == [.emptyFile])
            #expect(
                error.errors.first?.description.hasPrefix("empty.yaml:1:1: empty Scout test file: expected") == true)
        }
    }

    private func scoutErrors(_ path: String) -> [String] {
        do {
            _ = try ScoutTestCase.load(contentsOf: Fixtures.url(path), displayName: path)
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }
}
