import Beacon
import WasmKit

/// Scout's base functions, with exactly its semantics, so EEs and test cases written for Scout run unchanged.
enum ScoutFunctions {
    static let all: [HostFunction] = [
        HostFunction("eth2_loadPreStateRoot", [.i32]) { caller, args, state throws(ExecutionFailure) in
            try GasSchedule.charge(GasSchedule.call + GasSchedule.rootAccess, caller)
            let memory = try GuestMemory(caller, state, function: "eth2_loadPreStateRoot")
            try memory.write(state.preStateRoot.bytes, at: args[0].i32)
            return []
        },
        HostFunction("eth2_blockDataSize", [], [.i32]) { caller, _, state throws(ExecutionFailure) in
            try GasSchedule.charge(GasSchedule.call, caller)
            return [.i32(UInt32(state.blockData.count))]
        },
        HostFunction("eth2_blockDataCopy", [.i32, .i32, .i32]) { caller, args, state throws(ExecutionFailure) in
            let (pointer, offset, length) = (args[0].i32, UInt64(args[1].i32), UInt64(args[2].i32))
            // Ranges are checked before the charge, so a wild length reports itself rather than running out of gas.
            guard offset + length <= UInt64(state.blockData.count) else {
                throw .outOfBoundsHostAccess(function: "eth2_blockDataCopy")
            }
            let memory = try GuestMemory(caller, state, function: "eth2_blockDataCopy")
            try memory.check(pointer, count: length)
            try GasSchedule.charge(
                GasSchedule.call + GasSchedule.blockDataCopy + GasSchedule.copyPerWord * GasSchedule.words(length),
                caller)
            try memory.write(state.blockData[Int(offset)..<Int(offset + length)], at: pointer)
            return []
        },
        HostFunction("eth2_savePostStateRoot", [.i32]) { caller, args, state throws(ExecutionFailure) in
            try GasSchedule.charge(GasSchedule.call + GasSchedule.rootAccess, caller)
            let memory = try GuestMemory(caller, state, function: "eth2_savePostStateRoot")
            let bytes = try memory.read(args[0].i32, count: UInt32(Root.byteCount))
            state.savedRoot = Root(bytes: bytes)
            return []
        },
        HostFunction("eth2_pushNewDeposit", [.i32, .i32]) { caller, args, state throws(ExecutionFailure) in
            let length = args[1].i32
            // The length is checked before gas is charged (as HostFunctions.md says), so a huge length is reported
            // as what it is, not as running out of gas.
            guard length == HostLimits.depositByteCount else {
                throw .invalidHostArgument(
                    function: "eth2_pushNewDeposit",
                    reason: "a deposit is \(HostLimits.depositByteCount) bytes, got \(length)")
            }
            try GasSchedule.charge(
                GasSchedule.call + GasSchedule.pushDeposit + GasSchedule.copyPerWord
                    * GasSchedule.words(UInt64(length)), caller)
            let memory = try GuestMemory(caller, state, function: "eth2_pushNewDeposit")
            state.deposits.append(try memory.read(args[0].i32, count: length))
            return []
        },
        HostFunction("eth2_useTicks", [.i32]) { caller, args, _ throws(ExecutionFailure) in
            try GasSchedule.charge(UInt64(args[0].i32), caller)
            return []
        },
    ]
}
