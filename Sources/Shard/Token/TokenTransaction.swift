import Beacon

/// A transaction of the token EE. Each encodes as a kind byte followed by its fields, little-endian; transfers and
/// sends end with a 65-byte signature (`r ‖ s ‖ recid`) over everything before it (see ``TokenSigning``).
///
/// | kind | fields | bytes |
/// |---|---|---|
/// | `0` transfer | `u32 from, u32 to, u64 amount, u64 nonce, sig65` | 90 |
/// | `1` send | `u32 from, u16 dstShard, u32 dstEE, u32 dstAccount, u64 amount, u64 nonce, sig65` | 96 |
/// | `2` receive | `u32 receiptIndex, u32 to` | 9 |
package enum TokenTransaction: Hashable, Sendable {
    /// Moves gwei between two accounts of this EE on this shard.
    case transfer(TokenTransfer)
    /// Moves gwei from an account to an account of an EE on another shard, through a cross-shard receipt.
    case send(TokenSend)
    /// Credits an account with an incoming receipt.
    case receive(TokenReceive)

    /// The kind byte.
    package var kind: UInt8 {
        switch self {
        case .transfer: 0
        case .send: 1
        case .receive: 2
        }
    }

    /// The encoded size of a transaction of `kind`, or `nil` for an unknown kind.
    package static func byteCount(kind: UInt8) -> Int? {
        switch kind {
        case 0: 90
        case 1: 96
        case 2: 9
        default: nil
        }
    }

    /// The encoding, signature included.
    package var encoded: [UInt8] {
        switch self {
        case .transfer(let transfer): transfer.signedBytes + transfer.signature
        case .send(let send): send.signedBytes + send.signature
        case .receive(let receive): receive.encoded
        }
    }

    /// The tree leaves the transaction reads or writes, which a block's witness must carry for it to apply.
    package var accountIndices: [UInt32] {
        switch self {
        case .transfer(let transfer): [transfer.from, transfer.to]
        case .send(let send): [send.from]
        case .receive(let receive): [receive.to]
        }
    }

    /// Reads one transaction, identified by the `transaction`-th position, from `reader`.
    init(from reader: inout TokenByteReader, transaction: Int) throws(TokenFormatError) {
        let start = reader.offset
        let kind = try reader.read(UInt8.self, "transaction \(transaction) kind")
        guard let size = Self.byteCount(kind: kind) else {
            throw .unknownKind(kind, transaction: transaction, offset: start)
        }
        guard reader.remaining >= size - 1 else { throw .truncated(field: "transaction \(transaction)", offset: start) }
        let field = "transaction \(transaction)"
        switch kind {
        case 0:
            self = .transfer(
                TokenTransfer(
                    from: try reader.read(UInt32.self, field),
                    to: try reader.read(UInt32.self, field),
                    amount: Gwei(try reader.read(UInt64.self, field)),
                    nonce: try reader.read(UInt64.self, field),
                    signature: try reader.read(count: 65, field)
                )
            )
        case 1:
            self = .send(
                TokenSend(
                    from: try reader.read(UInt32.self, field),
                    destinationShard: ShardID(try reader.read(UInt16.self, field)),
                    destinationEE: EEID(try reader.read(UInt32.self, field)),
                    destinationAccount: try reader.read(UInt32.self, field),
                    amount: Gwei(try reader.read(UInt64.self, field)),
                    nonce: try reader.read(UInt64.self, field),
                    signature: try reader.read(count: 65, field)
                )
            )
        default:
            self = .receive(
                TokenReceive(receiptIndex: try reader.read(UInt32.self, field), to: try reader.read(UInt32.self, field))
            )
        }
    }
}

/// A signed transfer between two accounts of the same EE and shard.
package struct TokenTransfer: Hashable, Sendable {
    /// The paying account's leaf index; its key signs.
    package var from: UInt32
    /// The receiving account's leaf index.
    package var to: UInt32
    /// The amount moved.
    package var amount: Gwei
    /// The payer's nonce, which must equal its account's.
    package var nonce: UInt64
    /// `r ‖ s ‖ recid` over ``signedBytes`` (see ``TokenSigning``); 65 zero bytes until signed.
    package var signature: [UInt8]

    /// Creates a transfer, unsigned unless `signature` is given.
    package init(
        from: UInt32,
        to: UInt32,
        amount: Gwei,
        nonce: UInt64,
        signature: [UInt8] = [UInt8](repeating: 0, count: Secp256k1.signatureByteCount)
    ) {
        self.from = from
        self.to = to
        self.amount = amount
        self.nonce = nonce
        self.signature = signature
    }

    /// The kind byte and fields, which the signature covers.
    package var signedBytes: [UInt8] {
        var out: [UInt8] = [0]
        out.append(littleEndian: from)
        out.append(littleEndian: to)
        out.append(littleEndian: amount.value)
        out.append(littleEndian: nonce)
        return out
    }

    /// This transfer signed with `privateKey` for `shard`.
    package func signed(
        with privateKey: [UInt8], shard: ShardID, domainTag: [UInt8] = TokenSigning.domainTag
    ) -> TokenTransfer {
        var copy = self
        copy.signature = TokenSigning.sign(signedBytes, shard: shard, privateKey: privateKey, domainTag: domainTag)
        return copy
    }
}

/// A signed cross-shard send: the payer's account is debited and the EE's ETH moves into a receipt for the
/// destination, whose payload (le32 `destinationAccount`) names the account to credit there.
package struct TokenSend: Hashable, Sendable {
    /// The paying account's leaf index; its key signs.
    package var from: UInt32
    /// The destination shard.
    package var destinationShard: ShardID
    /// The destination EE (normally the token EE there).
    package var destinationEE: EEID
    /// The account to credit on the destination, carried as the receipt's payload.
    package var destinationAccount: UInt32
    /// The amount moved.
    package var amount: Gwei
    /// The payer's nonce, which must equal its account's.
    package var nonce: UInt64
    /// `r ‖ s ‖ recid` over ``signedBytes``; 65 zero bytes until signed.
    package var signature: [UInt8]

    /// Creates a send, unsigned unless `signature` is given.
    package init(
        from: UInt32,
        destinationShard: ShardID,
        destinationEE: EEID,
        destinationAccount: UInt32,
        amount: Gwei,
        nonce: UInt64,
        signature: [UInt8] = [UInt8](repeating: 0, count: Secp256k1.signatureByteCount)
    ) {
        self.from = from
        self.destinationShard = destinationShard
        self.destinationEE = destinationEE
        self.destinationAccount = destinationAccount
        self.amount = amount
        self.nonce = nonce
        self.signature = signature
    }

    /// The kind byte and fields, which the signature covers.
    package var signedBytes: [UInt8] {
        var out: [UInt8] = [1]
        out.append(littleEndian: from)
        out.append(littleEndian: destinationShard.index)
        out.append(littleEndian: destinationEE.index)
        out.append(littleEndian: destinationAccount)
        out.append(littleEndian: amount.value)
        out.append(littleEndian: nonce)
        return out
    }

    /// The receipt payload: le32 ``destinationAccount``.
    package var payload: [UInt8] {
        var out: [UInt8] = []
        out.append(littleEndian: destinationAccount)
        return out
    }

    /// This send signed with `privateKey` for `shard` (the source shard).
    package func signed(
        with privateKey: [UInt8], shard: ShardID, domainTag: [UInt8] = TokenSigning.domainTag
    ) -> TokenSend {
        var copy = self
        copy.signature = TokenSigning.sign(signedBytes, shard: shard, privateKey: privateKey, domainTag: domainTag)
        return copy
    }
}

/// An unsigned claim of an incoming receipt for an account: the host authenticates the receipt and lets it be
/// claimed once; its payload must name `to`.
package struct TokenReceive: Hashable, Sendable {
    /// The receipt's position in the execution's incoming receipts (``ShardContext/incomingReceipts``).
    package var receiptIndex: UInt32
    /// The account to credit: the one the receipt's payload names.
    package var to: UInt32

    /// Creates a receive.
    package init(receiptIndex: UInt32, to: UInt32) {
        self.receiptIndex = receiptIndex
        self.to = to
    }

    /// The encoding.
    package var encoded: [UInt8] {
        var out: [UInt8] = [2]
        out.append(littleEndian: receiptIndex)
        out.append(littleEndian: to)
        return out
    }
}
