import Shard

extension AccumulatorBenchmark {
    /// One hexary row per workload (``PatriciaAccumulatorRow``), in the binary rows' order.
    func hexaryRows(runtime: EERuntime, progress: (String) -> Void) throws(BlockBenchmarkError)
        -> [AccumulatorReport.Row]
    {
        let module: EEModule
        do {
            module = try BuiltinEEs.load("patricia")
        } catch {
            throw .cannotLoadEE(error.description)
        }
        var rows: [AccumulatorReport.Row] = []
        for workload in AccumulatorWorkload.standard(stateSizes: stateSizes) {
            progress("hexary: \(workload.label)")
            rows.append(
                try PatriciaAccumulatorRow.measure(
                    workload, seed: seed, repeats: repeats, runtime: runtime, module: module))
        }
        return rows
    }
}
