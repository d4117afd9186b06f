/// The hashing rules of the sparse Merkle tree: `parent = keccak256(left ‖ right)` (SSZ-style pairs), the empty leaf
/// is 32 zero bytes, and an all-empty subtree of height `h` has the precomputed hash `E_h`.
package enum SparseNodes {
    /// Levels below the root: keys are 256-bit.
    package static let height = 256

    /// `E_0 = 0³²`, `E_{h+1} = keccak256(E_h ‖ E_h)`, for `h = 0 … 256` (`E_256` is the root of the empty tree).
    package static let empty: [TokenNode] = {
        var nodes = [TokenNode.zero]
        for _ in 0..<height { nodes.append(.parent(nodes[nodes.count - 1], nodes[nodes.count - 1])) }
        return nodes
    }()

    /// The leaf hash of account `number` holding `account`: keccak256(le32 number ‖ address ‖ le64 balance ‖ le64
    /// nonce), 40 bytes hashed — the 40 bytes a witness carries for the leaf.
    package static func leafHash(number: UInt32, account: TokenAccount) -> TokenNode {
        var preimage: [UInt8] = []
        preimage.reserveCapacity(40)
        preimage.append(littleEndian: number)
        preimage.append(contentsOf: account.address)
        preimage.append(littleEndian: account.balance.value)
        preimage.append(littleEndian: account.nonce)
        return preimage.withUnsafeBytes { TokenNode.hashed($0) }
    }

    /// `node`, a subtree at height `from` on `key`'s path, hashed up to height `to` with empty siblings.
    ///
    /// - Complexity: `to − from` hashes.
    package static func raise(_ node: TokenNode, key: SparseKey, from: Int, to: Int) -> TokenNode {
        var node = node
        for height in from..<max(from, to) {
            node = key.bit(height) == 0 ? .parent(node, empty[height]) : .parent(empty[height], node)
        }
        return node
    }
}
