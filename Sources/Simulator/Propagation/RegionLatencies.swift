import Foundation

/// Where validators live and how long a message takes between places: regions, each region's share of the nodes,
/// and the mean latency from every region to every other, read from a CSV data file.
///
/// The shipped table (`Resources/region-latencies.csv`) is SimBlock's 2019 measurement of the Bitcoin network
/// (see `Documentation/Network.md`); SimBlock applies each value as the delay of one message, and so do we.
struct RegionLatencies: Sendable, Equatable {
    /// Region names, in file order.
    let names: [String]
    /// Each region's share of the nodes, summing to 1.
    let shares: [Double]
    /// `micros[from][to]`: the latency of one message, in microseconds.
    let micros: [[Double]]

    /// The shipped table.
    static func shipped() throws(SimulationError) -> RegionLatencies {
        guard let url = Bundle.module.url(forResource: "region-latencies", withExtension: "csv") else {
            throw .output("region-latencies.csv", "the shipped latency table is missing from the Simulator bundle")
        }
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw .output(url.path, error.localizedDescription)
        }
        return try parse(text, file: url.path)
    }

    /// Reads a table: `#` comment lines, a header `region,share_percent,NAME…`, then one row per region in header
    /// order with its share and its latency in milliseconds to each region.
    static func parse(_ text: String, file: String) throws(SimulationError) -> RegionLatencies {
        var lines: [(number: Int, fields: [String])] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            lines.append((index + 1, trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }))
        }
        func fail(_ line: Int, _ message: String) -> SimulationError { .output("\(file):\(line)", message) }
        guard let header = lines.first, header.fields.count >= 3, header.fields[0] == "region",
            header.fields[1] == "share_percent"
        else { throw fail(lines.first?.number ?? 1, "expected a header region,share_percent,REGION…") }
        let names = Array(header.fields.dropFirst(2))
        guard lines.count == names.count + 1 else {
            throw fail(
                header.number, "expected one row per region of the header (\(names.count)), found \(lines.count - 1)")
        }
        var shares: [Double] = []
        var micros: [[Double]] = []
        for (position, row) in lines.dropFirst().enumerated() {
            guard row.fields.count == names.count + 2, row.fields[0] == names[position] else {
                throw fail(
                    row.number, "expected the row of \(names[position]) with a share and \(names.count) latencies")
            }
            let values = row.fields.dropFirst().map { Double($0) }
            guard values.allSatisfy({ $0 != nil && $0!.isFinite && $0! >= 0 }) else {
                throw fail(row.number, "expected non-negative numbers (percent, then milliseconds)")
            }
            shares.append(values[0]!)
            micros.append(values.dropFirst().map { $0! * 1000 })
        }
        let total = shares.reduce(0, +)
        guard total > 0 else { throw fail(header.number, "expected shares adding up to more than 0 %") }
        return RegionLatencies(names: names, shares: shares.map { $0 / total }, micros: micros)
    }

    /// A region drawn by share from `stream`.
    func drawRegion(_ stream: inout RandomStream) -> Int {
        var draw = stream.unitDouble()
        for (region, share) in shares.enumerated() {
            if draw < share { return region }
            draw -= share
        }
        return shares.count - 1
    }
}
