/// The sparse token EE signs the token EE's transactions, with the same users' keys
/// (``TokenSigning/privateKey(seed:shard:account:)``), under its own domain tag: a transfer signed for one of the two
/// EEs cannot be replayed in the other, where the same user holds an account of the same number.
package enum SparseSigning {
    /// The domain tag at the start of every signed message (17 ASCII bytes, as long as the token EE's).
    package static let domainTag: [UInt8] = Array("shardsim-sparse-1".utf8)
}
