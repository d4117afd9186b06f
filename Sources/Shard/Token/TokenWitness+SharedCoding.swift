import Beacon

/// The list of leaves that opens the binary and the sparse token EEs' witnesses:
/// `u32 nLeaves | nLeaves × {u32 account, address(20), u64 balance, u64 nonce}`.
extension TokenWitness.Leaf {
    /// Appends the encoding of `leaves` to `out`.
    static func encode(_ leaves: [Self], into out: inout [UInt8]) {
        out.append(littleEndian: UInt32(leaves.count))
        for leaf in leaves {
            out.append(littleEndian: leaf.index)
            out.append(contentsOf: leaf.account.address)
            out.append(littleEndian: leaf.account.balance.value)
            out.append(littleEndian: leaf.account.nonce)
        }
    }

    /// Reads a list of leaves from `reader`; a count larger than the bytes left is refused before anything is read.
    static func readList(from reader: inout TokenByteReader) throws(TokenFormatError) -> [Self] {
        let count = Int(try reader.read(UInt32.self, "witness leaf count"))
        guard count <= reader.remaining / TokenWitness.leafByteCount else {
            throw .truncated(field: "witness leaves", offset: reader.offset)
        }
        var leaves: [Self] = []
        leaves.reserveCapacity(count)
        for _ in 0..<count {
            let index = try reader.read(UInt32.self, "witness leaf account")
            let address = try reader.read(count: 20, "witness leaf address")
            let balance = try reader.read(UInt64.self, "witness leaf balance")
            let nonce = try reader.read(UInt64.self, "witness leaf nonce")
            leaves.append(
                Self(index: index, account: TokenAccount(address: address, balance: Gwei(balance), nonce: nonce)))
        }
        return leaves
    }
}

/// The 32-byte proof hashes that close the binary and the sparse token EEs' witnesses.
extension TokenNode {
    /// Reads `count` hashes from `reader`; a count larger than the bytes left is refused before anything is read.
    static func read(_ count: Int, from reader: inout TokenByteReader) throws(TokenFormatError) -> [TokenNode] {
        guard count <= reader.remaining / 32 else { throw .truncated(field: "witness hashes", offset: reader.offset) }
        var hashes: [TokenNode] = []
        hashes.reserveCapacity(count)
        for _ in 0..<count {
            let bytes = try reader.read(count: 32, "witness hash")
            hashes.append(bytes.withUnsafeBytes { TokenNode($0) })
        }
        return hashes
    }
}
