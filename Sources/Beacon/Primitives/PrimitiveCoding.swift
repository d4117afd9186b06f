/// How the beacon chain's primitives are stored (checkpoints): each as its plain value (``StoredAsPlainValue``).
extension ShardID: StoredAsPlainValue {
    public var plainValue: UInt16 { index }
    public init(plainValue: UInt16) { self.init(plainValue) }
}

extension EEID: StoredAsPlainValue {
    public var plainValue: UInt32 { index }
    public init(plainValue: UInt32) { self.init(plainValue) }
}

extension Gwei: StoredAsPlainValue {
    public var plainValue: UInt64 { value }
    public init(plainValue: UInt64) { self.init(plainValue) }
}

extension Slot: StoredAsPlainValue {
    public var plainValue: UInt64 { number }
    public init(plainValue: UInt64) { self.init(plainValue) }
}

extension SimTime: StoredAsPlainValue {
    public var plainValue: UInt64 { micros }
    public init(plainValue: UInt64) { self.init(micros: plainValue) }
}

extension ValidatorIndex: StoredAsPlainValue {
    public var plainValue: UInt64 { index }
    public init(plainValue: UInt64) { self.init(plainValue) }
}

/// A root is stored as its `0x`-prefixed hex, and only 32 bytes of it decode.
extension Root: StoredAsPlainValue {
    public var plainValue: String { hex }
    public init?(plainValue: String) { self.init(hex: plainValue) }
}
