import Beacon
import WasmKit

/// The simulator's extensions: what an EE can see of its shard, cross-shard ETH and result reporting.
///
/// Effects go to the execution's ``ShardEffects`` and take hold only if the execution succeeds.
enum ShardFunctions {
    static let all: [HostFunction] = [
        HostFunction("eth2_shardId", [], [.i32]) { caller, _, state throws(ExecutionFailure) in
            try GasSchedule.charge(GasSchedule.call + GasSchedule.contextAccess, caller)
            return [.i32(UInt32(state.context.shard.index))]
        },
        HostFunction("eth2_slot", [], [.i64]) { caller, _, state throws(ExecutionFailure) in
            try GasSchedule.charge(GasSchedule.call + GasSchedule.contextAccess, caller)
            return [.i64(state.context.slot.number)]
        },
        HostFunction("eth2_balance", [], [.i64]) { caller, _, state throws(ExecutionFailure) in
            try GasSchedule.charge(GasSchedule.call + GasSchedule.contextAccess, caller)
            return [.i64(state.effects.balanceAfter.value)]
        },
        HostFunction("eth2_reportResult", [.i32, .i32]) { caller, args, state throws(ExecutionFailure) in
            try GasSchedule.charge(GasSchedule.call + GasSchedule.contextAccess, caller)
            state.effects.results.append(ReportedResult(transactionIndex: args[0].i32, code: args[1].i32))
            return []
        },
        HostFunction("eth2_crossShardTransfer", [.i32, .i32, .i64, .i32, .i32], [.i32]) {
            caller, args, state throws(ExecutionFailure) in
            try GasSchedule.charge(GasSchedule.call + GasSchedule.crossShardTransfer, caller)
            let function = "eth2_crossShardTransfer"
            let (shard, ee, amount, payloadLength) = (args[0].i32, args[1].i32, Gwei(args[2].i64), args[4].i32)
            guard shard <= UInt32(UInt16.max) else {
                throw .invalidHostArgument(function: function, reason: "no shard \(shard)")
            }
            guard payloadLength <= HostLimits.maxReceiptPayload else {
                throw .invalidHostArgument(
                    function: function,
                    reason: "payload of \(payloadLength) bytes exceeds \(HostLimits.maxReceiptPayload)")
            }
            let payload = try GuestMemory(caller, state, function: function).read(args[3].i32, count: payloadLength)
            guard let remaining = state.effects.balanceAfter.subtractingIfEnough(amount) else { return [.i32(1)] }
            state.effects.balanceAfter = remaining
            state.effects.transfers.append(
                OutgoingTransfer(
                    destinationShard: ShardID(UInt16(shard)), destinationEE: EEID(ee), amount: amount,
                    payload: payload))
            return [.i32(0)]
        },
        HostFunction("eth2_claimReceipt", [.i32, .i32], [.i32]) { caller, args, state throws(ExecutionFailure) in
            try GasSchedule.charge(GasSchedule.call + GasSchedule.claimReceipt, caller)
            let index = args[0].i32
            let receipts = state.context.incomingReceipts
            guard Int(index) < receipts.count, !receipts[Int(index)].alreadyProcessed, !state.claimed.contains(index)
            else {
                return [.i32(UInt32(bitPattern: -1))]
            }
            let receipt = receipts[Int(index)]
            var encoded: [UInt8] = []
            encoded.appendLittleEndian(receipt.sourceShard.index)
            encoded.appendLittleEndian(receipt.sourceEE.index)
            encoded.appendLittleEndian(receipt.amount.value)
            encoded.appendLittleEndian(UInt32(receipt.payload.count))
            encoded.append(contentsOf: receipt.payload)
            try GuestMemory(caller, state, function: "eth2_claimReceipt").write(encoded, at: args[1].i32)
            state.claimed.insert(index)
            state.effects.claimedReceipts.append(index)
            state.effects.balanceAfter = state.effects.balanceAfter + receipt.amount
            return [.i32(UInt32(encoded.count))]
        },
    ]
}

extension [UInt8] {
    /// Appends `value` in little-endian byte order.
    fileprivate mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
