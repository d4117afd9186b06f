// The ledger EE: a worked example of a simulated EE that is not the token EE (Documentation/WritingAnEE.md).
//
// Its accumulator is flat: the state root is keccak256 of every account, so a block carries the whole state as its
// witness (36 bytes per account) instead of a Merkle multiproof. Cheap to verify for a few accounts, linear in the
// number of accounts — the other end of the design space from the token EE's binary tree.
//
// Block data (little-endian):
//   u8 version=1 | u16 shardId | u32 nAccounts | nAccounts × (address 20 | u64 balance | u64 nonce)
//   | u32 nOps | ops
// The state root is keccak256(u32 nAccounts ‖ accounts): the block's bytes [3, 7 + 36 × nAccounts).
// Ops (the kind byte first):
//   0 transfer: u32 from | u32 to | u64 amount | u64 nonce | sig 65                       (90 bytes)
//   1 send:     u32 from | u16 dstShard | u32 dstEE | u32 dstAccount | u64 amount | u64 nonce | sig 65  (96 bytes)
//   2 receive:  u32 receiptIndex | u32 to                                                   (9 bytes)
// A signature is secp256k1 over keccak256("shardsim-ledger-v1" ‖ u16 shardId ‖ the op's bytes before it).
// Result codes: 0 applied, 1 bad signature, 2 bad nonce, 3 insufficient balance, 4 bad receipt, 5 malformed.
// The block traps (nothing changes) when it is not well formed, is for another shard, its accounts do not hash to
// the pre-state root, or a receive claims a receipt whose payload (le32 account) names another account.

let blockVersion: UInt8 = 1
let accountSize = 36
let tagLength = 18

enum Op {
    static let transfer: UInt8 = 0
    static let send: UInt8 = 1
    static let receive: UInt8 = 2
}

enum Code {
    static let applied: UInt32 = 0
    static let badSignature: UInt32 = 1
    static let badNonce: UInt32 = 2
    static let insufficientBalance: UInt32 = 3
    static let badReceipt: UInt32 = 4
    static let malformed: UInt32 = 5
}

@_expose(wasm, "main") @_cdecl("ledger_main")
func ledgerMain() {
    let size = Int(eth2_blockDataSize())
    let data = UnsafeMutableRawPointer.allocate(byteCount: size + 8, alignment: 8)
    if size > 0 { eth2_blockDataCopy(data, 0, UInt32(size)) }
    guard size >= 7, data.load(as: UInt8.self) == blockVersion else { trap() }
    let shard = data.loadUnaligned(fromByteOffset: 1, as: UInt16.self)
    guard UInt32(shard) == eth2_shardId() else { trap() }
    let count = Int(data.loadUnaligned(fromByteOffset: 3, as: UInt32.self))
    guard count <= (size - 7) / accountSize, size - 7 - count * accountSize >= 4 else { trap() }
    let stateBytes = 4 + count * accountSize

    // The witness is the whole state: it must hash to the pre-state root.
    let scratch = UnsafeMutableRawPointer.allocate(byteCount: 320, alignment: 8)
    host_keccak256(data + 3, UInt32(stateBytes), scratch)
    eth2_loadPreStateRoot(scratch + 32)
    for i in 0..<4 {
        guard scratch.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)
            == scratch.loadUnaligned(fromByteOffset: 32 + 8 * i, as: UInt64.self)
        else { trap() }
    }

    // The signed-message prefix at scratch[64 ..< 84): domain tag and shard id.
    let tag: StaticString = "shardsim-ledger-v1"
    (scratch + 64).copyMemory(from: tag.utf8Start, byteCount: tagLength)
    (scratch + 64).storeBytes(of: shard, toByteOffset: tagLength, as: UInt16.self)

    let ledger = Ledger(accounts: data + 7, count: count, scratch: scratch)
    var position = 3 + stateBytes
    let opCount = Int(data.loadUnaligned(fromByteOffset: position, as: UInt32.self))
    position += 4
    for i in 0..<opCount {
        guard position < size else { trap() }
        let op = data + position
        let length: Int
        switch op.load(as: UInt8.self) {
        case Op.transfer: length = 90
        case Op.send: length = 96
        case Op.receive: length = 9
        default: trap()
        }
        guard size - position >= length else { trap() }
        eth2_reportResult(UInt32(i), ledger.apply(op))
        position += length
    }
    guard position == size else { trap() }

    // The accounts were updated in place: their hash is the post-state root.
    host_keccak256(data + 3, UInt32(stateBytes), scratch)
    eth2_savePostStateRoot(scratch)
}

/// The accounts inside the block data, updated in place. Scratch: [64, 116) signed message, [128, 160) its hash,
/// [160, 224) recovered key, [224, 256) key hash, [256, 320) send payload and claimed receipt.
struct Ledger {
    let accounts: UnsafeMutableRawPointer
    let count: Int
    let scratch: UnsafeMutableRawPointer

    func apply(_ op: UnsafeRawPointer) -> UInt32 {
        switch op.load(as: UInt8.self) {
        case Op.transfer: return transfer(op)
        case Op.send: return send(op)
        default: return receive(op)
        }
    }

    func account(_ index: UInt32) -> UnsafeMutableRawPointer? {
        Int(index) < count ? accounts + Int(index) * accountSize : nil
    }

    func hasAddress(_ account: UnsafeRawPointer) -> Bool {
        for i in 0..<20 where account.load(fromByteOffset: i, as: UInt8.self) != 0 { return true }
        return false
    }

    func balance(_ account: UnsafeRawPointer) -> UInt64 { account.loadUnaligned(fromByteOffset: 20, as: UInt64.self) }
    func nonce(_ account: UnsafeRawPointer) -> UInt64 { account.loadUnaligned(fromByteOffset: 28, as: UInt64.self) }
    func setBalance(_ account: UnsafeMutableRawPointer, _ value: UInt64) { account.storeBytes(of: value, toByteOffset: 20, as: UInt64.self) }
    func setNonce(_ account: UnsafeMutableRawPointer, _ value: UInt64) { account.storeBytes(of: value, toByteOffset: 28, as: UInt64.self) }

    /// Whether the `signedCount` bytes of `op` before its signature are signed by `account`'s address.
    func signed(_ op: UnsafeRawPointer, signedCount: Int, by account: UnsafeRawPointer) -> Bool {
        let message = scratch + 64
        (message + tagLength + 2).copyMemory(from: op, byteCount: signedCount)
        host_keccak256(message, UInt32(tagLength + 2 + signedCount), scratch + 128)
        guard host_secp256k1_recover(scratch + 128, op + signedCount, scratch + 160) == 0 else { return false }
        host_keccak256(scratch + 160, 64, scratch + 224)
        for i in 0..<20 where (scratch + 236).load(fromByteOffset: i, as: UInt8.self) != account.load(fromByteOffset: i, as: UInt8.self) {
            return false
        }
        return true
    }

    func transfer(_ op: UnsafeRawPointer) -> UInt32 {
        guard let from = account(op.loadUnaligned(fromByteOffset: 1, as: UInt32.self)),
            let to = account(op.loadUnaligned(fromByteOffset: 5, as: UInt32.self)), hasAddress(to)
        else { return Code.malformed }
        let amount = op.loadUnaligned(fromByteOffset: 9, as: UInt64.self)
        let nonce = op.loadUnaligned(fromByteOffset: 17, as: UInt64.self)
        guard signed(op, signedCount: 25, by: from) else { return Code.badSignature }
        guard nonce == self.nonce(from), nonce != UInt64.max else { return Code.badNonce }
        guard amount <= balance(from) else { return Code.insufficientBalance }
        // A transfer to oneself moves nothing but still uses the nonce.
        if from != to {
            let (credited, overflow) = balance(to).addingReportingOverflow(amount)
            guard !overflow else { return Code.malformed }
            setBalance(from, balance(from) - amount)
            setBalance(to, credited)
        }
        setNonce(from, nonce + 1)
        return Code.applied
    }

    func send(_ op: UnsafeRawPointer) -> UInt32 {
        guard let from = account(op.loadUnaligned(fromByteOffset: 1, as: UInt32.self)) else { return Code.malformed }
        let shard = UInt32(op.loadUnaligned(fromByteOffset: 5, as: UInt16.self))
        let ee = op.loadUnaligned(fromByteOffset: 7, as: UInt32.self)
        let recipient = op.loadUnaligned(fromByteOffset: 11, as: UInt32.self)
        let amount = op.loadUnaligned(fromByteOffset: 15, as: UInt64.self)
        let nonce = op.loadUnaligned(fromByteOffset: 23, as: UInt64.self)
        guard signed(op, signedCount: 31, by: from) else { return Code.badSignature }
        guard nonce == self.nonce(from), nonce != UInt64.max else { return Code.badNonce }
        guard amount <= balance(from) else { return Code.insufficientBalance }
        // The payload names the recipient for the destination EE: its account index, little-endian.
        (scratch + 256).storeBytes(of: recipient, as: UInt32.self)
        guard eth2_crossShardTransfer(shard, ee, amount, scratch + 256, 4) == 0 else { return Code.insufficientBalance }
        setBalance(from, balance(from) - amount)
        setNonce(from, nonce + 1)
        return Code.applied
    }

    func receive(_ op: UnsafeRawPointer) -> UInt32 {
        guard let to = account(op.loadUnaligned(fromByteOffset: 5, as: UInt32.self)), hasAddress(to) else {
            return Code.malformed
        }
        guard eth2_claimReceipt(op.loadUnaligned(fromByteOffset: 1, as: UInt32.self), scratch + 256) >= 0 else {
            return Code.badReceipt
        }
        // A claimed receipt cannot be given back: a receipt for another account (its payload names the recipient,
        // little-endian) or one the account cannot hold fails the whole block.
        guard (scratch + 270).loadUnaligned(as: UInt32.self) == 4,
            (scratch + 274).loadUnaligned(as: UInt32.self) == op.loadUnaligned(fromByteOffset: 5, as: UInt32.self)
        else { trap() }
        let (credited, overflow) = balance(to).addingReportingOverflow((scratch + 262).loadUnaligned(as: UInt64.self))
        guard !overflow else { trap() }
        setBalance(to, credited)
        return Code.applied
    }
}
