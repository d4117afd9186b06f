import Crypto
import Foundation
import WasmKit

/// Hashing and signature recovery, run natively: inside wasm they cost about 10× more per block (toolchain notes).
enum Precompiles {
    static let all: [HostFunction] = [
        HostFunction("keccak256", [.i32, .i32, .i32]) { caller, args, state throws(ExecutionFailure) in
            let (input, length, output) = (args[0].i32, args[1].i32, args[2].i32)
            let memory = try GuestMemory(caller, state, function: "keccak256")
            try memory.check(input, count: UInt64(length))
            try GasSchedule.charge(
                GasSchedule.call + GasSchedule.keccakBase + GasSchedule.keccakPerWord
                    * GasSchedule.words(UInt64(length)), caller)
            try memory.check(output, count: UInt64(Keccak256.digestByteCount))
            // Hashed in place: no copy of the input, the digest written straight into guest memory.
            memory.withInput(input, count: length, output: output) { Keccak256.hash($0, into: $1) }
            return []
        },
        HostFunction("sha256", [.i32, .i32, .i32]) { caller, args, state throws(ExecutionFailure) in
            let (input, length, output) = (args[0].i32, args[1].i32, args[2].i32)
            let memory = try GuestMemory(caller, state, function: "sha256")
            try memory.check(input, count: UInt64(length))
            try GasSchedule.charge(
                GasSchedule.call + GasSchedule.sha256Base + GasSchedule.sha256PerWord
                    * GasSchedule.words(UInt64(length)), caller)
            try memory.check(output, count: 32)
            memory.withInput(input, count: length, output: output) { input, digest in
                SHA256.hash(data: input).withUnsafeBytes { digest.copyMemory(from: $0) }
            }
            return []
        },
        HostFunction("secp256k1_recover", [.i32, .i32, .i32], [.i32]) { caller, args, state throws(ExecutionFailure) in
            try GasSchedule.charge(GasSchedule.call + GasSchedule.secp256k1Recover, caller)
            let memory = try GuestMemory(caller, state, function: "secp256k1_recover")
            let message = try memory.read(args[0].i32, count: 32)
            let signature = try memory.read(args[1].i32, count: 65)
            try memory.check(args[2].i32, count: 64)
            guard let publicKey = Secp256k1.recoverPublicKey(messageHash: message, signature65: signature) else {
                return [.i32(1)]
            }
            try memory.write(publicKey, at: args[2].i32)
            state.recoveredKeys[message + signature] = publicKey
            return [.i32(0)]
        },
    ]
}
