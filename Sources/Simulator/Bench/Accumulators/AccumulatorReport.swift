import Foundation

/// The result of ``AccumulatorBenchmark``: one row per accumulator and workload, rendered as Markdown and HTML.
package struct AccumulatorReport: Sendable {
    /// One block measured.
    package struct Row: Sendable {
        package var accumulator: String
        package var workload: AccumulatorWorkload
        package var depth: Int
        package var touchedAccounts: Int
        /// Medians of the wasm execution and of the native signature floor, in seconds of thread CPU time, and of the
        /// wasm execution in wall time.
        package var wasmSeconds: Double
        package var wasmWallSeconds: Double
        package var floorSeconds: Double
        package var gasUsed: UInt64
        package var blockBytes: Int
        package var witnessBytes: Int
        /// The exact expectation for this accumulator (binary: ``MultiproofExpectation``).
        package var expectedWitnessBytes: Double
        /// `k · (512 · log₁₆(N / k) + 112)`: the hexary reference line.
        package var hexaryEstimateBytes: Double
    }

    package var benchmark: AccumulatorBenchmark
    package var machine: String
    /// The 1-minute load average when the benchmark started (`/proc/loadavg`), or `unknown`.
    package var loadAverage: String
    package var rows: [Row]

    private static let columns = [
        "accumulator", "workload", "depth", "wasm, wall (ms)", "wasm, CPU (ms)", "native floor, CPU (ms)",
        "wasm / floor", "gas", "block (B)",
        "witness (B)", "witness / account (B)", "expected witness, exact (B)", "measured / expected",
        "hexary estimate (B)", "published 2019 (other prototypes, other machines)",
    ]

    private func cells(_ row: Row) -> [String] {
        [
            row.accumulator, row.workload.label, "\(row.depth)", Self.fixed(row.wasmWallSeconds * 1e3, 2),
            Self.fixed(row.wasmSeconds * 1e3, 2),
            Self.fixed(row.floorSeconds * 1e3, 2), Self.fixed(row.wasmSeconds / row.floorSeconds, 2),
            BenchmarkFormatting.grouped(Int(row.gasUsed)), BenchmarkFormatting.grouped(row.blockBytes),
            BenchmarkFormatting.grouped(row.witnessBytes),
            BenchmarkFormatting.grouped(row.witnessBytes / max(1, row.touchedAccounts)),
            row.expectedWitnessBytes.isNaN ? "—" : BenchmarkFormatting.grouped(Int(row.expectedWitnessBytes.rounded())),
            row.expectedWitnessBytes.isNaN ? "—" : Self.fixed(Double(row.witnessBytes) / row.expectedWitnessBytes, 3),
            BenchmarkFormatting.grouped(Int(row.hexaryEstimateBytes.rounded())),
            row.workload.published2019.isEmpty ? "—" : row.workload.published2019,
        ]
    }

    private static func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

    private var notes: [String] {
        [
            "Command: `shardsim bench accumulators --sizes "
                + benchmark.stateSizes.map(String.init).joined(separator: ",")
                + " --repeat \(benchmark.repeats) --seed \(benchmark.seed) --out reports/accumulators` (release "
                + "build). Machine: \(machine).",
            "Workloads (the 2019 reports'): A = 70 signed transfers between 140 distinct accounts (SMPT, turbo token: "
                + "5,000 accounts); B = 20 transfers between 40 distinct accounts (C Merkle token: 2²² accounts); "
                + "C = 50 transfers among 50 accounts, each sending once (sheth). Each is repeated at "
                + benchmark.stateSizes.map { "2^\(Int(log2(Double($0))))" }.joined(separator: " and ")
                + " accounts. Touched accounts sit at distinct uniformly random leaves (hashed placement).",
            "wasm, wall and CPU (ms): median wall time and median thread CPU time of the block under EERuntime "
                + "(WasmKit, a fresh instance per run, as in a simulation) over \(benchmark.repeats) rounds; native "
                + "floor, CPU (ms): median thread CPU time of one native secp256k1 recovery per transfer on the same "
                + "signatures, measured in the same rounds, alternating; wasm / floor is the ratio of the CPU times. "
                + "CPU time leaves out waiting for a core; on a shared machine wall times are inflated and noisy "
                + "(load average when this report was made: \(loadAverage)).",
            "gas: the runtime's gas for the block (host charges and wasm fuel), under a 1 G gas limit (a simulation's "
                + "default is 10 M per execution, which a sparse block of 140 accounts exceeds). Block and witness in "
                + "bytes as encoded; witness / account = witness bytes ÷ touched accounts. depth: levels from a leaf to "
                + "the root (binary: ⌈log₂ N⌉; sparse: 256; hexary: nodes from the root down to the deepest touched leaf).",
            "Expected witness, exact: binary, 8 + 40·k + 32·E[proof hashes] for k distinct uniformly random leaves of N "
                + "(`MultiproofExpectation`, derivation in Documentation/TokenEE.md); sparse, 8 + 40·k + E[siblings]/8 + "
                + "32·E[non-empty siblings] for k of N uniformly random keys (`SparseMultiproofExpectation`, derivation "
                + "in Documentation/SparseTokenEE.md: about k·(log₂(N/k) − 0.54) hashes and 31 bytes of bitmap per "
                + "account; without zero-subtree compression a sparse witness would carry all 256 siblings, 8 kB per "
                + "account). One block is one draw, so measured / expected scatters by a few per cent around 1.",
            "Hexary estimate: k·(512·log₁₆(N/k) + 112) bytes, Vitalik's estimate for a hexary Patricia multiproof, "
                + "beside every row as a reference line (512 bytes per branch level below the shared top, 112 per "
                + "account). Hexary rows: the Patricia token EE (Documentation/PatriciaTokenEE.md), RLP trie nodes "
                + "under keys keccak256(address), a multiproof sending each node of the touched paths once, whole "
                + "(a branch is about 534 bytes); no exact expectation is computed for it (—); its depth column is the "
                + "deepest touched leaf, in nodes below the root.",
            "Large states: only the touched accounts are materialized. Binary: every other subtree the witness needs "
                + "is a stand-in hash, a pure function of (seed, position), or the empty subtree past the last leaf. "
                + "Hexary: the trie's shape along the touched paths is drawn as N random keys make it (a node's keys "
                + "split among its 16 children by a multinomial draw seeded by its position; see "
                + "PatriciaBackgroundBlock): full 16-way branches near the top, sparse ones below. "
                + "Sparse: the N − k other accounts are uniformly random keys, sampled top-down along the proven paths "
                + "(a node's keys split between its children by a Binomial(m, ½) draw seeded by its position); a "
                + "sibling holding none is the empty subtree, any other a stand-in hash. The pre-state root is what "
                + "they hash to. The EE's work and witness are those of a full state of that size (it never sees below "
                + "a sibling hash); the background accounts cannot be touched.",
            "Published 2019: figures from the 2019 prototype reports, each on its authors' machine and prototype "
                + "(SMPT: hexary Patricia via parity's libraries; turbo token: hexary Patricia with turboproofs; "
                + "C Merkle token: binary, not sparse; sheth: sparse Merkle tree in SSZ). Not comparable one to one: shown for orientation.",
        ]
    }

    /// The report as Markdown.
    package var markdown: String {
        var lines = ["# Accumulators compared", ""]
        lines.append("| " + Self.columns.joined(separator: " | ") + " |")
        lines.append("|" + String(repeating: "---|", count: Self.columns.count))
        for row in rows { lines.append("| " + cells(row).joined(separator: " | ") + " |") }
        lines.append("")
        lines.append("## What the columns mean")
        lines.append("")
        for note in notes { lines.append("- " + note) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as a self-contained HTML page.
    package var html: String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
        }
        var out = """
            <!doctype html>
            <html><head><meta charset="utf-8"><title>Accumulators compared</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;\
            padding:4px 8px;text-align:right}td:nth-child(2),td:first-child,td:last-child{text-align:left}\
            th:last-child,td:last-child{background:#f4f0e0}</style></head><body>
            <h1>Accumulators compared</h1>
            <table><tr>
            """
        out += Self.columns.map { "<th>\(escape($0))</th>" }.joined()
        out += "</tr>\n"
        for row in rows { out += "<tr>" + cells(row).map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n" }
        out += "</table>\n<h2>What the columns mean</h2>\n<ul>\n"
        for note in notes { out += "<li>\(escape(note))</li>\n" }
        out += "</ul></body></html>\n"
        return out
    }

    /// The table as plain text for the terminal (the Markdown table).
    package var text: String { markdown }
}
