/// A delay counted in beacon-chain slots or epochs, written `3 slots`, `1 slot`, `2 epochs` or `1 epoch`.
///
/// The unit is kept as written so that a delay of `2 epochs` follows `beacon.slotsPerEpoch` when a sweep changes
/// it; ``slots(slotsPerEpoch:)`` converts.
package enum SlotDelay: Hashable, Sendable, CustomStringConvertible {
    /// A number of slots.
    case slots(UInt64)
    /// A number of epochs.
    case epochs(UInt64)

    /// The delay in slots, given the epoch length; `nil` if the product overflows.
    package func slots(slotsPerEpoch: Int) -> UInt64? {
        switch self {
        case .slots(let count):
            return count
        case .epochs(let count):
            let (product, overflow) = count.multipliedReportingOverflow(by: UInt64(max(slotsPerEpoch, 0)))
            return overflow ? nil : product
        }
    }

    /// The number of slots or epochs, whichever the unit is.
    package var count: UInt64 {
        switch self {
        case .slots(let count), .epochs(let count): count
        }
    }

    /// The canonical spelling, e.g. `2 epochs`.
    package var description: String { canonicalText }
}

extension SlotDelay: ScenarioScalar {
    static var expectation: String { "a delay in slots or epochs (e.g. 3 slots, 2 epochs)" }

    static func parse(_ text: String) -> Result<SlotDelay, ValueProblem> {
        let quantity = QuantityText(text)
        if quantity.isNegative { return .failure(.negative("a non-negative delay (e.g. 3 slots)")) }
        guard let literal = quantity.literal else { return .failure(ValueProblem(expected: expectation)) }
        let make: (UInt64) -> SlotDelay
        switch quantity.unit {
        case "slot", "slots": make = SlotDelay.slots
        case "epoch", "epochs": make = SlotDelay.epochs
        default: return .failure(.unit(quantity, expected: expectation, units: "slots or epochs, e.g. 3 slots"))
        }
        return literal.converted(numerator: 1)
            .value(inexact: "a whole number of slots or epochs", tooLarge: "a delay below 2⁶⁴ slots")
            .map(make)
    }

    var canonicalText: String {
        switch self {
        case .slots(let count): count == 1 ? "1 slot" : "\(count) slots"
        case .epochs(let count): count == 1 ? "1 epoch" : "\(count) epochs"
        }
    }
}
