import Beacon
import Foundation
import RunFormat
import Scenarios
import Testing

@testable import Simulator

/// Two-phase commit's locks are real: a transaction that writes a locked account waits or aborts by wait-die
/// (older waits, younger dies, nobody waits past the timeout), a prepared sender stays locked until its transfer
/// commits, contention raises the abort and wait rates, and aborts conserve ETH to the gwei.
@Suite struct TwoPhaseLockTests {
    /// A send of `amount` from `from` on shard 0 to `to` on shard 1 (or within shard 0 when `onShard`).
    private func transaction(id: UInt64, from: UInt32, to: UInt32 = 9, onShard: Bool = false) -> UserTransaction {
        UserTransaction(
            id: id, sourceShard: ShardID(0), ee: EEID(0), from: from, destinationShard: ShardID(onShard ? 0 : 1),
            destinationEE: EEID(0), to: to, amount: Gwei(5), created: SimTime(micros: id * 1_000))
    }

    @Test("Wait-die: an older requester waits, a younger one dies, and a wait ends in a timeout after the timeout")
    func conflictRule() {
        #expect(LockConflictRule.verdict(requester: 4, holder: 9, waitingSince: nil, now: 5, timeout: 2) == .wait)
        #expect(LockConflictRule.verdict(requester: 4, holder: 9, waitingSince: 5, now: 6, timeout: 2) == .wait)
        #expect(LockConflictRule.verdict(requester: 4, holder: 9, waitingSince: 5, now: 7, timeout: 2) == .timeout)
        #expect(LockConflictRule.verdict(requester: 12, holder: 9, waitingSince: nil, now: 5, timeout: 2) == .die)
        // A timeout of 0 slots: conflicts never wait.
        #expect(LockConflictRule.verdict(requester: 4, holder: 9, waitingSince: nil, now: 5, timeout: 0) == .timeout)
    }

    @Test("The lock table keeps one holder per account, sorted, and releases only the holder's own lock")
    func lockTable() {
        var locks = AccountLocks()
        locks.lock(ee: EEID(1), account: 2, by: 30)
        locks.lock(ee: EEID(0), account: 7, by: 10)
        locks.lock(ee: EEID(0), account: 3, by: 20)
        #expect(locks.entries.map(\.holder) == [20, 10, 30])
        #expect(locks.holder(ee: EEID(0), account: 7) == 10 && locks.holder(ee: EEID(1), account: 7) == nil)
        locks.unlock(ee: EEID(0), account: 7, heldBy: 99)
        #expect(locks.holder(ee: EEID(0), account: 7) == 10)
        locks.unlock(ee: EEID(0), account: 7, heldBy: 10)
        #expect(locks.holder(ee: EEID(0), account: 7) == nil && locks.count == 2)
    }

    @Test("A block screens its mempool against the locks: younger conflicting transactions die, older ones wait")
    func screenHandBuilt() {
        var locks = AccountLocks()
        locks.lock(ee: EEID(0), account: 3, by: 10)  // transfer 10 prepared a send from account 3
        var screen = LockScreen(locks: locks, slot: Slot(6), timeoutSlots: 2)
        let older = transaction(id: 7, from: 3)  // submitted before the holder: waits
        let younger = transaction(id: 12, from: 3)  // submitted after: dies
        let toLocked = transaction(id: 13, from: 5, to: 3, onShard: true)  // writes the locked account: dies
        let free = transaction(id: 14, from: 4)
        let sameSender = transaction(id: 15, from: 4)  // after 14's send in this block: dies
        let olderAdmitted = screen.admit(older)
        #expect(!olderAdmitted)
        let youngerAdmitted = screen.admit(younger)
        #expect(!youngerAdmitted)
        let toLockedAdmitted = screen.admit(toLocked)
        #expect(!toLockedAdmitted)
        let freeAdmitted = screen.admit(free)
        #expect(freeAdmitted)
        screen.took(free)
        let sameSenderAdmitted = screen.admit(sameSender)
        #expect(!sameSenderAdmitted)
        #expect(screen.waiting == [7])
        #expect(screen.aborted.map(\.transaction.id) == [12, 13, 15])
        #expect(screen.aborted.allSatisfy { $0.reason == .lockConflict })
        var mempool = [older, younger, toLocked, free, sameSender]
        screen.apply(to: &mempool)
        #expect(mempool.map(\.id) == [7, 14])
        #expect(mempool[0].lockWaitingSince == Slot(6) && mempool[1].lockWaitingSince == nil)

        // Two slots later the holder still has the account: the waiting transaction times out.
        var later = LockScreen(locks: locks, slot: Slot(8), timeoutSlots: 2)
        let timedOutAdmitted = later.admit(mempool[0])
        #expect(!timedOutAdmitted)
        #expect(later.aborted.map(\.reason) == [.lockTimeout])
        // Once the holder released it, the account is free for it.
        var released = locks
        released.unlock(ee: EEID(0), account: 3, heldBy: 10)
        var free2 = LockScreen(locks: released, slot: Slot(7), timeoutSlots: 2)
        let releasedAdmitted = free2.admit(mempool[0])
        #expect(releasedAdmitted)
    }

    private func scenario(accounts: Int, slots: Int = 10, zipf: String = "1", timeout: String = "2 slots") throws
        -> Scenario
    {
        try SimulationFixtures.scenario(
            shards: 2, slots: slots, accounts: accounts, transactionsPerSlot: 6, crossShard: "100%",
            zipfExponent: zipf, extra: "crossShard: {model: two-phase, lockTimeout: \(timeout)}")
    }

    private func summary(_ folder: URL) throws -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: try SimulationFixtures.rows(folder, "summary.csv").map {
                ($0["metric"]!, $0["value"]!)
            })
    }

    @Test("A prepared sender stays locked until its transfer commits, and a committed recipient until it is credited")
    func locksHoldInTheRun() throws {
        let folder = try SimulationFixtures.run(try scenario(accounts: 8), threads: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transfers = try SimulationFixtures.rows(folder, "transfers.csv")
        let delivered = transfers.filter { $0["outcome"] == "delivered" }
        #expect(delivered.count >= 5)
        for transfer in delivered {
            let included = UInt64(transfer["included_slot"]!)!
            let credited = UInt64(transfer["delivered_slot"]!)!
            // The commit vote is at the end of slot credited − 1: until then no other transaction from the sender's
            // account is included; in the crediting slot none from the recipient's.
            let fromSender = transfers.filter {
                $0["transfer_id"] != transfer["transfer_id"] && $0["source_shard"] == transfer["source_shard"]
                    && $0["source_account"] == transfer["source_account"] && $0["included_slot"] != ""
            }
            #expect(
                !fromSender.contains { (included + 1..<credited).contains(UInt64($0["included_slot"]!)!) },
                "transfer \(transfer["transfer_id"]!) left its sender unlocked")
            let fromRecipient = transfers.filter {
                $0["source_shard"] == transfer["destination_shard"]
                    && $0["source_account"] == transfer["destination_account"]
            }
            #expect(!fromRecipient.contains { $0["included_slot"] == "\(credited)" })
        }
        // Every abort is in transfers.csv with its reason, and the summary splits them the same way.
        let values = try summary(folder)
        for reason in AbortReason.allCases {
            let rows = transfers.filter { $0["outcome"] == "aborted_\(reason.rawValue)" }.count
            #expect(values["two_phase_aborted_\(reason.rawValue)"] == "\(rows)")
        }
    }

    @Test("Contention raises the abort and wait rates: the same workload over 6 accounts per shard and over 400")
    func contentionRaisesRates() throws {
        let hot = try SimulationFixtures.run(try scenario(accounts: 6), threads: 2)
        let cold = try SimulationFixtures.run(try scenario(accounts: 400, zipf: "0"), threads: 2)
        defer {
            try? FileManager.default.removeItem(at: hot)
            try? FileManager.default.removeItem(at: cold)
        }
        let h = try summary(hot)
        let c = try summary(cold)
        let hotAbort = Double(h["two_phase_abort_rate"]!)!
        let coldAbort = Double(c["two_phase_abort_rate"]!)!
        #expect(hotAbort > coldAbort + 0.2, "abort rate \(hotAbort) (6 accounts) vs \(coldAbort) (400)")
        #expect(Double(h["lock_wait_rate"]!)! > Double(c["lock_wait_rate"]!)!)
        #expect(h["eth_conserved"] == "1" && c["eth_conserved"] == "1")
    }

    @Test("Aborts after prepare are refunded in wasm and ETH is conserved to the gwei in every slot")
    func conservationUnderAborts() throws {
        // Two slots of timeout and hot accounts: transfers abort at the vote, after their sender was debited. The
        // run checks conservation after every slot and throws if it fails.
        let folder = try SimulationFixtures.run(try scenario(accounts: 6, slots: 12), threads: 2)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transfers = try SimulationFixtures.rows(folder, "transfers.csv")
        let refunded = transfers.filter { $0["outcome"]!.hasPrefix("aborted_") && $0["included_slot"] != "" }
        #expect(!refunded.isEmpty, "the scenario must abort prepared transfers for the test to mean anything")
        let inflight = try SimulationFixtures.rows(folder, "inflight.csv")
        let slots = try SimulationFixtures.rows(folder, "slots.csv")
        let genesis: UInt64 = 2 * 2400 * 1_000_000_000
        for row in inflight {
            let balances = slots.filter { $0["slot"] == row["slot"] }.reduce(UInt64(0)) {
                $0 + UInt64($1["ee_balance_gwei"]!)!
            }
            #expect(balances + UInt64(row["eth_in_flight_gwei"]!)! == genesis, "slot \(row["slot"]!)")
        }
        #expect(try summary(folder)["eth_conserved"] == "1")
    }
}
