import Beacon
import Testing

@testable import Shard

/// The host functions behave as `Documentation/HostFunctions.md` says, gas included.
@Suite struct RuntimeHostFunctionTests {
    let runtime = EERuntime(limits: .init(gasLimit: 1_000_000, memoryLimitBytes: 1 << 20))

    @Test("Without savePostStateRoot the post-state root is the pre-state root")
    func rootUnchangedWhenNeverSaved() throws {
        let module = try RuntimeFixtures.module("noop", RuntimeFixtures.scout("(call $load (i32.const 0))"))
        let result = runtime.execute(module, preStateRoot: RuntimeFixtures.preRoot, blockData: [9])
        #expect(result.failure == nil)
        #expect(result.postStateRoot == RuntimeFixtures.preRoot)
    }

    @Test("The block data is copied in and the last saved root wins")
    func blockDataBecomesRoot() throws {
        // Copy 32 bytes of block data from offset 1 to address 0, save it, then save it again.
        let body =
            "(call $copy (i32.const 0) (i32.const 1) (i32.const 32)) (call $save (i32.const 1024)) (call $save (i32.const 0))"
        let module = try RuntimeFixtures.module("copy", RuntimeFixtures.scout(body))
        let data: [UInt8] = [0xff] + (0..<32).map { UInt8($0) }
        let result = runtime.execute(module, preStateRoot: .zero, blockData: data)
        #expect(result.failure == nil)
        #expect(result.postStateRoot.bytes == Array(data[1...]))
    }

    @Test("blockDataSize returns the length of the data")
    func blockDataSize() throws {
        let body = "(i32.store8 (i32.const 0) (call $size)) (call $save (i32.const 0))"
        let module = try RuntimeFixtures.module("size", RuntimeFixtures.scout(body))
        let result = runtime.execute(module, preStateRoot: .zero, blockData: [UInt8](repeating: 7, count: 77))
        #expect(result.postStateRoot.bytes[0] == 77)
    }

    @Test("useTicks charges exactly its argument, and more than the budget runs out of gas")
    func useTicks() throws {
        let wat = """
            (module
              (import "env" "eth2_useTicks" (func $ticks (param i32)))
              (func (export "main") (call $ticks (i32.const 5000))))
            """
        let module = try RuntimeFixtures.module("ticks", wat)
        let small = EERuntime(limits: .init(gasLimit: 6000, memoryLimitBytes: 1 << 20))
        let baseline = try RuntimeFixtures.module("empty", #"(module (func (export "main")))"#)
        let base = small.execute(baseline, preStateRoot: .zero, blockData: []).gasUsed
        let used = small.execute(module, preStateRoot: .zero, blockData: []).gasUsed
        // The call itself costs a few fuel units for pushing the argument and calling.
        #expect(used >= base + 5000 && used < base + 5010)
        let tiny = EERuntime(limits: .init(gasLimit: 4000, memoryLimitBytes: 1 << 20))
        #expect(tiny.execute(module, preStateRoot: .zero, blockData: []).failure == .outOfGas)
    }

    @Test("Deposits of 184 bytes are recorded; any other length fails the execution")
    func deposits() throws {
        func depositModule(length: Int) throws -> EEModule {
            try RuntimeFixtures.module(
                "deposit",
                """
                (module
                  (import "env" "eth2_pushNewDeposit" (func $push (param i32 i32)))
                  (memory (export "memory") 1)
                  (data (i32.const 0) "\(String(repeating: "\\ab", count: 184))")
                  (func (export "main") (call $push (i32.const 0) (i32.const \(length)))))
                """)
        }
        let good = runtime.execute(try depositModule(length: 184), preStateRoot: .zero, blockData: [])
        #expect(good.deposits == [[UInt8](repeating: 0xab, count: 184)])
        let bad = runtime.execute(try depositModule(length: 100), preStateRoot: .zero, blockData: [])
        #expect(bad.failure?.reasonCode == "invalid_host_argument")
        #expect(bad.deposits.isEmpty)
        // A huge length is refused as what it is before gas is charged for copying it (not "out of gas").
        let huge = runtime.execute(try depositModule(length: 2_000_000_000), preStateRoot: .zero, blockData: [])
        #expect(huge.failure?.reasonCode == "invalid_host_argument")
    }

    @Test("bignum add and sub work modulo 2^256, big-endian")
    func bignum() {
        let max = [UInt8](repeating: 0xff, count: 32)
        let one = [UInt8](repeating: 0, count: 31) + [1]
        let zero = [UInt8](repeating: 0, count: 32)
        #expect(BignumFunctions.add256(max, one) == zero)
        #expect(BignumFunctions.subtract256(zero, one) == max)
        let a = [UInt8](repeating: 0, count: 30) + [0x01, 0xff]
        #expect(BignumFunctions.add256(a, one) == [UInt8](repeating: 0, count: 30) + [0x02, 0x00])
    }

    /// A module that hashes memory[0, len) with `function` into address 64 and saves that as the root.
    private func hashModule(_ function: String, length: Int, data: String) throws -> EEModule {
        try RuntimeFixtures.module(
            function,
            """
            (module
              (import "env" "\(function)" (func $hash (param i32 i32 i32)))
              (import "env" "eth2_savePostStateRoot" (func $save (param i32)))
              (memory (export "memory") 1)
              (data (i32.const 0) "\(data)")
              (func (export "main") (call $hash (i32.const 0) (i32.const \(length)) (i32.const 64)) (call $save (i32.const 64))))
            """)
    }

    @Test("keccak256 and sha256 precompiles hash guest memory")
    func hashPrecompiles() throws {
        let keccak = runtime.execute(
            try hashModule("keccak256", length: 3, data: "abc"), preStateRoot: .zero, blockData: [])
        #expect(keccak.postStateRoot.hex == "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")
        let sha = runtime.execute(try hashModule("sha256", length: 3, data: "abc"), preStateRoot: .zero, blockData: [])
        #expect(sha.postStateRoot.hex == "0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("A hash over a range outside memory fails without crashing")
    func hashOutOfRange() throws {
        let module = try hashModule("keccak256", length: -1, data: "abc")
        let result = runtime.execute(module, preStateRoot: .zero, blockData: [])
        #expect(result.failure == .outOfBoundsHostAccess(function: "keccak256"))
    }

    @Test("Host calls charge their documented gas")
    func hostGas() throws {
        let empty = try hashModule("keccak256", length: 0, data: "")
        let long = try hashModule("keccak256", length: 64, data: "")
        let difference =
            runtime.execute(long, preStateRoot: .zero, blockData: []).gasUsed
            - runtime.execute(empty, preStateRoot: .zero, blockData: []).gasUsed
        #expect(difference == 2 * GasSchedule.keccakPerWord)
    }

    @Test("secp256k1_recover returns the signer's key, and 1 for a corrupted signature")
    func recoverPrecompile() throws {
        let privateKey = Keccak256.hash(Array("shardsim test key".utf8))
        let message = Keccak256.hash(Array("message".utf8))
        let signature = try #require(Secp256k1.sign(messageHash: message, privateKey: privateKey))
        let publicKey = try #require(Secp256k1.publicKey(privateKey: privateKey))
        func run(_ signature: [UInt8]) throws -> ExecutionResult {
            let data = (message + signature).map { String(format: "\\%02x", $0) }.joined()
            let wat = """
                (module
                  (import "env" "secp256k1_recover" (func $recover (param i32 i32 i32) (result i32)))
                  (import "env" "keccak256" (func $keccak (param i32 i32 i32)))
                  (import "env" "eth2_savePostStateRoot" (func $save (param i32)))
                  (memory (export "memory") 1)
                  (data (i32.const 0) "\(data)")
                  (func (export "main")
                    (if (call $recover (i32.const 0) (i32.const 32) (i32.const 128)) (then (unreachable)))
                    (call $keccak (i32.const 128) (i32.const 64) (i32.const 256))
                    (call $save (i32.const 256))))
                """
            return runtime.execute(try RuntimeFixtures.module("recover", wat), preStateRoot: .zero, blockData: [])
        }
        #expect(try run(signature).postStateRoot.bytes == Keccak256.hash(publicKey))
        var corrupted = signature
        corrupted[64] = 7  // recovery ids are 0...3
        #expect(try run(corrupted).failure == .trap("unreachable"))
    }

    @Test("debug prints are logged, and a hex print shows the bytes")
    func debugPrints() throws {
        let wat = """
            (module
              (import "env" "debug_print32" (func $p32 (param i32)))
              (import "env" "debug_printMemHex" (func $hex (param i32 i32)))
              (memory (export "memory") 1)
              (data (i32.const 0) "\\01\\02")
              (func (export "main") (call $p32 (i32.const 42)) (call $hex (i32.const 0) (i32.const 2))))
            """
        let result = runtime.execute(try RuntimeFixtures.module("print", wat), preStateRoot: .zero, blockData: [])
        #expect(result.log == ["debug_print32: 42", "debug_printMemHex: 0102"])
    }
}

/// Loading rejects what can never run, with a message that names the EE and the problem.
@Suite struct EEModuleLoadingTests {
    @Test("Garbage bytes are not a module")
    func garbage() {
        #expect(throws: EELoadError.self) { try EEModule(name: "junk", code: [0, 1, 2, 3, 4]) }
    }

    @Test("An import the host does not provide is named in the error")
    func unknownImport() throws {
        let wat = #"(module (import "env" "launch_missiles" (func)) (func (export "main")))"#
        do {
            _ = try RuntimeFixtures.module("rogue", wat)
            Issue.record("expected a load error")
        } catch let error as EELoadError {
            #expect(error.description.contains("env.launch_missiles"))
        }
    }

    @Test("A module without main is rejected")
    func missingMain() {
        #expect(throws: EELoadError.self) { try RuntimeFixtures.module("nomain", "(module (func (export \"start\")))") }
    }

    @Test("The code hash is the SHA-256 of the bytes")
    func codeHash() throws {
        let module = try RuntimeFixtures.module("empty", #"(module (func (export "main")))"#)
        #expect(module.codeHash.bytes.count == 32)
        #expect(try EEModule(name: "again", code: module.code).codeHash == module.codeHash)
    }
}

/// Keccak-256 matches published test vectors (Ethereum padding, not SHA3-256).
@Suite struct Keccak256Tests {
    @Test(
        "Known digests",
        arguments: [
            ("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
            ("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"),
        ])
    func vectors(_ input: String, _ digest: String) {
        #expect(HexCoding.encode(Keccak256.hash(Array(input.utf8))) == digest)
    }

    /// Digests of runs of 'a' around the 136-byte block boundary, computed once with an independent
    /// implementation (pycryptodome's `Crypto.Hash.keccak`).
    @Test(
        "Inputs at and past the 136-byte block boundary absorb correctly",
        arguments: [
            (135, "34367dc248bbd832f4e3e69dfaac2f92638bd0bbd18f2912ba4ef454919cf446"),
            (136, "a6c4d403279fe3e0af03729caada8374b5ca54d8065329a3ebcaeb4b60aa386e"),
            (200, "96ea54061def936c4be90b518992fdc6f12f535068a256229aca54267b4d084d"),
        ])
    func blockBoundary(_ count: Int, _ digest: String) {
        #expect(HexCoding.encode(Keccak256.hash([UInt8](repeating: 0x61, count: count))) == digest)
    }
}
