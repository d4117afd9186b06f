/// Maps simulated time to slots and epochs: slot `n` starts at `n × slotDuration` after genesis.
package struct SlotClock: Hashable, Sendable {
    /// The length of one slot (12 s by default).
    package let slotDuration: SimDuration
    /// Slots per epoch (32 by default).
    package let slotsPerEpoch: UInt64

    /// Creates a clock; both the slot duration and the epoch length must be positive.
    package init(slotDuration: SimDuration = .seconds(12), slotsPerEpoch: UInt64 = 32) {
        precondition(slotDuration.micros > 0 && slotsPerEpoch > 0, "a slot clock needs positive lengths")
        self.slotDuration = slotDuration
        self.slotsPerEpoch = slotsPerEpoch
    }

    /// The time at which `slot` starts.
    package func start(of slot: Slot) -> SimTime { SimTime(micros: slot.number * slotDuration.micros) }

    /// The slot in progress at `time`.
    package func slot(at time: SimTime) -> Slot { Slot(time.micros / slotDuration.micros) }

    /// The epoch that contains `slot`.
    package func epoch(of slot: Slot) -> Epoch { Epoch(slot.number / slotsPerEpoch) }

    /// The first slot of `epoch`.
    package func firstSlot(of epoch: Epoch) -> Slot { Slot(epoch.number * slotsPerEpoch) }
}
