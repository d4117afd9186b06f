import Testing

@testable import Scenarios

/// `--set FIELD=VALUE` overrides a field exactly as the file would set it: same parsing, same ranges, same rules
/// across fields, and errors that name the override.
@Suite struct OverridesTests {
    @Test("Overrides set fields with their units, and the run length either way")
    func applied() throws {
        let scenario = try Scenario.parse(yaml: "name: o\nslots: 10").overriding([
            "shards.count=8", "beacon.slotDuration=6s", "duration=1m", "crossShard.model=finality-wait",
        ])
        #expect(scenario.shards.count == 8)
        #expect(scenario.beacon.slotDuration == TimeSpan(seconds: 6))
        #expect(scenario.slotCount == 10)
        #expect(scenario.crossShard.model == .finalityWait)
    }

    @Test(
        "A bad override is an error naming it, what was expected and what was found",
        arguments: [
            ("shards.count=0", "shards.count", "an integer from 1 to 1024"),
            ("beacon.slotDuration=12", "beacon.slotDuration", "a duration with a unit"),
            ("shards.cout=8", "shards.cout", "a field a sweep may vary"),
            ("shards.count", "shards.count", "FIELD=VALUE"),
            ("slots=3", "slots", "a run that ends within"),
        ])
    func rejected(_ override: String, _ field: String, _ expected: String) throws {
        // slots=3 with 400000000h slots breaks a rule across fields (the run's end), checked after the overrides.
        let base = try Scenario.parse(yaml: "name: o\nbeacon: {slotDuration: 400000000h}\nslots: 1")
        do {
            _ = try base.overriding([override])
            Issue.record("\(override) was accepted")
        } catch {
            #expect(error.errors.first?.field == field, "\(error)")
            #expect(error.errors.first?.expected.contains(expected) == true, "\(error)")
            #expect(error.description.hasPrefix("--set"), "\(error)")
        }
    }
}
