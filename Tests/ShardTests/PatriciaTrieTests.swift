import Beacon
import Foundation
import Testing

@testable import Shard

/// The hexary Merkle Patricia trie and its RLP: encodings match Ethereum's published examples, roots match
/// Ethereum's published trie vectors and an independent Python implementation
/// (`Fixtures/patricia/trie_roots.py`, output `patricia-roots.json`), and a multiproof proves the same roots the trie
/// has, before and after an update.
@Suite struct PatriciaTrieTests {
    static func hex(_ string: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = string.startIndex
        while index < string.endIndex {
            let next = string.index(index, offsetBy: 2)
            bytes.append(UInt8(string[index..<next], radix: 16) ?? 0)
            index = next
        }
        return bytes
    }

    static func hexString(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    // MARK: RLP

    /// The examples of the RLP specification (Ethereum wiki, "RLP"; Yellow Paper appendix B).
    @Test(
        "RLP encodes the specification's examples",
        arguments: [
            (RLP.bytes(Array("dog".utf8)), "83646f67"),
            (RLP.list([.bytes(Array("cat".utf8)), .bytes(Array("dog".utf8))]), "c88363617483646f67"),
            (RLP.bytes([]), "80"),
            (RLP.list([]), "c0"),
            (RLP.integer(0), "80"),
            (RLP.bytes([0]), "00"),
            (RLP.integer(15), "0f"),
            (RLP.integer(1024), "820400"),
            (RLP.list([.list([]), .list([.list([])]), .list([.list([]), .list([.list([])])])]), "c7c0c1c0c3c0c1c0"),
            (
                RLP.bytes(Array("Lorem ipsum dolor sit amet, consectetur adipisicing elit".utf8)),
                "b8384c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c6974"
            ),
        ])
    func rlpExamples(item: RLP, expected: String) throws {
        #expect(Self.hexString(item.encoded) == expected)
        #expect(try RLP(decoding: item.encoded) == item)
    }

    @Test("RLP round-trips long lists and strings, and rejects what is not one canonical item")
    func rlpDecoding() throws {
        let long = RLP.list(
            (0..<40).map { .integer(UInt64($0) * 0x1_0001) } + [.bytes([UInt8](repeating: 7, count: 300))])
        #expect(try RLP(decoding: long.encoded) == long)
        // 1 + 39 · 4 bytes of scalars, then 3 + 300 of string: a 460-byte payload (0x01cc) under a long header.
        #expect(long.encoded.prefix(3) == [0xf9, 0x01, 0xcc])
        for (bad, error) in [
            ("8100", RLPError.nonCanonical(offset: 0)),  // a byte below 0x80 written as a string
            ("b80102", .nonCanonical(offset: 0)),  // a long header for a 1-byte string
            ("83646f", .truncated(offset: 0)),
            ("c883636174", .truncated(offset: 0)),
            ("8080", .trailingBytes(offset: 1)),
        ] {
            #expect(throws: error) { try RLP(decoding: Self.hex(bad)) }
        }
    }

    /// Yellow Paper appendix C, and the examples in Ethereum's Patricia trie documentation.
    @Test("Hex-prefix encodes odd and even paths for leaves and extensions, and decodes them back")
    func hexPrefix() {
        let cases: [([UInt8], Bool, String)] = [
            ([1, 2, 3, 4, 5], false, "112345"),
            ([0, 1, 2, 3, 4, 5], false, "00012345"),
            ([0, 0xf, 1, 0xc, 0xb, 8], true, "200f1cb8"),
            ([0xf, 1, 0xc, 0xb, 8], true, "3f1cb8"),
        ]
        for (path, isLeaf, expected) in cases {
            let encoded = HexPrefix.encode(path, isLeaf: isLeaf)
            #expect(Self.hexString(encoded) == expected)
            #expect(HexPrefix.decode(encoded)?.path == path)
            #expect(HexPrefix.decode(encoded)?.isLeaf == isLeaf)
        }
        #expect(HexPrefix.decode([0x41]) == nil)  // flag 4
        #expect(HexPrefix.decode([0x01, 0x23]) == nil)  // even path with a nonzero pad nibble
    }

    // MARK: Roots

    private static func trie(_ pairs: [(String, String)]) -> PatriciaTrie {
        PatriciaTrie(entries: pairs.map { (Array($0.0.utf8), Array($0.1.utf8)) })
    }

    /// Published roots: the empty trie is keccak256(rlp("")); "dogs" and the 50-`a` single entry are go-ethereum's
    /// `TestInsert` (trie/trie_test.go); "puppy" is ethereum/tests `TrieTests/trietest.json`; the secure (hashed-key)
    /// "dogs" root is parity's triehash `test_sec_trie_root`.
    @Test("Roots match Ethereum's published trie vectors")
    func publishedVectors() {
        #expect(
            Self.hexString(PatriciaTrie(entries: []).rootHash)
                == "56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421")
        let dogs = [("doe", "reindeer"), ("dog", "puppy"), ("dogglesworth", "cat")]
        #expect(
            Self.hexString(Self.trie(dogs).rootHash)
                == "8aad789dff2f538bca5d8ea56e8abe10f4c7ba3a5dea95fea4cd6e7c3a1168d3")
        #expect(
            Self.hexString(Self.trie([("A", String(repeating: "a", count: 50))]).rootHash)
                == "d23786fb4a010da3ce639d66d5e904a11dbc02746d1ce25029e53290cabf28ab")
        #expect(
            Self.hexString(
                Self.trie([("do", "verb"), ("horse", "stallion"), ("doge", "coin"), ("dog", "puppy")]).rootHash)
                == "5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84")
        let secure = PatriciaTrie(entries: dogs.map { (Keccak256.hash(Array($0.0.utf8)), Array($0.1.utf8)) })
        #expect(
            Self.hexString(secure.rootHash) == "d4cd937e4a4368d7931a9cf51686b7e10abb3dce38a39000fd7902a092b64585")
    }

    struct Fixture: Decodable {
        struct KeyValue: Decodable {
            var name: String
            var entries: [[String]]
            var root: String
        }
        struct Named: Decodable {
            var name: String
            var root: String
        }
        struct Accounts: Decodable {
            var count: Int
            var root: String
        }
        struct Updated: Decodable {
            var count: Int
            var changed: [UInt32]
            var root: String
        }
        var keyValue: [KeyValue]
        var secureKeyValue: [Named]
        var accounts: [Accounts]
        var updated: Updated

        static func load() throws -> Fixture {
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/patricia/patricia-roots.json")
            return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        }
    }

    /// The accounts `trie_roots.py` stores: account `i` at `keccak256("shardsim-kat" ‖ le32 i)[12...]`.
    static func katAccount(_ i: UInt32) -> PatriciaAccount {
        var preimage = Array("shardsim-kat".utf8)
        preimage.append(littleEndian: i)
        let address = Array(Keccak256.hash(preimage)[12...])
        return PatriciaAccount(
            number: i, address: address, balance: Gwei((UInt64(i) * 1_000_003) % 1_000_000_000_000 + UInt64(i)),
            nonce: UInt64(i % 7))
    }

    @Test("Roots match the independent Python implementation: key/value tries, secure tries and account tries")
    func pythonFixture() throws {
        let fixture = try Fixture.load()
        for (plain, secure) in zip(fixture.keyValue, fixture.secureKeyValue) {
            let entries = plain.entries.map { (Self.hex($0[0]), Self.hex($0[1])) }
            #expect(Self.hexString(PatriciaTrie(entries: entries).rootHash) == plain.root, "\(plain.name)")
            let hashed = entries.map { (Keccak256.hash($0.0), $0.1) }
            #expect(Self.hexString(PatriciaTrie(entries: hashed).rootHash) == secure.root, "secure \(secure.name)")
        }
        for expected in fixture.accounts {
            let state = PatriciaState(accounts: (0..<UInt32(expected.count)).map(Self.katAccount))
            #expect(Self.hexString(state.root.bytes) == expected.root, "\(expected.count) accounts")
        }
        var state = PatriciaState(accounts: (0..<UInt32(fixture.updated.count)).map(Self.katAccount))
        let changed = fixture.updated.changed.map { number in
            var account = Self.katAccount(number)
            account.balance = account.balance + Gwei(1)
            account.nonce += 1
            return account
        }
        let updated = state.trie.updating(changed.map { ($0.key, $0.value) })
        #expect(Self.hexString(updated.rootHash) == fixture.updated.root)
        // The same through a multiproof, as the EE computes it.
        let witness = state.trie.multiproof(keys: changed.map(\.key))
        var data: [UInt8] = []
        witness.encode(into: &data)
        let proof = try PatriciaProof.read(data, at: 0)
        #expect(proof.byteRange == 0..<data.count)
        let accounts = proof.leaves.map { leaf in changed.first { $0.number == leaf.account.number } ?? leaf.account }
        let roots = try #require(proof.roots(in: data, updated: accounts))
        #expect(roots.badReference == nil)
        #expect(roots.pre == state.root.bytes)
        #expect(Self.hexString(roots.post) == fixture.updated.root)
        state = PatriciaState(accounts: state.accounts)
        #expect(state.trie.rootHash == roots.pre)
    }

    @Test("A multiproof sends each node on the touched paths once, and any changed byte breaks it")
    func multiproofDeduplicates() throws {
        let state = PatriciaState(accounts: (0..<300).map(Self.katAccount))
        let keys = [3, 77, 150, 299].map { state.accounts[$0].key }
        let witness = state.trie.multiproof(keys: keys + keys)
        #expect(Set(witness.nodes.map(\.rlp)).count == witness.nodes.count)
        #expect(witness.nodes.first?.rlp == state.trie.rootNode?.encoded)
        #expect(witness.nodes.filter { $0.branchMask == nil }.count >= 4)
        // One proof per key, concatenated, would repeat at least the root.
        let separately = keys.map { state.trie.multiproof(keys: [$0]).nodes.count }.reduce(0, +)
        #expect(witness.nodes.count < separately)
        var data: [UInt8] = []
        witness.encode(into: &data)
        let proof = try PatriciaProof.read(data, at: 0)
        #expect(Set(proof.leaves.map(\.account.number)) == [3, 77, 150, 299])
        let accounts = proof.leaves.map(\.account)
        for offset in stride(from: 4, to: data.count, by: 97) {
            var forged = data
            forged[offset] ^= 0x10
            guard let forgedProof = try? PatriciaProof.read(forged, at: 0),
                let roots = forgedProof.roots(in: forged, updated: forgedProof.leaves.map(\.account))
            else { continue }
            #expect(roots.badReference != nil || roots.pre != state.root.bytes, "byte \(offset)")
        }
        #expect(proof.roots(in: data, updated: accounts)?.post == state.root.bytes)
    }
}
