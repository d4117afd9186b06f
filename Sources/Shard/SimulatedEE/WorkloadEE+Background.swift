import Beacon

/// EEs without background accounts: every account is in the account view, as before large states existed.
extension WorkloadEE {
    package var supportsBackgroundAccounts: Bool { false }

    package var backgroundDescription: String { "" }

    package func genesis(shard: ShardID, background: BackgroundAccounts, active: [UInt32]) -> State {
        preconditionFailure("\(Self.self) has no background accounts; check supportsBackgroundAccounts first")
    }

    package func background(of state: State) -> BackgroundAccounts? { nil }

    package func state(from accounts: [EEAccount], background: BackgroundAccounts) -> State {
        preconditionFailure("\(Self.self) has no background accounts; check supportsBackgroundAccounts first")
    }
}
