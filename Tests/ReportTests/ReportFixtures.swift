import Foundation

/// Run folders written by hand in a temporary directory: small, exact, and independent of the simulator.
enum ReportFixtures {
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("report-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A run folder with `slots.csv` (2 shards × 3 slots), `transfers.csv`, `summary.csv` and `run.json`.
    /// Columns are written in a shuffled order on purpose: readers must go by header name. Every transfer goes from
    /// shard 0 in slot 0 to shard 1 with the given latency in slots; shard 1's proposer is offline in `missed` slots.
    @discardableResult
    static func run(
        in parent: URL, name: String, model: String, seed: Int, applied: Int, latencies: [Int], inboxAfter: Int = 0,
        missed: Set<Int> = [],
        baseFee: Bool = false, status: String = "finished", conservation: Bool = true,
        scenario: String = "name: fixture\n"
    ) -> URL {
        let folder = parent.appendingPathComponent(name)
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var slots =
            "shard,slot,missed,applied,gas_used,witness_bytes,execution_time_us,inbox_after"
            + (baseFee ? ",base_fee_gwei" : "") + "\n"
        for slot in 0..<3 {
            for shard in 0..<2 {
                slots +=
                    "\(shard),\(slot),\(shard == 1 && missed.contains(slot) ? 1 : 0),\(applied),\(1000 * applied),\(200 + slot),\(50 + shard),\(inboxAfter)"
                    + (baseFee ? ",\(1 + slot + shard)" : "") + "\n"
            }
        }
        var transfers =
            "transfer_id,outcome,latency_submission_to_delivery_s,latency_inclusion_to_delivery_slots,model,"
            + "included_slot,delivered_slot,destination_shard\n"
        for (id, latency) in latencies.enumerated() {
            transfers += "\(id),delivered,\(latency * 12),\(latency),\(model),0,\(latency),1\n"
        }
        transfers += "\(latencies.count),pending,,,\(model),,,1\n"
        let summary = """
            metric,value,unit
            throughput,\(Double(applied) / 12),transactions/s
            transactions_included,\(applied * 6 + 1),transactions
            transactions_applied,\(applied * 6),transactions
            transactions_rejected,1,transactions
            cross_shard_submitted,\(latencies.count + 1),transfers
            cross_shard_delivered,\(latencies.count),transfers

            """
        let conservationJSON = conservation ? "{\"checkedEverySlot\": true, \"holds\": true, \"totalGwei\": 5}" : "null"
        let manifest = """
            {"tool": "shardsim", "version": "0.1.0", "status": "\(status)", "scenario": "fixture", "seed": \(seed),
             "crossShardModel": "\(model)", "conservation": \(conservationJSON),
             "executionEnvironments": [{"id": 0, "name": "token", "codeHash": "abcd"}]}
            """
        try! slots.write(to: folder.appendingPathComponent("slots.csv"), atomically: true, encoding: .utf8)
        try! transfers.write(to: folder.appendingPathComponent("transfers.csv"), atomically: true, encoding: .utf8)
        try! summary.write(to: folder.appendingPathComponent("summary.csv"), atomically: true, encoding: .utf8)
        try! manifest.write(to: folder.appendingPathComponent("run.json"), atomically: true, encoding: .utf8)
        try! scenario.write(to: folder.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    /// A comparison folder: `one-slot` and `finality-wait`, seeds 1 and 2, plus `comparison.csv`.
    static func comparison() -> URL {
        let folder = temporaryFolder()
        run(in: folder, name: "one-slot-seed1", model: "one-slot", seed: 1, applied: 10, latencies: [1, 1, 1])
        run(in: folder, name: "one-slot-seed2", model: "one-slot", seed: 2, applied: 14, latencies: [1, 1])
        run(in: folder, name: "finality-wait-seed1", model: "finality-wait", seed: 1, applied: 9, latencies: [4, 5])
        run(
            in: folder, name: "finality-wait-seed2", model: "finality-wait", seed: 2, applied: 11, latencies: [4, 4, 6])
        let csv = """
            model,seed,latency_inclusion_to_delivery_p50_slots,throughput
            one-slot,1,1,0.83
            one-slot,2,1,1.17
            finality-wait,1,4.5,0.75
            finality-wait,2,4.67,0.92

            """
        try! csv.write(to: folder.appendingPathComponent("comparison.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    /// A sweep folder of 2 fields × 2 levels × 3 seeds, `points.csv` with one typed column per field (as
    /// `SweepJob.index` writes it). Throughput grows with the slot duration and the cross-shard share, plus a little
    /// per seed, so every point has a spread.
    static func sweep() -> URL {
        let folder = temporaryFolder()
        var points = "job,point,seed,label,folder,command,beacon.slotDuration_s,workload.crossShardFraction_pct\n"
        var job = 0
        for (a, duration) in ["6s", "12s"].enumerated() {
            for (b, fraction) in ["10%", "50%"].enumerated() {
                let point = a * 2 + b
                let label = "beacon.slotDuration=\(duration),workload.crossShardFraction=\(fraction)"
                for seed in 1...3 {
                    let name = "p000\(point)-\(label.replacingOccurrences(of: ",", with: "_"))-seed\(seed)"
                    run(
                        in: folder, name: name, model: "one-slot", seed: seed, applied: 10 + 4 * a + 2 * b + seed,
                        latencies: [1, 1 + b],
                        scenario: """
                            name: grid
                            description: "a test grid"
                            seeds: [1, 2, 3]
                            beacon:
                              slotDuration: \(duration)
                            workload:
                              crossShardFraction: \(fraction)

                            """)
                    let seconds = duration.dropLast()
                    points +=
                        "\(job),\(point),\(seed),\"\(label)\",\(name),shardsim run grid.yaml,\(seconds),\(fraction.dropLast())\n"
                    job += 1
                }
            }
        }
        try! points.write(to: folder.appendingPathComponent("points.csv"), atomically: true, encoding: .utf8)
        return folder
    }
}
