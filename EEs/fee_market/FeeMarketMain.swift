// The fee-market EE: relayers' ETH deposits in a fixed-depth Merkle tree (the token EE's leaf and multiproof
// format: address = relayer, balance = deposit, nonce = transactions settled). The proposer calls it last in the
// block. For each earlier user transaction (read through the look-back host function) it debits the relayer's
// deposit by gas × (base fee + tip), then burns the base fees and pays the tips to the proposer. Fees per gas are in
// wei, balances in gwei: every amount is gas × price rounded up to a whole gwei. A transaction that sent a receipt
// also prepays the receipt's processing on its destination shard: receipt gas × the same price, debited from the
// relayer with the transaction's fee and moved into the receipt with eth2_prepayReceipt.
//
// Block data (little-endian): u8 version=1 | u8 depth | u16 shardId | witness (token EE format).
// Result codes (eth2_reportResult, one per look-back index): 0 settled, 1 overdrawn, 2 relayer not in the witness,
// 3 fee cap below the base fee, 4 amount overflows. A rejected entry changes nothing.
// Documentation/FeeMarket.md is the reference.

let feeBlockVersion: UInt8 = 1
let feeMaxDepth = 32

enum FeeCode {
    static let settled: UInt32 = 0
    static let overdrawn: UInt32 = 1
    static let noWitness: UInt32 = 2
    static let underpriced: UInt32 = 3
    static let overflow: UInt32 = 4
}

@_expose(wasm, "main") @_cdecl("fee_market_main")
func feeMarketMain() {
    let size = Int(eth2_blockDataSize())
    let data = UnsafeMutableRawPointer.allocate(byteCount: size + 8, alignment: 8)
    if size > 0 { eth2_blockDataCopy(data, 0, UInt32(size)) }
    guard size >= 4, data.load(as: UInt8.self) == feeBlockVersion else { trap() }
    let depth = Int(data.load(fromByteOffset: 1, as: UInt8.self))
    let shard = data.loadUnaligned(fromByteOffset: 2, as: UInt16.self)
    guard depth <= feeMaxDepth, UInt32(shard) == eth2_shardId() else { trap() }

    let scratch = UnsafeMutableRawPointer.allocate(byteCount: 320, alignment: 8)
    let witness = Witness(depth: depth, data: data, offset: 4, size: size, scratch: scratch)
    let baseFee = eth2_baseFee()
    let count = eth2_lookBackCount()
    let record = UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 8)
    var burned: UInt64 = 0
    var tips: UInt64 = 0
    var i: UInt32 = 0
    while i < count {
        guard eth2_lookBack(i, record) == 0 else { trap() }
        var prepaid: UInt64 = 0
        let code = settle(record, witness: witness, baseFee: baseFee, burned: &burned, tips: &tips, prepaid: &prepaid)
        eth2_reportResult(i, code)
        // Debited from the deposit above, so the balance covers it unless the state lied.
        if prepaid > 0 { guard eth2_prepayReceipt(i, prepaid) == 0 else { trap() } }
        i &+= 1
    }

    if witness.count == 0 {
        guard witness.hashCount == 0 else { trap() }
    } else {
        let (old, new) = witness.roots()
        let pre = scratch + 256
        eth2_loadPreStateRoot(pre)
        for k in 0..<4 {
            guard
                old.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self)
                    == pre.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self)
            else { trap() }
        }
        eth2_savePostStateRoot(new)
    }
    // The deposits debited above are in this EE's balance: moving them out cannot fail unless the state lied.
    guard eth2_burn(burned) == 0, eth2_payProposer(tips) == 0 else { trap() }
}

/// Settles one look-back record `u8[32] txHash | u32 relayer | u32 receiptGas | u64 gas | u64 maxFeePerGas |
/// u64 priorityFeePerGas` (fees in wei per gas): debits the relayer's deposit by gas × (base + tip) rounded up to
/// gwei, burns gas × base rounded up, pays the rest as the tip, and, when the transaction sent a receipt
/// (receiptGas > 0), debits receiptGas × (base + tip) rounded up more as the receipt's prepaid fee; or returns why not.
@inline(never)
func settle(
    _ record: UnsafeRawPointer, witness: Witness, baseFee: UInt64, burned: inout UInt64, tips: inout UInt64,
    prepaid: inout UInt64
) -> UInt32 {
    let relayer = record.loadUnaligned(fromByteOffset: 32, as: UInt32.self)
    let receiptGas = UInt64(record.loadUnaligned(fromByteOffset: 36, as: UInt32.self))
    let gas = record.loadUnaligned(fromByteOffset: 40, as: UInt64.self)
    let maxFee = record.loadUnaligned(fromByteOffset: 48, as: UInt64.self)
    let priority = record.loadUnaligned(fromByteOffset: 56, as: UInt64.self)
    guard maxFee >= baseFee else { return FeeCode.underpriced }
    let tipPerGas = min(priority, maxFee - baseFee)
    // baseFee + tipPerGas ≤ maxFee, so the sum cannot overflow.
    guard gas <= maximumGasPerEntry, let owed = chargeGwei(gas: gas, weiPerGas: baseFee &+ tipPerGas),
        let burn = chargeGwei(gas: gas, weiPerGas: baseFee)
    else { return FeeCode.overflow }
    let tip = owed &- burn
    guard let prepay = chargeGwei(gas: receiptGas, weiPerGas: baseFee &+ tipPerGas) else { return FeeCode.overflow }
    let (total, o3) = owed.addingReportingOverflow(prepay)
    guard !o3 else { return FeeCode.overflow }
    let leaf = witness.find(relayer)
    guard leaf >= 0 else { return FeeCode.noWitness }
    guard witness.balances[leaf] >= total else { return FeeCode.overdrawn }
    let (newBurned, o4) = burned.addingReportingOverflow(burn)
    let (newTips, o5) = tips.addingReportingOverflow(tip)
    guard !o4, !o5 else { return FeeCode.overflow }
    witness.balances[leaf] -= total
    witness.nonces[leaf] &+= 1
    burned = newBurned
    tips = newTips
    prepaid = prepay
    return FeeCode.settled
}

/// The most gas one entry may carry (2³²): it keeps gas × (price mod 10⁹) inside 64 bits.
let maximumGasPerEntry: UInt64 = 1 << 32
let weiPerGwei: UInt64 = 1_000_000_000

/// gas × weiPerGas wei rounded up to whole gwei, or nil past 2⁶⁴ − 1 gwei; gas ≤ 2³². Split as
/// gas × ⌊price / 10⁹⌋ + ⌈gas × (price mod 10⁹) / 10⁹⌉ because wasm32 has no 128-bit multiply.
func chargeGwei(gas: UInt64, weiPerGas: UInt64) -> UInt64? {
    let gweiPerGas = divide(weiPerGas, weiPerGwei)
    // divide, not multipliedReportingOverflow or `/`: LLVM turns both into a 128-bit multiply, not linked here.
    guard gweiPerGas == 0 || gas <= divide(UInt64.max, gweiPerGas) else { return nil }
    let part = divide(gas &* (weiPerGas &- gweiPerGas &* weiPerGwei) &+ (weiPerGwei &- 1), weiPerGwei)
    let (sum, overflow) = (gas &* gweiPerGas).addingReportingOverflow(part)
    return overflow ? nil : sum
}

/// `a / b` kept a real division: LLVM turns a division by a constant, and an overflow check by division, into a
/// 128-bit multiply, which wasm32 lacks (compiler-rt is not linked).
@inline(never) @_optimize(none)
func divide(_ a: UInt64, _ b: UInt64) -> UInt64 { a / b }
