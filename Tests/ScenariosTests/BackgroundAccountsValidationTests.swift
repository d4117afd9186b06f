import Testing

@testable import Scenarios

/// `accountsPerShard` up to 2²⁸ with `activeAccountsPerShard` making the rest background accounts: the limits are
/// enforced with the file, line, field and limit, and the field is rendered only when a file gives it.
@Suite struct BackgroundAccountsValidationTests {
    static func ees(_ fields: String) -> String {
        "slots: 1\nees:\n  - {name: token, code: 'builtin:token', \(fields)}"
    }

    /// (fields of the EE, field blamed, what the message names)
    static let rejected: [(fields: String, field: String, names: String)] = [
        ("accountsPerShard: 268435457, activeAccountsPerShard: 10", "ees[0].accountsPerShard", "268435456"),
        ("accountsPerShard: 20000000", "ees[0].accountsPerShard", "10000000 accounts when every account is active"),
        ("accountsPerShard: 100, activeAccountsPerShard: 101", "ees[0].activeAccountsPerShard", "(100)"),
        ("accountsPerShard: 100, activeAccountsPerShard: 0", "ees[0].activeAccountsPerShard", "from 1 to 10000000"),
        ("accountsPerShard: 268435456, activeAccountsPerShard: 10000001", "ees[0].activeAccountsPerShard", "10000000"),
    ]

    @Test(
        "Too many accounts, or more active than accounts, is rejected at the field's line", arguments: rejected.indices)
    func rejects(_ index: Int) {
        let example = Self.rejected[index]
        do {
            _ = try Scenario.parse(yaml: Self.ees(example.fields), file: "large.yaml")
            Issue.record("loaded \(example.fields)")
        } catch {
            let matching = error.errors.filter { $0.field == example.field }
            #expect(matching.count == 1, "\(error)")
            #expect(matching.first?.line == 3, "\(error)")
            #expect(matching.first?.expected.contains(example.names) == true, "\(error)")
            #expect(error.description.contains("large.yaml:3:"), "\(error)")
        }
    }

    @Test("2^28 accounts with a few active ones load, and the field is rendered only when given")
    func accepts() throws {
        let large = try Scenario.parse(yaml: Self.ees("accountsPerShard: 268435456, activeAccountsPerShard: 300"))
        #expect(large.ees[0].accountsPerShard == 1 << 28)
        #expect(large.ees[0].activeAccountsPerShard == 300)
        #expect(large.canonicalYAML.contains("activeAccountsPerShard: 300"))
        let plain = try Scenario.parse(yaml: Self.ees("accountsPerShard: 10000000"))
        #expect(plain.ees[0].activeAccountsPerShard == nil)
        #expect(!plain.canonicalYAML.contains("activeAccountsPerShard"))
    }
}
