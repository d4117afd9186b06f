import Beacon

/// One account of an EE as every EE shows it: the view that conservation checks and `state.sqlite` read.
package struct EEAccount: Hashable, Sendable, Codable {
    /// The account's index in the EE's state (a leaf, a slot): how operations name it.
    package var index: UInt32
    /// The address that controls it (20 bytes for secp256k1-signed accounts; empty when the EE has none).
    package var address: [UInt8]
    /// Its ETH, in gwei.
    package var balance: Gwei
    /// How many operations it has authorised (the next one must carry this nonce); 0 when the EE has no nonces.
    package var nonce: UInt64

    /// Creates an account view.
    package init(index: UInt32, address: [UInt8], balance: Gwei, nonce: UInt64) {
        self.index = index
        self.address = address
        self.balance = balance
        self.nonce = nonce
    }
}
