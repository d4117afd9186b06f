import Beacon

/// One operation of a ledger block. Encodings are little-endian, the kind byte first; a signature covers the
/// bytes before it (see `EEs/ledger/LedgerMain.swift`).
package enum LedgerOperation: Hashable, Sendable {
    /// Moves `amount` from `from` to `to` on this shard's ledger.
    case transfer(from: UInt32, to: UInt32, amount: Gwei, nonce: UInt64, signature: [UInt8])
    /// Moves `amount` out of the ledger to account `to` of EE `ee` on `shard`, by a receipt.
    case send(from: UInt32, shard: ShardID, ee: EEID, to: UInt32, amount: Gwei, nonce: UInt64, signature: [UInt8])
    /// Claims incoming receipt `receipt` for account `to`.
    case receive(receipt: UInt32, to: UInt32)

    /// The bytes a signature covers (everything before it); the whole encoding for a receive.
    package var signedBytes: [UInt8] {
        var out: [UInt8] = []
        switch self {
        case .transfer(let from, let to, let amount, let nonce, _):
            out = [0]
            out.append(littleEndian: from)
            out.append(littleEndian: to)
            out.append(littleEndian: amount.value)
            out.append(littleEndian: nonce)
        case .send(let from, let shard, let ee, let to, let amount, let nonce, _):
            out = [1]
            out.append(littleEndian: from)
            out.append(littleEndian: shard.index)
            out.append(littleEndian: ee.index)
            out.append(littleEndian: to)
            out.append(littleEndian: amount.value)
            out.append(littleEndian: nonce)
        case .receive(let receipt, let to):
            out = [2]
            out.append(littleEndian: receipt)
            out.append(littleEndian: to)
        }
        return out
    }

    /// The signature, or `nil` for a receive.
    package var signature: [UInt8]? {
        switch self {
        case .transfer(_, _, _, _, let signature), .send(_, _, _, _, _, _, let signature): signature
        case .receive: nil
        }
    }

    /// The encoded operation.
    package var encoded: [UInt8] { signedBytes + (signature ?? []) }

    /// The same operation with its signature's first byte flipped (the bad-signature fault).
    package var corrupted: LedgerOperation {
        switch self {
        case .transfer(let from, let to, let amount, let nonce, var signature):
            signature[0] ^= 1
            return .transfer(from: from, to: to, amount: amount, nonce: nonce, signature: signature)
        case .send(let from, let shard, let ee, let to, let amount, let nonce, var signature):
            signature[0] ^= 1
            return .send(from: from, shard: shard, ee: ee, to: to, amount: amount, nonce: nonce, signature: signature)
        case .receive: return self
        }
    }
}
