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

    /// `accounts` as consecutive records.
    package static func records(of accounts: [TokenAccount]) -> Data {
        var data = Data(capacity: accounts.count * recordByteCount)
        for account in accounts { account.appendRecord(to: &data) }
        return data
    }

    /// The accounts of consecutive records, or `nil` when `bytes` is not a whole number of records.
    package static func accounts(fromRecords bytes: [UInt8]) -> [TokenAccount]? {
        guard bytes.count % recordByteCount == 0 else { return nil }
        return stride(from: 0, to: bytes.count, by: recordByteCount).map { TokenAccount(record: bytes, at: $0) }
    }

    /// Reads the record at `offset` of `bytes`, which must hold ``recordByteCount`` bytes from there.
    package init(record bytes: [UInt8], at offset: Int) {
        func word(_ at: Int) -> UInt64 { bytes[at..<(at + 8)].reduce(0) { $0 << 8 | UInt64($1) } }
        self.init(
            address: Array(bytes[offset..<(offset + 20)]), balance: Gwei(word(offset + 20)), nonce: word(offset + 28))
    }
}
