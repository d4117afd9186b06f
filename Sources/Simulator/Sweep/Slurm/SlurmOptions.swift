/// The resources every array task of a sweep asks Slurm for.
package struct SlurmOptions: Sendable, Equatable {
    /// `--partition`; the cluster's default partition when `nil`.
    package var partition: String?
    /// `--time`, in one of Slurm's spellings (`MM`, `HH:MM:SS`, `D-HH:MM`, …); the partition's limit when `nil`.
    package var timeLimit: String?
    /// `--cpus-per-task`; each run uses this many worker threads.
    package var cpusPerTask: Int
    /// At most this many tasks of the array run at once (`--array=…%N`); no limit when `nil`.
    package var simultaneousTasks: Int?

    package init(
        partition: String? = nil, timeLimit: String? = nil, cpusPerTask: Int = 1, simultaneousTasks: Int? = nil
    ) {
        self.partition = partition
        self.timeLimit = timeLimit
        self.cpusPerTask = cpusPerTask
        self.simultaneousTasks = simultaneousTasks
    }

    /// Whether `text` is a time limit Slurm accepts: `MM`, `MM:SS`, `HH:MM:SS`, `D-HH`, `D-HH:MM`, `D-HH:MM:SS`,
    /// or `UNLIMITED`/`INFINITE`.
    package static func isTimeLimit(_ text: String) -> Bool {
        if text == "UNLIMITED" || text == "INFINITE" { return true }
        let dayParts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard dayParts.count <= 2 else { return false }
        let clock = dayParts.last.map(String.init) ?? ""
        let fields = clock.split(separator: ":", omittingEmptySubsequences: false)
        let numeric = { (part: Substring) in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
        if dayParts.count == 2, !numeric(dayParts[0]) { return false }
        return (1...3).contains(fields.count) && fields.allSatisfy(numeric)
    }

    /// Whether `name` can be a partition name: letters, digits and `_.-`, as Slurm's configuration spells them.
    package static func isPartitionName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-,".contains($0)) }
    }
}
