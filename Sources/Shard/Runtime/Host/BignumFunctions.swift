import WasmKit

/// Scout's 256-bit arithmetic: 32-byte big-endian operands, results modulo 2²⁵⁶.
enum BignumFunctions {
    static let all: [HostFunction] = [
        HostFunction("bignum_add256", [.i32, .i32, .i32]) { caller, args, state throws(ExecutionFailure) in
            try apply(caller, args, state, function: "bignum_add256", subtract: false)
            return []
        },
        HostFunction("bignum_sub256", [.i32, .i32, .i32]) { caller, args, state throws(ExecutionFailure) in
            try apply(caller, args, state, function: "bignum_sub256", subtract: true)
            return []
        },
    ]

    private static func apply(
        _ caller: borrowing Caller, _ args: HostArguments, _ state: ExecutionState, function: String, subtract: Bool
    ) throws(ExecutionFailure) {
        try GasSchedule.charge(GasSchedule.call + GasSchedule.bignum, caller)
        let memory = try GuestMemory(caller, state, function: function)
        let a = try memory.read(args[0].i32, count: 32)
        let b = try memory.read(args[1].i32, count: 32)
        try memory.check(args[2].i32, count: 32)
        try memory.write(subtract ? subtract256(a, b) : add256(a, b), at: args[2].i32)
    }

    /// (a + b) mod 2²⁵⁶, big-endian.
    static func add256(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var carry: UInt16 = 0
        for i in stride(from: 31, through: 0, by: -1) {
            let sum = UInt16(a[i]) + UInt16(b[i]) + carry
            out[i] = UInt8(truncatingIfNeeded: sum)
            carry = sum >> 8
        }
        return out
    }

    /// (a − b) mod 2²⁵⁶, big-endian.
    static func subtract256(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        var borrow: Int16 = 0
        for i in stride(from: 31, through: 0, by: -1) {
            var difference = Int16(a[i]) - Int16(b[i]) - borrow
            borrow = difference < 0 ? 1 : 0
            if difference < 0 { difference += 256 }
            out[i] = UInt8(difference)
        }
        return out
    }
}
