import Beacon
import Shard

/// The signed transfers of one accumulator workload, among its active accounts, and what the native floor recovers:
/// the same draws for every accumulator, each signing under its own EE's keys and domain.
struct WorkloadTransfers {
    /// The transfers, in block order.
    let transactions: [TokenTransaction]
    /// The message hash and signature of every transfer, in block order: exactly what the EE recovers.
    let signatures: [(message: [UInt8], signature: [UInt8])]

    /// Draws the amounts of `workload`'s transfers from `stream` and signs each with `sign`, which returns the signed
    /// transfer and the hash its signature covers. Senders and recipients are distinct pairs of `active` when there
    /// are two accounts per transfer; otherwise account i sends to the next one.
    init(
        _ workload: AccumulatorWorkload, active: [UInt32], stream: inout RandomStream,
        sign: (TokenTransfer) -> (signed: TokenTransfer, message: [UInt8])
    ) {
        let pairs = 2 * workload.transactions <= active.count
        var transactions: [TokenTransaction] = []
        var signatures: [(message: [UInt8], signature: [UInt8])] = []
        for i in 0..<workload.transactions {
            let from = pairs ? active[2 * i] : active[i % active.count]
            let to = pairs ? active[2 * i + 1] : active[(i + 1) % active.count]
            let (signed, message) = sign(
                TokenTransfer(from: from, to: to, amount: Gwei(stream.uniform(in: 1...1_000_000)), nonce: 0))
            transactions.append(.transfer(signed))
            signatures.append((message, signed.signature))
        }
        self.transactions = transactions
        self.signatures = signatures
    }

    /// `count` distinct account numbers below `stateAccounts`, uniformly at random, in the order drawn (rejection:
    /// `count` is far below `stateAccounts`, or every account is taken).
    static func distinctAccounts(_ count: Int, of stateAccounts: Int, stream: inout RandomStream) -> [UInt32] {
        var chosen = Set<UInt32>()
        var active: [UInt32] = []
        while active.count < count {
            let number = UInt32(stream.uniform(below: stateAccounts))
            if chosen.insert(number).inserted { active.append(number) }
        }
        return active
    }
}
