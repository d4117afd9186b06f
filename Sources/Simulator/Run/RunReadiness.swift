import Scenarios

/// What `shardsim run` would refuse in a scenario that loads: an unknown `builtin:` EE, a `.wasm` file that is not a
/// valid EE, a workload EE whose code is not one the simulator can drive, a memory limit below what an EE starts
/// with, a fee market it cannot set up. `shardsim validate` reports these too, so a valid scenario is one that runs.
package enum RunReadiness {
    /// Every distinct problem, one sentence each, checked at every sweep point (a sweep can make a valid file
    /// produce a point that cannot run).
    package static func problems(in scenario: Scenario) -> [String] {
        var problems: [String] = []
        var seen = Set<String>()  // membership only: each problem once, in the order of the first point showing it
        let points = scenario.sweepPoints()
        for point in points {
            do {
                _ = try SimulationSettings(scenario: point.scenario, seed: point.scenario.seeds.first ?? 1, threads: 1)
            } catch {
                guard seen.insert(error.description).inserted else { continue }
                let at = points.count > 1 ? " (at sweep point \(point.index): \(point.label))" : ""
                problems.append(error.description + at)
            }
        }
        return problems
    }
}
