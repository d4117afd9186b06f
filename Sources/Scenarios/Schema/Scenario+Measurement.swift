extension Scenario {
    /// Which transfers a run measures, so that runs whose models move work at different speeds compare on the same
    /// transfers: a warm-up at the start whose arrivals are not measured, and a drain at the end that keeps the run
    /// going, without new arrivals, until nothing is in flight.
    package struct Measurement: Hashable, Sendable {
        /// The first slots of the run, whose arrivals are not measured (the chain starts empty, so they meet no
        /// queue). Measured transfers are those submitted from the end of the warm-up to the end of the last
        /// arrival slot (``Scenario/slotCount``). Default 0 slots: every arrival is measured.
        package var warmUp = SlotDelay.slots(0)
        /// After the last arrival slot, how many more slots the run may last while anything is still in flight
        /// (waiting transactions, receipts in inboxes or held by the cross-shard model, revertible slots); it stops
        /// at the first slot after which nothing is. Measured transfers still unfinished then are *censored*.
        /// Default 0 slots: the run stops after the last arrival slot.
        package var drain = SlotDelay.slots(0)

        /// The defaults: no warm-up, no drain.
        package init() {}
    }
}
