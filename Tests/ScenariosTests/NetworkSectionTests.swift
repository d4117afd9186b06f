import Testing

@testable import Scenarios

/// The opt-in `network:` section: off unless present, units with bandwidths, defaults that follow the slot, and
/// errors with file, line and field.
@Suite struct NetworkSectionTests {
    @Test("Without a network section the network is off and the resolved scenario does not mention it")
    func offByDefault() throws {
        let scenario = try Scenario.parse(yaml: "name: plain\n")
        #expect(!scenario.network.isEnabled)
        #expect(!scenario.canonicalYAML.contains("network"))
    }

    @Test("A network section is read with its units, and round-trips through the canonical rendering")
    func readsUnits() throws {
        let scenario = try Scenario.parse(
            yaml: """
                name: net
                beacon: {slotDuration: 6s}
                network:
                  committeeSize: 64
                  gossipDegree: 6
                  processingDelay: 80ms
                  upload: {min: 25 Mbit/s, max: 1 Gbit/s}
                  download: {min: 1500 kbit/s, max: 2.5 Gbit/s}
                """)
        let network = scenario.network
        #expect(network.isEnabled)
        #expect(network.committeeSize == 64 && network.gossipDegree == 6)
        #expect(network.processingDelay == TimeSpan(micros: 80_000))
        #expect(network.upload.min == Bandwidth(bitsPerSecond: 25_000_000))
        #expect(network.download.min == Bandwidth(bitsPerSecond: 1_500_000))
        #expect(network.download.max == Bandwidth(bitsPerSecond: 2_500_000_000))
        // The deadline defaults to a third of this scenario's slot.
        #expect(network.attestationDeadline == TimeSpan(micros: 2_000_000))
        #expect(try Scenario.parse(yaml: scenario.canonicalYAML) == scenario)
        #expect(scenario.canonicalYAML.contains("    min: 1500 kbit/s"))
    }

    @Test("An empty network section turns the model on with its defaults")
    func emptySection() throws {
        let scenario = try Scenario.parse(yaml: "name: net\nnetwork: {}\n")
        #expect(scenario.network.isEnabled)
        #expect(scenario.network.committeeSize == 128)
        #expect(scenario.network.attestationDeadline == TimeSpan(micros: 4_000_000))
    }

    @Test(
        "Bad network values are errors naming file, line and field",
        arguments: [
            (
                "network:\n  upload: {min: 25 MB/s}\n",
                "net.yaml:3:17: network.upload.min: expected a bandwidth with a unit (bit/s, kbit/s, Mbit/s or "
                    + "Gbit/s), found '25 MB/s'"
            ),
            (
                "network:\n  committeeSize: 1\n",
                "net.yaml:3:18: network.committeeSize: expected an integer from 2 to 4096"
            ),
            (
                "network:\n  committeeSize: 8\n  gossipDegree: 8\n",
                "net.yaml:4:17: network.gossipDegree: expected a degree below network.committeeSize (8), found '8'"
            ),
            (
                "network:\n  attestationDeadline: 13s\n",
                "net.yaml:3:24: network.attestationDeadline: expected a time within the slot (beacon.slotDuration is "
                    + "12s), found '13s'"
            ),
            ("network:\n  latency: 80ms\n", "net.yaml:3:3: network.latency: unknown key"),
        ])
    func errors(yaml: String, message: String) {
        do {
            _ = try Scenario.parse(yaml: "name: net\n" + yaml, file: "net.yaml")
            Issue.record("accepted")
        } catch {
            #expect(error.description.contains(message), "\(error.description)")
        }
    }

    @Test("Sweeping a network field needs a network section")
    func sweepNeedsSection() {
        #expect(throws: ScenarioErrors.self) {
            try Scenario.parse(yaml: "name: net\nsweep:\n  network.gossipDegree: [4, 8]\n")
        }
    }
}
