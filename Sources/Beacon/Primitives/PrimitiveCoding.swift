/// How the beacon chain's primitives are stored (checkpoints): each as its plain value (``StoredAsPlainValue``).
extension ShardID: StoredAsPlainValue {
    package var plainValue: UInt16 { index }
    package init(plainValue: UInt16) { self.init(plainValue) }
}

extension EEID: StoredAsPlainValue {
    package var plainValue: UInt32 { index }
    package init(plainValue: UInt32) { self.init(plainValue) }
}

extension Gwei: StoredAsPlainValue {
    package var plainValue: UInt64 { value }
    package init(plainValue: UInt64) { self.init(plainValue) }
}

extension Slot: StoredAsPlainValue {
    package var plainValue: UInt64 { number }
    package init(plainValue: UInt64) { self.init(plainValue) }
}

extension SimTime: StoredAsPlainValue {
    package var plainValue: UInt64 { micros }
    package init(plainValue: UInt64) { self.init(micros: plainValue) }
}

extension ValidatorIndex: StoredAsPlainValue {
    package var plainValue: UInt64 { index }
    package init(plainValue: UInt64) { self.init(plainValue) }
}

/// A root is stored as its `0x`-prefixed hex, and only 32 bytes of it decode.
extension Root: StoredAsPlainValue {
    package var plainValue: String { hex }
    package init?(plainValue: String) { self.init(hex: plainValue) }
}
