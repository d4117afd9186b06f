import Crypto
import WasmKit

/// Hashing and signature recovery, run natively: inside wasm they cost about 10× more per block (toolchain notes).
enum Precompiles {
    static let all: [HostFunction] = [
        HostFunction("keccak256", [.i32, .i32, .i32]) { caller, args, _ throws(ExecutionFailure) in
            let length = args[1].i32
            let memory = try GuestMemory(caller, function: "keccak256")
            try memory.check(args[0].i32, count: UInt64(length))
            try GasSchedule.charge(
                GasSchedule.call + GasSchedule.keccakBase + GasSchedule.keccakPerWord
                    * GasSchedule.words(UInt64(length)), caller)
            let input = try memory.read(args[0].i32, count: length)
            try memory.write(Keccak256.hash(input), at: args[2].i32)
            return []
        },
        HostFunction("sha256", [.i32, .i32, .i32]) { caller, args, _ throws(ExecutionFailure) in
            let length = args[1].i32
            let memory = try GuestMemory(caller, function: "sha256")
            try memory.check(args[0].i32, count: UInt64(length))
            try GasSchedule.charge(
                GasSchedule.call + GasSchedule.sha256Base + GasSchedule.sha256PerWord
                    * GasSchedule.words(UInt64(length)), caller)
            let input = try memory.read(args[0].i32, count: length)
            try memory.write(Array(SHA256.hash(data: input)), at: args[2].i32)
            return []
        },
        HostFunction("secp256k1_recover", [.i32, .i32, .i32], [.i32]) { caller, args, state throws(ExecutionFailure) in
            try GasSchedule.charge(GasSchedule.call + GasSchedule.secp256k1Recover, caller)
            let memory = try GuestMemory(caller, function: "secp256k1_recover")
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
