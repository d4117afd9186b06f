import Beacon
import Testing

@testable import Simulator

/// The router holds receipts exactly as long as each model says, and never loses the ETH it holds.
@Suite struct ReceiptRouterTests {
    private func receipt(from source: UInt16 = 0, to destination: UInt16 = 1, slot: UInt64, amount: UInt64 = 5)
        -> Receipt
    {
        Receipt(
            id: Receipt.ID(sourceShard: ShardID(source), sourceSlot: Slot(slot), index: 0), sourceEE: EEID(0),
            destinationShard: ShardID(destination), destinationEE: EEID(0), amount: Gwei(amount), payload: [1, 0, 0, 0])
    }

    @Test(
        "One-slot and optimistic delivery pass receipts straight to the inboxes",
        arguments: [
            CrossShardRules.oneSlot, .optimistic(finalitySlots: 4, revertProbability: 0.5, orphanRate: 0.1),
        ])
    func passThrough(rules: CrossShardRules) {
        var router = ReceiptRouter(rules: rules)
        #expect(router.route([receipt(slot: 3)], committedIn: Slot(3)).count == 1)
        #expect(router.heldGwei == .zero)
    }

    @Test("Finality wait releases a receipt of slot s at the end of slot s + F − 1, holding its ETH until then")
    func finalityWait() {
        var router = ReceiptRouter(rules: .finalityWait(delaySlots: 3))
        #expect(router.route([receipt(slot: 2)], committedIn: Slot(2)).isEmpty)
        for slot in 2..<4 as Range<UInt64> {
            #expect(
                router.release(after: Slot(slot), vote: { _ in .commit }, refundPayload: { _ in [] }).deliver.isEmpty)
            #expect(router.heldGwei == Gwei(5))
        }
        #expect(router.release(after: Slot(4), vote: { _ in .commit }, refundPayload: { _ in [] }).deliver.count == 1)
        #expect(router.heldGwei == .zero)
    }

    @Test("Two-phase commit aborts without the destination's vote and refunds the source, amount for amount")
    func twoPhaseAbort() {
        var router = ReceiptRouter(rules: .twoPhase(lockTimeoutSlots: 2))
        #expect(router.route([receipt(slot: 2, amount: 9)], committedIn: Slot(2)).isEmpty)
        #expect(
            router.release(after: Slot(2), vote: { _ in .abort(.noVote) }, refundPayload: { _ in [] }).deliver.isEmpty)
        let release = router.release(
            after: Slot(3), vote: { _ in .abort(.noVote) }, refundPayload: { _ in [7, 0, 0, 0] })
        #expect(release.refunds.count == 1)
        let refund = release.deliver[0]
        #expect(refund.destinationShard == ShardID(0) && refund.id.sourceShard == ShardID(1))
        #expect(refund.amount == Gwei(9) && refund.payload == [7, 0, 0, 0] && refund.id.index >= 0x8000_0000)
        #expect(router.heldGwei == .zero)
    }

    @Test("A two-phase vote that waits keeps the receipt locked for the next slot and remembers when it began waiting")
    func twoPhaseWait() {
        var router = ReceiptRouter(rules: .twoPhase(lockTimeoutSlots: 2))
        _ = router.route([receipt(slot: 2, amount: 9)], committedIn: Slot(2))
        let first = router.release(after: Slot(3), vote: { _ in .wait }, refundPayload: { _ in [] })
        #expect(first.deliver.isEmpty && first.waiting.count == 1 && router.heldGwei == Gwei(9))
        #expect(router.held.first?.waitingSince == Slot(3) && router.held.first?.releaseAfter == Slot(4))
        let second = router.release(
            after: Slot(4),
            vote: { held in
                held.waitingSince == Slot(3) ? .commit : .wait
            }, refundPayload: { _ in [] })
        #expect(second.deliver.count == 1 && router.heldGwei == .zero)
    }

    @Test("Nearest-rank percentiles")
    func percentiles() {
        let p = LatencyPercentiles((1...100).map(Double.init))
        #expect(p.p50 == 50 && p.p95 == 95 && p.p99 == 99 && p.mean == 50.5)
        #expect(LatencyPercentiles([]).p50 == nil)
    }
}
