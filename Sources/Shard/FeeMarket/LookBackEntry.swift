import Beacon

/// What the fee-market EE learns of one earlier user transaction of its block through `eth2_lookBack`.
///
/// Encoded as 64 bytes, little-endian: `u8[32] transactionHash | u32 relayer | u32 receiptGas | u64 gas |
/// u64 maxFeePerGas | u64 priorityFeePerGas` (fees in wei per gas).
package struct LookBackEntry: Hashable, Sendable {
    /// The encoded size in bytes.
    package static let byteCount = 64

    /// keccak256 of the transaction's encoding in the token block.
    package var transactionHash: Root
    /// The relayer that packaged it: a leaf index of the fee-market EE's tree on this shard.
    package var relayer: UInt32
    /// The gas the transaction is charged for.
    package var gas: UInt64
    /// The gas of processing the receipt the transaction sent, on its destination shard, which the transaction
    /// prepays at its own price (0: it sent no receipt).
    package var receiptGas: UInt32 = 0
    /// The most the user pays per gas, base fee included.
    package var maxFeePerGas: WeiPerGas
    /// The tip per gas the user offers the proposer (paid up to the fee cap).
    package var priorityFeePerGas: WeiPerGas

    /// Creates an entry.
    package init(
        transactionHash: Root, relayer: UInt32, gas: UInt64, maxFeePerGas: WeiPerGas, priorityFeePerGas: WeiPerGas
    ) {
        self.transactionHash = transactionHash
        self.relayer = relayer
        self.gas = gas
        self.maxFeePerGas = maxFeePerGas
        self.priorityFeePerGas = priorityFeePerGas
    }

    /// The 64-byte record.
    package var encoded: [UInt8] {
        var out = transactionHash.bytes
        out.reserveCapacity(Self.byteCount)
        withUnsafeBytes(of: relayer.littleEndian) { out += $0 }
        withUnsafeBytes(of: receiptGas.littleEndian) { out += $0 }
        for value in [gas, maxFeePerGas.wei, priorityFeePerGas.wei] {
            withUnsafeBytes(of: value.littleEndian) { out += $0 }
        }
        return out
    }
}
