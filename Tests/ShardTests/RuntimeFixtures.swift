import Beacon
import WAT

@testable import Shard

/// Small EEs written in WAT for runtime tests: fast even in debug builds, where WasmKit is ~100× slower.
enum RuntimeFixtures {
    /// Builds an EE from WAT text; the test fails loudly if the fixture itself is wrong.
    static func module(_ name: String, _ wat: String) throws -> EEModule {
        try EEModule(name: name, code: try wat2wasm(wat))
    }

    static let preRoot = Root(hex: String(repeating: "11", count: 32))!
    static let poisonRoot = Root(hex: String(repeating: "ee", count: 32))!

    /// A module body with the Scout imports and a memory, around `body` (the contents of `main`).
    static func scout(_ body: String, extra: String = "") -> String {
        """
        (module
          (import "env" "eth2_loadPreStateRoot" (func $load (param i32)))
          (import "env" "eth2_savePostStateRoot" (func $save (param i32)))
          (import "env" "eth2_blockDataSize" (func $size (result i32)))
          (import "env" "eth2_blockDataCopy" (func $copy (param i32 i32 i32)))
          (memory (export "memory") 1)
          (data (i32.const 1024) "\(String(repeating: "\\ee", count: 32))")
          \(extra)
          (func (export "main") \(body)))
        """
    }
}
