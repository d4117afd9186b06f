/// One validator as the network sees it: where it is and how fast its links are.
struct NetworkNode: Sendable, Equatable {
    /// Its region, an index into ``RegionLatencies/names``.
    var region: Int
    /// Its upload rate, in bits per second.
    var uploadBitsPerSecond: Double
    /// Its download rate, in bits per second.
    var downloadBitsPerSecond: Double
}
