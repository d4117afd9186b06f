import Beacon
import WasmKit

/// Scout's logging functions. Lines go to the execution's log (capped), never straight to the terminal, so a
/// parallel run's output stays in order and a hostile EE cannot flood it.
enum DebugFunctions {
    static let all: [HostFunction] = [
        HostFunction("debug_print32", [.i32]) { caller, args, state throws(ExecutionFailure) in
            try GasSchedule.charge(GasSchedule.call, caller)
            state.appendLog("debug_print32: \(args[0].i32)")
            return []
        },
        HostFunction("debug_print64", [.i64]) { caller, args, state throws(ExecutionFailure) in
            try GasSchedule.charge(GasSchedule.call, caller)
            state.appendLog("debug_print64: \(args[0].i64)")
            return []
        },
        HostFunction("debug_printMem", [.i32, .i32]) { caller, args, state throws(ExecutionFailure) in
            let bytes = try printable(caller, args, state, function: "debug_printMem")
            state.appendLog("debug_printMem: " + String(decoding: bytes, as: UTF8.self))
            return []
        },
        HostFunction("debug_printMemHex", [.i32, .i32]) { caller, args, state throws(ExecutionFailure) in
            let bytes = try printable(caller, args, state, function: "debug_printMemHex")
            state.appendLog("debug_printMemHex: " + HexCoding.encode(bytes))
            return []
        },
    ]

    /// Charges for and reads the printed range, truncated to ``HostLimits/maxLogBytes``.
    private static func printable(
        _ caller: borrowing Caller, _ args: HostArguments, _ state: ExecutionState, function: String
    ) throws(ExecutionFailure) -> [UInt8] {
        let (pointer, length) = (args[0].i32, args[1].i32)
        let memory = try GuestMemory(caller, state, function: function)
        try memory.check(pointer, count: UInt64(length))
        try GasSchedule.charge(GasSchedule.call + GasSchedule.copyPerWord * GasSchedule.words(UInt64(length)), caller)
        return try memory.read(pointer, count: min(length, UInt32(HostLimits.maxLogBytes)))
    }
}
