import Beacon
import Foundation
import Scenarios
import Shard
import Testing

@testable import Simulator

/// A ``SimulationError`` says what kind of problem stopped the run and where, as data as well as in words.
@Suite struct SimulationErrorTests {
    @Test("A wasm/native disagreement names its kind, shard, slot and EE")
    func disagreement() {
        let root = SimulationError(
            EEDisagreement.root(wasm: .zero, native: Root(bytes: [UInt8](repeating: 1, count: 32))!),
            shard: ShardID(3), slot: Slot(7), ee: "ledger")
        #expect(root.kind == .rootMismatch)
        #expect(root.location == SimulationError.Location(shard: ShardID(3), slot: Slot(7), ee: "ledger"))
        #expect(root.description.contains("shard 3, slot 7, EE 'ledger'"))
        let result = SimulationError(
            EEDisagreement.result("claimed receipts differ"), shard: ShardID(0), slot: Slot(1), ee: "token")
        #expect(result.kind == .resultMismatch && result.location.ee == "token")
        #expect(result.description.hasSuffix("claimed receipts differ"))
    }

    @Test("A conservation failure of one EE on one shard says which; the total says so")
    func conservation() {
        let local = SimulationError.conservationViolated(
            slot: Slot(4), expected: Gwei(10), actual: Gwei(9), shard: ShardID(2), ee: "token")
        #expect(local.kind == .conservation && local.location.shard == ShardID(2) && local.location.ee == "token")
        #expect(
            local.description.contains("on shard 2, EE 'token'") && local.description.contains("difference -1 gwei"))
        let total = SimulationError.conservationViolated(slot: Slot(4), expected: Gwei(10), actual: Gwei(12))
        #expect(total.location.shard == nil && total.description.contains("in total"))
    }

    @Test("An EE users cannot transact with is a scenario problem naming the EE and the workload EEs there are")
    func notAWorkloadEE() throws {
        let scenario = try Scenario.parse(
            yaml: """
                ees: [{name: token, code: "builtin:token"}, {name: hello, code: "builtin:helloworld"}]
                workload: {ee: "token, hello"}
                """)
        do {
            _ = try SimulationSettings(scenario: scenario, seed: 1)
            Issue.record("a run with helloworld as a workload EE must not start")
        } catch {
            #expect(error.kind == .scenario)
            #expect(error.location.ee == "hello")
            #expect(error.description.contains("builtin:ledger"))
            #expect(error.description.contains("builtin:token"))
        }
    }
}
