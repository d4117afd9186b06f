import Beacon
import Scenarios

/// Which transfers a run measures and how long it may run on after its last arrival slot (`measurement.*`).
///
/// Arrivals happen in slots `0 ..< arrivalSlots`. Those of the first `warmUpSlots` slots are not measured; the
/// transfers submitted in slots `warmUpSlots ..< arrivalSlots` are. After the last arrival slot the run goes on
/// without arrivals, one slot at a time, until nothing is in flight or `drainSlots` more slots have run. Comparing
/// models on the measured transfers, with a drain long enough, puts every model on the same transfers: each is
/// delivered, failed, or counted as censored (still unfinished when the drain cap ended the run).
package struct MeasurementWindow: Sendable, Equatable {
    /// Slots whose arrivals are not measured.
    package var warmUpSlots: UInt64
    /// Slots with arrivals (the scenario's `slots` or `duration`).
    package var arrivalSlots: UInt64
    /// Most slots the run goes on after the last arrival slot while anything is in flight.
    package var drainSlots: UInt64

    /// The window of `scenario` (validation keeps both delays inside 64 bits and the warm-up below the run).
    package init(_ scenario: Scenario) {
        arrivalSlots = scenario.slotCount
        warmUpSlots = min(scenario.warmUpSlots ?? 0, arrivalSlots)
        drainSlots = scenario.drainSlots ?? 0
    }

    /// The most slots the run can last: the arrival slots and the whole drain.
    package var maximumSlots: UInt64 { arrivalSlots + drainSlots }

    /// Slots whose arrivals are measured.
    package var measuredSlots: UInt64 { arrivalSlots - warmUpSlots }

    /// When measured arrivals start: the start of the first slot after the warm-up.
    func measuredFrom(_ clock: SlotClock) -> SimTime { clock.start(of: Slot(warmUpSlots)) }

    /// When arrivals stop: the start of the first drain slot.
    func arrivalsEnd(_ clock: SlotClock) -> SimTime { clock.start(of: Slot(arrivalSlots)) }

    /// Whether a transaction submitted at `time` is measured.
    func isMeasured(_ time: SimTime, clock: SlotClock) -> Bool {
        time >= measuredFrom(clock) && time < arrivalsEnd(clock)
    }
}
