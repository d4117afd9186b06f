import Foundation
import Testing

@testable import Beacon

/// The beacon chain's primitives are stored as their plain values (checkpoints read like the outputs), and a stored
/// value that stands for no primitive fails to decode, naming it.
@Suite struct PrimitiveCodingTests {
    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode([value]), as: UTF8.self)
    }

    static func decoded<Value: Decodable>(_ type: Value.Type, _ json: String) throws -> Value? {
        try JSONDecoder().decode([Value].self, from: Data(json.utf8)).first
    }

    @Test("Each primitive is stored as its integer or its hex, and decodes back to itself")
    func plainValues() throws {
        #expect(try Self.json(ShardID(7)) == "[7]")
        #expect(try Self.json(EEID(3)) == "[3]")
        #expect(try Self.json(Gwei(1_000_000_007)) == "[1000000007]")
        #expect(try Self.json(Slot(42)) == "[42]")
        #expect(try Self.json(SimTime(micros: 12_000_000)) == "[12000000]")
        #expect(try Self.json(ValidatorIndex(9)) == "[9]")
        let root = try #require(Root(bytes: Array(repeating: 0xab, count: 32)))
        #expect(try Self.json(root) == "[\"0x" + String(repeating: "ab", count: 32) + "\"]")

        #expect(try Self.decoded(ShardID.self, "[7]") == ShardID(7))
        #expect(try Self.decoded(EEID.self, "[3]") == EEID(3))
        #expect(try Self.decoded(Gwei.self, "[1000000007]") == Gwei(1_000_000_007))
        #expect(try Self.decoded(Slot.self, "[42]") == Slot(42))
        #expect(try Self.decoded(SimTime.self, "[12000000]") == SimTime(micros: 12_000_000))
        #expect(try Self.decoded(ValidatorIndex.self, "[9]") == ValidatorIndex(9))
        #expect(try Self.decoded(Root.self, try Self.json(root)) == root)
    }

    @Test("A stored root that is not 32 bytes of hex does not decode", arguments: ["[\"0x12\"]", "[\"zz\"]"])
    func badRoot(_ json: String) {
        #expect(throws: DecodingError.self) { try Self.decoded(Root.self, json) }
    }

    @Test("An id out of its integer's range does not decode")
    func outOfRange() {
        #expect(throws: DecodingError.self) { try Self.decoded(ShardID.self, "[70000]") }
    }
}
