import Beacon
import Testing

@testable import Shard

/// A hostile EE ends its own execution with a reason; the pre-state root is kept, a root it saved before failing
/// is discarded, and the runtime goes on to run the next execution normally.
@Suite struct RuntimeHostileModuleTests {
    let runtime = EERuntime(limits: .init(gasLimit: 200_000, memoryLimitBytes: 1 << 20))

    /// Each hostile body first saves a poisoned root, then misbehaves.
    static let hostile: [(name: String, body: String, extra: String, expected: ExecutionFailure)] = [
        ("infinite loop", "(call $save (i32.const 1024)) (loop $l (br $l))", "", .outOfGas),
        (
            "memory bomb that keeps growing",
            "(call $save (i32.const 1024)) (loop $l (drop (memory.grow (i32.const 16))) (br $l))", "", .outOfGas
        ),
        (
            "memory bomb that writes past refused growth",
            "(call $save (i32.const 1024)) (drop (memory.grow (i32.const 1000))) (i32.store (i32.const 0x4000000) (i32.const 1))",
            "", .trap("out of bounds memory access")
        ),
        (
            "wild pointer to savePostStateRoot", "(call $save (i32.const 1024)) (call $save (i32.const 0xFFFFFFF0))",
            "",
            .outOfBoundsHostAccess(function: "eth2_savePostStateRoot")
        ),
        (
            "pointer just past the end of memory", "(call $save (i32.const 1024)) (call $load (i32.const 65520))", "",
            .outOfBoundsHostAccess(function: "eth2_loadPreStateRoot")
        ),
        (
            "block data range past the data",
            "(call $save (i32.const 1024)) (call $copy (i32.const 0) (i32.const 2) (i32.const 8))",
            "", .outOfBoundsHostAccess(function: "eth2_blockDataCopy")
        ),
        (
            "block data length that overflows 32 bits",
            "(call $save (i32.const 1024)) (call $copy (i32.const 0) (i32.const 1) (i32.const 0xFFFFFFFF))", "",
            .outOfBoundsHostAccess(function: "eth2_blockDataCopy")
        ),
        (
            "wild load", "(call $save (i32.const 1024)) (drop (i32.load (i32.const 0xFFFFFFFC)))", "",
            .trap("out of bounds memory access")
        ),
        (
            "stack overflow", "(call $save (i32.const 1024)) (call $recurse)",
            "(func $recurse (call $recurse))", .callStackExhausted
        ),
        ("unreachable", "(call $save (i32.const 1024)) (unreachable)", "", .trap("unreachable")),
    ]

    @Test("A hostile EE fails with its reason and the pre-state root is kept", arguments: hostile)
    func hostileModuleFails(_ hostile: (name: String, body: String, extra: String, expected: ExecutionFailure)) throws {
        let module = try RuntimeFixtures.module(hostile.name, RuntimeFixtures.scout(hostile.body, extra: hostile.extra))
        let result = runtime.execute(module, preStateRoot: RuntimeFixtures.preRoot, blockData: [1, 2, 3, 4])
        #expect(result.failure == hostile.expected, "\(hostile.name)")
        #expect(result.postStateRoot == RuntimeFixtures.preRoot)
        #expect(result.gasUsed <= runtime.limits.gasLimit)

        // The process carries on: the next execution runs normally.
        let good = try RuntimeFixtures.module("good", RuntimeFixtures.scout("(call $save (i32.const 1024))"))
        let next = runtime.execute(good, preStateRoot: RuntimeFixtures.preRoot, blockData: [])
        #expect(next.failure == nil)
        #expect(next.postStateRoot == RuntimeFixtures.poisonRoot)
    }

    @Test("Running out of gas uses the whole gas limit")
    func outOfGasUsesWholeLimit() throws {
        let module = try RuntimeFixtures.module("loop", RuntimeFixtures.scout("(loop $l (br $l))"))
        let result = runtime.execute(module, preStateRoot: .zero, blockData: [])
        #expect(result.failure == .outOfGas)
        #expect(result.gasUsed == runtime.limits.gasLimit)
    }

    @Test("A start function that loops forever is stopped by gas")
    func startFunctionIsMetered() throws {
        let wat = """
            (module
              (func $start (loop $l (br $l)))
              (start $start)
              (func (export "main")))
            """
        let result = runtime.execute(try RuntimeFixtures.module("start", wat), preStateRoot: .zero, blockData: [])
        #expect(result.failure == .outOfGas)
    }

    @Test("A huge initial memory is refused at instantiation")
    func hugeInitialMemory() throws {
        let wat = #"(module (memory (export "memory") 60000) (func (export "main")))"#
        let result = runtime.execute(try RuntimeFixtures.module("big", wat), preStateRoot: .zero, blockData: [])
        #expect(result.failure?.reasonCode == "trap")
        #expect(result.postStateRoot == .zero)
    }

    @Test("A host function that needs memory fails cleanly when the module exports none")
    func noMemoryExport() throws {
        let wat = """
            (module
              (import "env" "eth2_savePostStateRoot" (func $save (param i32)))
              (memory 1)
              (func (export "main") (call $save (i32.const 0))))
            """
        let result = runtime.execute(try RuntimeFixtures.module("nomem", wat), preStateRoot: .zero, blockData: [])
        #expect(result.failure == .noMemoryExport(function: "eth2_savePostStateRoot"))
    }

    @Test("An exception thrown by main is a trap of the execution, not an instantiation failure")
    func uncaughtException() throws {
        let module = try RuntimeFixtures.module(
            "thrower", RuntimeFixtures.scout("(call $save (i32.const 1024)) (throw $oops)", extra: "(tag $oops)"))
        let result = runtime.execute(module, preStateRoot: RuntimeFixtures.preRoot, blockData: [])
        #expect(result.failure?.reasonCode == "trap", "\(String(describing: result.failure))")
        #expect(result.failure?.description.contains("exception") == true)
        #expect(result.postStateRoot == RuntimeFixtures.preRoot)
    }

    @Test("A wall-clock limit ends an endless loop that its gas would let run, with that reason")
    func wallClockLimit() throws {
        let endless = EERuntime(
            limits: .init(gasLimit: .max, memoryLimitBytes: 1 << 20, wallClockLimit: .milliseconds(300)))
        let module = try RuntimeFixtures.module("loop", RuntimeFixtures.scout("(loop $l (br $l))"))
        let result = endless.execute(module, preStateRoot: RuntimeFixtures.preRoot, blockData: [])
        #expect(result.failure?.reasonCode == "deadline_exceeded")
        #expect(result.postStateRoot == RuntimeFixtures.preRoot)
        // A quick execution under the same limit is untouched by it.
        let quick = try RuntimeFixtures.module("quick", RuntimeFixtures.scout("(call $save (i32.const 1024))"))
        #expect(endless.execute(quick, preStateRoot: RuntimeFixtures.preRoot, blockData: []).failure == nil)
    }
}
