import Beacon
import WasmKit

/// The fee market's host functions: the block's base fee, the look-back at its earlier transactions, and the two
/// ways ETH leaves an EE for good — burned, or paid to the block's proposer.
///
/// Like every shard extension, effects go to the execution's ``ShardEffects`` and take hold only on success.
enum FeeFunctions {
    static let all: [HostFunction] = [
        HostFunction("eth2_baseFee", [], [.i64]) { caller, _, state throws(ExecutionFailure) in
            try GasSchedule.charge(GasSchedule.call + GasSchedule.contextAccess, caller)
            return [.i64(state.context.baseFeePerGas.wei)]
        },
        HostFunction("eth2_lookBackCount", [], [.i32]) { caller, _, state throws(ExecutionFailure) in
            try GasSchedule.charge(GasSchedule.call + GasSchedule.contextAccess, caller)
            return [.i32(UInt32(state.context.lookBack.count))]
        },
        HostFunction("eth2_lookBack", [.i32, .i32], [.i32]) { caller, args, state throws(ExecutionFailure) in
            try GasSchedule.charge(
                GasSchedule.call + GasSchedule.lookBack + 2 * GasSchedule.copyPerWord, caller)
            let index = args[0].i32
            let memory = try GuestMemory(caller, state, function: "eth2_lookBack")
            // The pointer is checked even when the index is out of range, so a bad pointer always traps.
            try memory.check(args[1].i32, count: UInt64(LookBackEntry.byteCount))
            guard Int(index) < state.context.lookBack.count else { return [.i32(1)] }
            try memory.write(state.context.lookBack[Int(index)].encoded, at: args[1].i32)
            return [.i32(0)]
        },
        feeTransfer("eth2_payProposer", to: \.paidToProposer),
        feeTransfer("eth2_burn", to: \.burned),
        // `(i32 index, i64 amount) → i32`: moves `amount` out of the EE's balance into the prepaid fee of the
        // receipt look-back transaction `index` sent; 1 and no change when the balance cannot cover it, the
        // transaction sent no receipt (receipt gas 0) or its receipt is already prepaid.
        HostFunction("eth2_prepayReceipt", [.i32, .i64], [.i32]) { caller, args, state throws(ExecutionFailure) in
            try GasSchedule.charge(GasSchedule.call + GasSchedule.feeTransfer, caller)
            let index = args[0].i32
            let amount = Gwei(args[1].i64)
            guard Int(index) < state.context.lookBack.count, state.context.lookBack[Int(index)].receiptGas > 0,
                !state.effects.prepaidReceipts.contains(where: { $0.transactionIndex == index }),
                let remaining = state.effects.balanceAfter.subtractingIfEnough(amount)
            else { return [.i32(1)] }
            state.effects.balanceAfter = remaining
            state.effects.prepaidReceipts.append(PrepaidReceipt(transactionIndex: index, amount: amount))
            return [.i32(0)]
        },
    ]

    /// `(i64 amount) → i32`: moves `amount` out of the EE's balance into the effect at `sink` (paid to the
    /// proposer, or burned); 1 and no change when the balance cannot cover it.
    private static func feeTransfer(_ name: String, to sink: WritableKeyPath<ShardEffects, Gwei> & Sendable)
        -> HostFunction
    {
        HostFunction(name, [.i64], [.i32]) { caller, args, state throws(ExecutionFailure) in
            try GasSchedule.charge(GasSchedule.call + GasSchedule.feeTransfer, caller)
            let amount = Gwei(args[0].i64)
            guard let remaining = state.effects.balanceAfter.subtractingIfEnough(amount) else { return [.i32(1)] }
            state.effects.balanceAfter = remaining
            state.effects[keyPath: sink] = state.effects[keyPath: sink] + amount
            return [.i32(0)]
        }
    }
}
