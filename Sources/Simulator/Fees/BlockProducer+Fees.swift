import Shard

extension BlockProducer {
    /// The fee market's hooks for this run, or `nil` when the fee market is off.
    var feeMarket: FeeMarket? {
        settings.fees.map {
            FeeMarket(
                settings: $0, ee: FeeMarketEE(module: settings.ees[Int($0.ee.index)].module), runtime: runtime,
                clock: settings.clock)
        }
    }
}
