import Beacon
import Foundation

/// The packed record a checkpoint stores per account, shared by every token EE's state: address (20 bytes), balance
/// (8, big-endian), nonce (8, big-endian). Keys, tree structure and hashes are rebuilt from the records.
extension TokenAccount {
    /// The size of one record in bytes.
    package static let recordByteCount = 36

    /// Appends this account's record to `data`.
    package func appendRecord(to data: inout Data) {
        data.append(contentsOf: address)
        withUnsafeBytes(of: balance.value.bigEndian) { data.append(contentsOf: $0) }
        withUnsafeBytes(of: nonce.bigEndian) { data.append(contentsOf: $0) }
    }

    /// Reads the record at `offset` of `bytes`, which must hold ``recordByteCount`` bytes from there.
    package init(record bytes: [UInt8], at offset: Int) {
        func word(_ at: Int) -> UInt64 { bytes[at..<(at + 8)].reduce(0) { $0 << 8 | UInt64($1) } }
        self.init(
            address: Array(bytes[offset..<(offset + 20)]), balance: Gwei(word(offset + 20)), nonce: word(offset + 28))
    }
}
