import Beacon
import Shard

/// Why a run could not start or had to stop: what kind of problem, where (shard, slot, EE, file — whichever apply),
/// and ``description``, the one place that turns them into the sentence shown to the user. Match on ``kind`` and
/// ``location`` rather than on the text.
package struct SimulationError: Error, CustomStringConvertible, Sendable {
    /// The kind of problem.
    package enum Kind: Sendable, Equatable {
        /// The scenario cannot be run as written (an EE that does not load or is not a workload EE, a limit).
        case scenario
        /// An EE's wasm and its native reference computed different state roots.
        case rootMismatch
        /// An EE's wasm and its native reference disagree on success, results, transfers, claims or ETH moved.
        case resultMismatch
        /// ETH is not conserved: balances, receipts in flight and fees do not add up to genesis.
        case conservation
        /// A file of the run folder cannot be written or read.
        case output
        /// A checkpoint cannot be read, or does not belong to this run.
        case checkpoint
        /// Anything else; the description says what.
        case other
    }

    /// Where the problem is; `nil` fields do not apply.
    package struct Location: Sendable, Equatable {
        package var shard: ShardID?
        package var slot: Slot?
        /// The EE's name in the scenario.
        package var ee: String?
        /// A file.
        package var path: String?

        package init(shard: ShardID? = nil, slot: Slot? = nil, ee: String? = nil, path: String? = nil) {
            self.shard = shard
            self.slot = slot
            self.ee = ee
            self.path = path
        }
    }

    package let kind: Kind
    package let location: Location
    /// The sentence shown to the user.
    package let description: String

    /// A problem of `kind` at `location`, said by `description`.
    package init(_ kind: Kind, at location: Location = Location(), _ description: String) {
        self.kind = kind
        self.location = location
        self.description = description
    }

    /// A problem said only in words (``Kind/other``).
    package init(description: String) {
        self.init(.other, description)
    }

    static func eeDidNotLoad(name: String, reason: String) -> SimulationError {
        SimulationError(.scenario, at: Location(ee: name), "EE '\(name)' could not be loaded: \(reason)")
    }

    static func memoryLimitTooSmall(name: String, needed: UInt64, limit: UInt64) -> SimulationError {
        SimulationError(
            .scenario, at: Location(ee: name),
            "EE '\(name)' starts with \(needed / 1024) KiB of memory, more than execution.memoryLimit "
                + "(\(limit / 1024) KiB): raise execution.memoryLimit to at least \(needed / 1024) KiB")
    }

    static func noWorkloadEE(name: String) -> SimulationError {
        SimulationError(
            .scenario, at: Location(ee: name), "workload.ee names '\(name)', which is not in the scenario's ees")
    }

    static func notAWorkloadEE(name: String, known: [String]) -> SimulationError {
        let expected = known.sorted().map { "builtin:\($0)" }.joined(separator: " or ")
        return SimulationError(
            .scenario, at: Location(ee: name),
            "workload.ee names '\(name)', whose code is not a workload EE: expected \(expected)")
    }

    static func rootMismatch(shard: ShardID, slot: Slot, ee: String, wasm: Root, native: Root) -> SimulationError {
        SimulationError(
            .rootMismatch, at: Location(shard: shard, slot: slot, ee: ee),
            """
            state root mismatch on shard \(shard.index), slot \(slot.number), EE '\(ee)': \
            the EE computed \(wasm.hex), the state provider \(native.hex)
            """)
    }

    static func resultMismatch(shard: ShardID, slot: Slot, ee: String, detail: String) -> SimulationError {
        SimulationError(
            .resultMismatch, at: Location(shard: shard, slot: slot, ee: ee),
            "EE '\(ee)' and its state provider disagree on shard \(shard.index), slot \(slot.number): \(detail)")
    }

    /// ETH does not add up after `slot`: in total, or (with `shard` and `ee`) between an EE's accounts and its
    /// balance on a shard.
    static func conservationViolated(
        slot: Slot, expected: Gwei, actual: Gwei, shard: ShardID? = nil, ee: String? = nil
    ) -> SimulationError {
        let difference = Int64(bitPattern: actual.value &- expected.value)
        let scope = shard.map { shard in " on shard \(shard.index)" + (ee.map { ", EE '\($0)'" } ?? "") } ?? " in total"
        return SimulationError(
            .conservation, at: Location(shard: shard, slot: slot, ee: ee),
            """
            ETH conservation violated after slot \(slot.number)\(scope): expected \(expected.value) gwei, \
            found \(actual.value) gwei (difference \(difference) gwei)
            """)
    }

    static func output(_ path: String, _ reason: String) -> SimulationError {
        SimulationError(.output, at: Location(path: path), "cannot write '\(path)': \(reason)")
    }

    static func checkpoint(_ path: String, _ reason: String) -> SimulationError {
        SimulationError(.checkpoint, at: Location(path: path), "\(path): \(reason)")
    }
}

extension SimulationError {
    /// An EE's wasm and its native reference disagreeing on `shard`'s block of `slot`.
    init(_ disagreement: EEDisagreement, shard: ShardID, slot: Slot, ee: String) {
        switch disagreement {
        case .root(let wasm, let native):
            self = .rootMismatch(shard: shard, slot: slot, ee: ee, wasm: wasm, native: native)
        case .result(let detail): self = .resultMismatch(shard: shard, slot: slot, ee: ee, detail: detail)
        }
    }
}
