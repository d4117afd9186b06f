// The three transaction kinds of the token EE and how each is applied to the witness's accounts
// (formats and result codes in Documentation/TokenEE.md). An invalid transaction changes nothing and is
// reported with its code; only a structurally broken block traps.

enum Kind {
    static let transfer: UInt8 = 0
    static let send: UInt8 = 1
    static let receive: UInt8 = 2
}

/// Encoded size of each kind, the kind byte included.
enum Size {
    static let transfer = 90  // kind, from u32, to u32, amount u64, nonce u64, sig 65
    static let send = 96  // kind, from u32, dstShard u16, dstEE u32, dstAccount u32, amount u64, nonce u64, sig 65
    static let receive = 9  // kind, receiptIndex u32, to u32
    static let signature = 65
}

enum Code {
    static let applied: UInt32 = 0
    static let badSignature: UInt32 = 1
    static let badNonce: UInt32 = 2
    static let insufficientBalance: UInt32 = 3
    static let badReceipt: UInt32 = 4
    static let malformed: UInt32 = 5
}

/// The signature domain: keccak256("shardsim-token-v1" ‖ le16 shardId ‖ signed bytes).
let domainTagLength = 17

/// Scratch layout (320 bytes): [0, 64) hashing (the witness's), [64, 128) signed message, [128, 160) message
/// hash, [160, 224) recovered key, [224, 256) key hash, [256, 320) send payload, claim output, pre-state root.
struct Executor {
    let witness: Witness
    let scratch: UnsafeMutableRawPointer

    /// `scratch[64 ..< 83)` must already hold the domain tag and the shard id.
    init(witness: Witness, scratch: UnsafeMutableRawPointer) {
        self.witness = witness
        self.scratch = scratch
    }

    /// Applies the transaction at `tx` (its length already checked) and returns its result code.
    func apply(_ tx: UnsafeRawPointer) -> UInt32 {
        switch tx.load(as: UInt8.self) {
        case Kind.transfer: return transfer(tx)
        case Kind.send: return send(tx)
        default: return receive(tx)
        }
    }

    /// Whether the first `signedCount` bytes of `tx`, signed with the signature that follows them, recover to the
    /// address of witness leaf `leaf`.
    @inline(never)
    func signedBy(_ tx: UnsafeRawPointer, signedCount: Int, leaf: Int) -> Bool {
        let message = scratch + 64
        let messageHash = scratch + 128
        let key = scratch + 160
        let keyHash = scratch + 224
        (message + domainTagLength + 2).copyMemory(from: tx, byteCount: signedCount)
        host_keccak256(message, UInt32(domainTagLength + 2 + signedCount), messageHash)
        guard host_secp256k1_recover(messageHash, tx + signedCount, key) == 0 else { return false }
        host_keccak256(key, 64, keyHash)
        let signer = UnsafeRawPointer(keyHash + 12)
        let expected = witness.address(leaf)
        return signer.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
            == expected.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
            && signer.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                == expected.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            && signer.loadUnaligned(fromByteOffset: 16, as: UInt32.self)
                == expected.loadUnaligned(fromByteOffset: 16, as: UInt32.self)
    }

    /// `0 transfer`: from u32 @1, to u32 @5, amount u64 @9, nonce u64 @17, signature @25.
    @inline(never)
    func transfer(_ tx: UnsafeRawPointer) -> UInt32 {
        let from = witness.find(tx.loadUnaligned(fromByteOffset: 1, as: UInt32.self))
        let to = witness.find(tx.loadUnaligned(fromByteOffset: 5, as: UInt32.self))
        let amount = tx.loadUnaligned(fromByteOffset: 9, as: UInt64.self)
        let nonce = tx.loadUnaligned(fromByteOffset: 17, as: UInt64.self)
        guard from >= 0, to >= 0, witness.hasAccount(to) else { return Code.malformed }
        guard signedBy(tx, signedCount: 25, leaf: from) else { return Code.badSignature }
        guard nonce == witness.nonces[from], nonce != UInt64.max else { return Code.badNonce }
        guard amount <= witness.balances[from] else { return Code.insufficientBalance }
        guard from == to || witness.balances[to] <= UInt64.max - amount else { return Code.malformed }
        witness.balances[from] -= amount
        witness.nonces[from] += 1
        witness.balances[to] += amount
        return Code.applied
    }

    /// `1 send`: from u32 @1, dstShard u16 @5, dstEE u32 @7, dstAccount u32 @11, amount u64 @15, nonce u64 @23,
    /// signature @31. The receipt's payload is le32 dstAccount.
    @inline(never)
    func send(_ tx: UnsafeRawPointer) -> UInt32 {
        let from = witness.find(tx.loadUnaligned(fromByteOffset: 1, as: UInt32.self))
        let amount = tx.loadUnaligned(fromByteOffset: 15, as: UInt64.self)
        let nonce = tx.loadUnaligned(fromByteOffset: 23, as: UInt64.self)
        guard from >= 0 else { return Code.malformed }
        guard signedBy(tx, signedCount: 31, leaf: from) else { return Code.badSignature }
        guard nonce == witness.nonces[from], nonce != UInt64.max else { return Code.badNonce }
        guard amount <= witness.balances[from] else { return Code.insufficientBalance }
        let payload = scratch + 256
        payload.copyMemory(from: tx + 11, byteCount: 4)
        let shard = UInt32(tx.loadUnaligned(fromByteOffset: 5, as: UInt16.self))
        let ee = tx.loadUnaligned(fromByteOffset: 7, as: UInt32.self)
        guard eth2_crossShardTransfer(shard, ee, amount, payload, 4) == 0 else { return Code.insufficientBalance }
        witness.balances[from] -= amount
        witness.nonces[from] += 1
        return Code.applied
    }

    /// `2 receive`: receiptIndex u32 @1, to u32 @5. Credits `to` with the receipt's amount; the receipt's payload
    /// must be le32 `to`. A claimed receipt cannot be given back, so a payload naming another account (or one
    /// that would overflow the balance) fails the whole execution, which undoes the claim.
    @inline(never)
    func receive(_ tx: UnsafeRawPointer) -> UInt32 {
        let account = tx.loadUnaligned(fromByteOffset: 5, as: UInt32.self)
        let to = witness.find(account)
        guard to >= 0, witness.hasAccount(to) else { return Code.malformed }
        let claim = scratch + 256
        let length = eth2_claimReceipt(tx.loadUnaligned(fromByteOffset: 1, as: UInt32.self), claim)
        guard length >= 0 else { return Code.badReceipt }
        guard length == 22, claim.loadUnaligned(fromByteOffset: 14, as: UInt32.self) == 4,
            claim.loadUnaligned(fromByteOffset: 18, as: UInt32.self) == account
        else { trap() }
        let amount = claim.loadUnaligned(fromByteOffset: 6, as: UInt64.self)
        guard witness.balances[to] <= UInt64.max - amount else { trap() }
        witness.balances[to] += amount
        return Code.applied
    }
}
