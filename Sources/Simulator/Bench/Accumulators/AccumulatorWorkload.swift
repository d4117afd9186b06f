/// One workload of `shardsim bench accumulators`: a block of signed transfers touching `activeAccounts` accounts of
/// a state of `stateAccounts`, and what the 2019 prototypes published for the same workload, if anything.
package struct AccumulatorWorkload: Sendable, Hashable {
    /// The 2019 workload it follows (`A`, `B` or `C`, see ``standard(stateSizes:)``).
    package var family: String
    /// Signed transfers in the block.
    package var transactions: Int
    /// Distinct accounts the block touches (senders and recipients).
    package var activeAccounts: Int
    /// Accounts in the state (leaves of the tree).
    package var stateAccounts: Int
    /// What the 2019 reports published for this workload on their machines (empty when they did not measure it).
    package var published2019: String

    /// A workload.
    package init(family: String, transactions: Int, activeAccounts: Int, stateAccounts: Int, published2019: String) {
        self.family = family
        self.transactions = transactions
        self.activeAccounts = activeAccounts
        self.stateAccounts = stateAccounts
        self.published2019 = published2019
    }

    /// The three 2019 workloads at their own state sizes, then each again at every size of `stateSizes`:
    ///
    /// - **A** 70 signed transfers over 5,000 accounts (140 distinct accounts touched): the SMPT and turbo-token
    ///   reports;
    /// - **B** 40 accounts touched of 2²² (20 transfers between distinct accounts): the C Merkle token report;
    /// - **C** 50 transactions over 50 accounts (each account sends once to another): the sheth report.
    package static func standard(stateSizes: [Int]) -> [AccumulatorWorkload] {
        let families: [AccumulatorWorkload] = [
            AccumulatorWorkload(
                family: "A", transactions: 70, activeAccounts: 140, stateAccounts: 5_000,
                published2019:
                    "SMPT 5 s (4 s of it signatures) / 235 kB proof; turbo token 140 ms (105 ms signatures) / 50 kB proof"
            ),
            AccumulatorWorkload(
                family: "B", transactions: 20, activeAccounts: 40, stateAccounts: 1 << 22,
                published2019: "C Merkle token (binary) 20 ms without signatures / 25 kB proof"),
            AccumulatorWorkload(
                family: "C", transactions: 50, activeAccounts: 50, stateAccounts: 50,
                published2019: "sheth (sparse, SSZ) 517 kB proof"),
        ]
        var workloads: [AccumulatorWorkload] = []
        for family in families {
            workloads.append(family)
            for size in stateSizes where size != family.stateAccounts {
                var scaled = family
                scaled.stateAccounts = size
                scaled.published2019 = ""
                workloads.append(scaled)
            }
        }
        return workloads
    }

    /// A description such as `70 tx, 140 of 5,000 accounts`.
    package var label: String {
        "\(transactions) tx, \(activeAccounts) of \(BenchmarkFormatting.grouped(stateAccounts)) accounts"
    }
}
