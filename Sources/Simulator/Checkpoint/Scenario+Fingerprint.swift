import Scenarios
import Shard

extension Scenario {
    /// The Keccak-256 of the resolved scenario's canonical YAML, in hex: equal for two scenario files that differ
    /// only in comments, layout or defaults spelled out, different as soon as one field differs. Checkpoints record
    /// it, so a resume of a folder whose `scenario.yaml` was edited is refused instead of continuing as a hybrid.
    package var fingerprint: String {
        Keccak256.hash(Array(canonicalYAML.utf8)).map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
        }.joined()
    }
}
