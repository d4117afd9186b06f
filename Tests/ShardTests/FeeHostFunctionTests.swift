import Beacon
import Testing

@testable import Shard

/// The fee market's host functions: look-back bounds, pointer checks, and paying or burning only what the EE has.
@Suite struct FeeHostFunctionTests {
    let runtime = EERuntime(limits: .init(gasLimit: 1_000_000, memoryLimitBytes: 1 << 20))

    static let imports = """
          (import "env" "eth2_lookBack" (func $lookBack (param i32 i32) (result i32)))
          (import "env" "eth2_lookBackCount" (func $count (result i32)))
          (import "env" "eth2_baseFee" (func $baseFee (result i64)))
          (import "env" "eth2_payProposer" (func $pay (param i64) (result i32)))
          (import "env" "eth2_burn" (func $burn (param i64) (result i32)))
          (import "env" "eth2_savePostStateRoot" (func $save (param i32)))
          (memory (export "memory") 1)
        """

    func module(_ name: String, _ body: String) throws -> EEModule {
        try RuntimeFixtures.module(name, "(module \(Self.imports) (func (export \"main\") \(body)))")
    }

    var context: ShardContext {
        var context = ShardContext(shard: ShardID(0), slot: Slot(1), ee: EEID(1), balance: Gwei(1_000))
        context.baseFeePerGas = WeiPerGas(wei: 17)
        context.lookBack = [
            LookBackEntry(
                transactionHash: Root(bytes: [UInt8](repeating: 0xab, count: 32))!, relayer: 5, gas: 5_000,
                maxFeePerGas: WeiPerGas(wei: 40), priorityFeePerGas: WeiPerGas(wei: 2))
        ]
        return context
    }

    @Test("lookBack writes the 64-byte record; count and base fee come from the context")
    func lookBackRecord() throws {
        // The record goes to 0; the root saved is its bytes 32..<64: relayer, reserved, gas, cap, priority.
        let record = "(drop (call $lookBack (i32.const 0) (i32.const 0))) (call $save (i32.const 32))"
        let result = runtime.execute(try module("look", record), preStateRoot: .zero, blockData: [], context: context)
        #expect(result.failure == nil)
        #expect(Array(result.postStateRoot.bytes) == Array(context.lookBack[0].encoded[32..<64]))
        #expect(context.lookBack[0].encoded.prefix(32).allSatisfy { $0 == 0xab })
        let scalars = """
            (i32.store (i32.const 0) (call $count))
            (i64.store (i32.const 4) (call $baseFee))
            (call $save (i32.const 0))
            """
        let values = runtime.execute(try module("count", scalars), preStateRoot: .zero, blockData: [], context: context)
        #expect(Array(values.postStateRoot.bytes[0..<12]) == [1, 0, 0, 0, 17, 0, 0, 0, 0, 0, 0, 0])
    }

    @Test("lookBack past the last transaction returns 1 and writes nothing")
    func lookBackOutOfRange() throws {
        let body = """
            (i32.store (i32.const 0) (call $lookBack (i32.const 1) (i32.const 64)))
            (call $save (i32.const 0))
            """
        let result = runtime.execute(try module("past", body), preStateRoot: .zero, blockData: [], context: context)
        #expect(result.failure == nil)
        #expect(result.postStateRoot.bytes[0] == 1)
        #expect(result.postStateRoot.bytes[4...].allSatisfy { $0 == 0 })
    }

    @Test("lookBack with a pointer outside memory traps the execution", arguments: [65_500, 0xffff_ffff] as [UInt32])
    func lookBackBadPointer(_ pointer: UInt32) throws {
        let body = "(drop (call $lookBack (i32.const 0) (i32.const \(Int32(bitPattern: pointer)))))"
        let result = runtime.execute(try module("wild", body), preStateRoot: .zero, blockData: [], context: context)
        #expect(result.failure == .outOfBoundsHostAccess(function: "eth2_lookBack"))
    }

    @Test("payProposer and burn move only what the EE has; more returns 1 and moves nothing")
    func payAndBurnBounded() throws {
        let body = """
            (i32.store8 (i32.const 0) (call $pay (i64.const 600)))
            (i32.store8 (i32.const 1) (call $burn (i64.const 401)))
            (i32.store8 (i32.const 2) (call $burn (i64.const 400)))
            (i32.store8 (i32.const 3) (call $pay (i64.const -1)))
            (call $save (i32.const 0))
            """
        let result = runtime.execute(try module("pay", body), preStateRoot: .zero, blockData: [], context: context)
        #expect(result.failure == nil)
        #expect(Array(result.postStateRoot.bytes[0..<4]) == [0, 1, 0, 1])
        #expect(result.effects.paidToProposer == Gwei(600))
        #expect(result.effects.burned == Gwei(400))
        #expect(result.effects.balanceAfter == .zero)
    }

    @Test("A failed execution pays and burns nothing")
    func failureDropsPayments() throws {
        let body = "(drop (call $pay (i64.const 600))) (drop (call $burn (i64.const 100))) (unreachable)"
        let result = runtime.execute(try module("trap", body), preStateRoot: .zero, blockData: [], context: context)
        #expect(result.failure != nil)
        #expect(result.effects.paidToProposer == .zero && result.effects.burned == .zero)
        #expect(result.effects.balanceAfter == Gwei(1_000))
    }
}
