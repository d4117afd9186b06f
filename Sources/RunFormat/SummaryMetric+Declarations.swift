/// Every metric of `summary.csv`, in file order.
extension SummaryMetric {
    package static let slots = SummaryMetric("slots", "slots", "slots simulated")
    package static let shards = SummaryMetric("shards", "shards", "shards in the run")
    package static let simulatedTime = SummaryMetric(
        "simulated_time", "s", "simulated time covered: slots × beacon.slotDuration")
    package static let blocks = SummaryMetric(
        "blocks", "blocks",
        "shard blocks produced (one per shard per slot whose proposer was online; with a network, orphaned blocks "
            + "are not counted); a block whose execution failed counts")
    package static let missedSlots = SummaryMetric(
        "missed_slots", "shard-slots", "shard-slots without a block because the proposer was offline")
    package static let transactionsSubmitted = SummaryMetric(
        "transactions_submitted", "transactions", "user transactions the workload submitted, every shard and EE")
    package static let transactionsIncluded = SummaryMetric(
        "transactions_included", "transactions", "user transactions included in produced blocks")
    package static let transactionsApplied = SummaryMetric(
        "transactions_applied", "transactions", "included user transactions their EE applied")
    package static let transactionsRejected = SummaryMetric(
        "transactions_rejected", "transactions",
        "included user transactions not applied: rejected by their EE, or lost with a failed execution "
            + "(transactions_included − transactions_applied)")
    package static let transactionsTrimmed = SummaryMetric(
        "transactions_trimmed", "transactions",
        "times a user transaction was packed by estimate, then taken out because the block's measured gas exceeded "
            + "its limit (back to the mempool; a transaction trimmed twice counts twice)")
    package static let throughput = SummaryMetric(
        "throughput", "transactions/s", "transactions_applied ÷ simulated_time")
    package static let crossShardSubmitted = SummaryMetric(
        "cross_shard_submitted", "transfers",
        "submitted transfers that move ETH by a receipt (to another shard, another EE, or both)")
    package static let crossShardDelivered = SummaryMetric(
        "cross_shard_delivered", "transfers", "of those, the ones credited to their recipient by the run's end")
    package static let latencySubmissionToDeliveryMeanSeconds = SummaryMetric(
        "cross_shard_latency_submission_to_delivery_mean_s", "s",
        "the headline latency: mean over delivered transfers of transfers.csv's latency_submission_to_delivery_s "
            + "(from the user's submission to the crediting block); empty when none was delivered")
    package static let latencySubmissionToDeliveryMeanSlots = SummaryMetric(
        "cross_shard_latency_submission_to_delivery_mean_slots", "slots",
        "mean of latency_submission_to_delivery_slots (crediting slot minus the slot of submission)")
    package static let latencyInclusionToDeliveryMeanSeconds = SummaryMetric(
        "cross_shard_latency_inclusion_to_delivery_mean_s", "s",
        "mean of latency_inclusion_to_delivery_s (from the source block to the crediting block)")
    package static let latencyInclusionToDeliveryMeanSlots = SummaryMetric(
        "cross_shard_latency_inclusion_to_delivery_mean_slots", "slots",
        "mean of latency_inclusion_to_delivery_slots: the cross-shard model's own delay")
    package static let gasUsed = SummaryMetric(
        "gas_used", "gas",
        "gas of the workload EEs' executions in produced blocks (wasm fuel plus host-call charges; slots.csv's "
            + "gas_used summed)")
    package static let gasPerBlock = SummaryMetric("gas_per_block", "gas", "gas_used ÷ blocks")
    package static let witnessBytes = SummaryMetric(
        "witness_bytes", "bytes", "multiproof bytes in produced blocks (slots.csv's witness_bytes summed)")
    package static let witnessBytesPerTransaction = SummaryMetric(
        "witness_bytes_per_transaction", "bytes", "witness_bytes ÷ transactions_included")
    package static let blockBytes = SummaryMetric(
        "block_bytes", "bytes",
        "block data given to the workload EEs, witnesses included (slots.csv's block_bytes summed)")
    package static let feesBurned = SummaryMetric(
        "fees_burned", "gwei",
        "base fees burned by the fee-market EE, and receipt fees burned where receipts were processed (0 without a "
            + "fee market)")
    package static let feesPaidToProposers = SummaryMetric(
        "fees_paid_to_proposers", "gwei",
        "priority fees the fee-market EE paid to proposers, and receipt-fee tips paid to the proposers that "
            + "processed receipts (0 without a fee market)")
    package static let transactionsExpired = SummaryMetric(
        "transactions_expired", "transactions",
        "user transactions dropped unincluded after waiting fees.transactionTimeout (0 without a fee market)")
    package static let crossShardAborted = SummaryMetric(
        "cross_shard_aborted", "transfers",
        "two-phase: transfers aborted for any reason (refunded to their sender, or aborted by a lock before "
            + "inclusion, never debited)")
    package static let blocksReverted = SummaryMetric(
        "blocks_reverted", "blocks", "optimistic: blocks orphaned or reverted at finality")
    package static let rollbacks = SummaryMetric(
        "rollbacks", "rollbacks",
        "optimistic: end-of-slot reverts that forced a replay (the blocks of one slot revert together); rows of "
            + "rollbacks.csv")
    package static let blocksReexecuted = SummaryMetric(
        "blocks_reexecuted", "blocks", "optimistic: blocks executed again in wasm because a revert changed their inputs"
    )
    package static let discardedGas = SummaryMetric(
        "discarded_gas", "gas",
        "optimistic: gas of the block versions rollbacks threw away; gas executed in total is gas_used plus this")
    package static let discardedWitnessBytes = SummaryMetric(
        "discarded_witness_bytes", "bytes", "optimistic: witness bytes of the block versions thrown away")
    package static let deliveriesRolledBack = SummaryMetric(
        "deliveries_rolled_back", "transfers", "optimistic: deliveries credited, then undone by a rollback")
    package static let maxCascadeDepth = SummaryMetric(
        "max_cascade_depth", "hops",
        "optimistic: the deepest rollback cascade (0: only the reverted shards; n: receipts carried it n hops)")
    package static let ethConserved = SummaryMetric(
        "eth_conserved", "0/1",
        "1: total ETH (EE balances, receipts in flight with their prepaid fees, fees burned and paid) was checked "
            + "after every slot and held; "
            + "a violation stops the run with an error instead")

    private static let underTwoPhase = "under the two-phase model"
    /// Rates under two-phase commit are over the transfers it ended: delivered or aborted.
    private static let ended = "ended transfers (cross_shard_delivered + cross_shard_aborted)"
    package static let twoPhaseAbortedNoVote = SummaryMetric(
        "two_phase_aborted_no_vote", "transfers", "aborted because the destination produced no block to vote with",
        writtenWhen: underTwoPhase)
    package static let twoPhaseAbortedLockConflict = SummaryMetric(
        "two_phase_aborted_lock_conflict", "transfers",
        "aborted by wait-die: a younger transfer met a lock held by an older one", writtenWhen: underTwoPhase)
    package static let twoPhaseAbortedLockTimeout = SummaryMetric(
        "two_phase_aborted_lock_timeout", "transfers",
        "aborted after waiting crossShard.lockTimeout slots for a locked account; the three abort counts add up to "
            + "cross_shard_aborted", writtenWhen: underTwoPhase)
    package static let twoPhaseAbortRate = SummaryMetric(
        "two_phase_abort_rate", "fraction of ended transfers", "cross_shard_aborted ÷ " + ended,
        writtenWhen: underTwoPhase)
    package static let lockMet = SummaryMetric(
        "lock_met", "transfers", "ended transfers that met a lock at least once: they waited, or a lock aborted them",
        writtenWhen: underTwoPhase)
    package static let lockMetRate = SummaryMetric(
        "lock_met_rate", "fraction of ended transfers", "lock_met ÷ " + ended, writtenWhen: underTwoPhase)
    package static let lockWaited = SummaryMetric(
        "lock_waited", "transfers", "ended transfers that a lock held back for at least one block",
        writtenWhen: underTwoPhase)
    package static let lockWaitRate = SummaryMetric(
        "lock_wait_rate", "fraction of ended transfers", "lock_waited ÷ " + ended, writtenWhen: underTwoPhase)
    package static let lockWaitSlotsMean = SummaryMetric(
        "lock_wait_slots_mean", "slots per ended transfer",
        "blocks that held back ended transfers (at the source or at the vote), summed, ÷ " + ended,
        writtenWhen: underTwoPhase)
    package static let onShardLockWaits = SummaryMetric(
        "on_shard_lock_waits", "transaction-slots",
        "blocks that held back an on-shard transaction because an account it writes was locked, summed over them",
        writtenWhen: underTwoPhase)
    package static let onShardLockAborted = SummaryMetric(
        "on_shard_lock_aborted", "transactions", "on-shard transactions aborted by the conflict rule",
        writtenWhen: underTwoPhase)
    package static let blocksOrphaned = SummaryMetric(
        "blocks_orphaned", "blocks",
        "blocks orphaned at finality by crossShard.orphanRate (their crosslink never became final); also in "
            + "blocks_reverted", writtenWhen: "under the optimistic model")

    private static let withNetwork = "with a network: section"
    package static let orphanedBlocks = SummaryMetric(
        "orphaned_blocks", "blocks",
        "blocks discarded because fewer than 2/3 of their committee had them by the attestation deadline",
        writtenWhen: withNetwork)
    package static let orphanRate = SummaryMetric(
        "orphan_rate", "fraction of published blocks", "orphaned_blocks ÷ (blocks + orphaned_blocks)",
        writtenWhen: withNetwork)
    package static let propagationTwoThirdsMean = SummaryMetric(
        "propagation_two_thirds_mean", "s",
        "mean time from a block's publication until 2/3 of its committee had it, over blocks that got there",
        writtenWhen: withNetwork)
    package static let publishedBlockBytesMean = SummaryMetric(
        "published_block_bytes_mean", "bytes", "mean bytes of the blocks published (crosslinked, orphaned or failed)",
        writtenWhen: withNetwork)
    package static let networkMessages = SummaryMetric(
        "network_messages", "messages",
        "block messages the gossip delivered, shard and beacon blocks, duplicates included (the propagation's events)",
        writtenWhen: withNetwork)

    /// Every metric, in the order `summary.csv` writes them.
    package static let all: [SummaryMetric] =
        [
            slots, shards, simulatedTime, blocks, missedSlots, transactionsSubmitted, transactionsIncluded,
            transactionsApplied, transactionsRejected, transactionsTrimmed, throughput, crossShardSubmitted,
            crossShardDelivered, latencySubmissionToDeliveryMeanSeconds, latencySubmissionToDeliveryMeanSlots,
            latencyInclusionToDeliveryMeanSeconds, latencyInclusionToDeliveryMeanSlots, gasUsed, gasPerBlock,
            witnessBytes, witnessBytesPerTransaction, blockBytes, feesBurned, feesPaidToProposers, transactionsExpired,
        ] + receiptFees + [
            crossShardAborted, blocksReverted, rollbacks, blocksReexecuted, discardedGas, discardedWitnessBytes,
            deliveriesRolledBack, maxCascadeDepth,
        ] + measurement + [
            ethConserved, twoPhaseAbortedNoVote, twoPhaseAbortedLockConflict, twoPhaseAbortedLockTimeout,
            twoPhaseAbortRate, lockMet, lockMetRate, lockWaited, lockWaitRate, lockWaitSlotsMean, onShardLockWaits,
            onShardLockAborted, blocksOrphaned, orphanedBlocks, orphanRate, propagationTwoThirdsMean,
            publishedBlockBytesMean,
            networkMessages,
        ]
}
