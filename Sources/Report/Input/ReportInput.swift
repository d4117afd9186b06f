import Foundation

/// What a report is made from: every run folder found under the given paths, grouped by what differs between them
/// other than the seed.
///
/// A path is either a run folder (it has `run.json`) or a folder of run folders: a comparison folder
/// (`<model>-seed<N>/` plus `comparison.csv`) or a sweep folder (`p<I>-<values>-seed<N>/` plus `points.csv`).
/// Runs of a comparison are grouped by `run.json`'s `crossShardModel`; runs of a sweep by their point's label in
/// `points.csv` (the scenario's name when there is no sweep grid); other runs by their folder name without the
/// `-seed<N>` suffix.
public struct ReportInput: Sendable {
    public let groups: [RunGroup]
    /// `comparison.csv` of each comparison folder given.
    public let comparisons: [CSVTable]
    /// The swept fields of the sweep folders given, in `points.csv` column order; empty without a sweep.
    public let factors: [SweepFactor]

    /// Reads every run under `paths`.
    ///
    /// - Throws: ``ReportError/notARun(_:)`` when a path holds no run at all.
    public init(paths: [URL]) throws(ReportError) {
        var runs: [(key: String, run: RunFolder)] = []
        var comparisons: [CSVTable] = []
        var factors: [SweepFactor] = []
        var coordinatesByKey: [String: [String: String]] = [:]
        var isComparison = false
        for path in paths {
            if RunFolder.isRun(path) {
                let run = try RunFolder(url: path)
                runs.append((Self.stem(of: run.name), run))
                continue
            }
            let children =
                (try? FileManager.default.contentsOfDirectory(
                    at: path, includingPropertiesForKeys: nil))?.filter(RunFolder.isRun)
                .sorted { $0.lastPathComponent < $1.lastPathComponent } ?? []
            guard !children.isEmpty else { throw .notARun(path.path) }
            let comparison = try CSVTable(contentsOf: path.appendingPathComponent(ColumnNames.comparisonFile))
            if let comparison {
                comparisons.append(comparison)
                isComparison = true
            }
            // A sweep's points.csv gives each folder its point's label (`path=value,…`), the clearest group name,
            // and the point's value of every swept field (one column each; parsed from the label in older files).
            let points = try CSVTable(contentsOf: path.appendingPathComponent(ColumnNames.pointsFile))
            var labels: [String: String] = [:]
            if let points, let folder = points.index(of: ColumnNames.pointsFolder),
                let label = points.index(of: ColumnNames.pointsLabel)
            {
                var typed = points.header.filter { !ColumnNames.pointsFixedColumns.contains($0) }
                if typed.isEmpty, let first = points.rows.first {
                    typed = SweepFactor.coordinates(fromLabel: first[label]).map(\.column)
                }
                for column in typed where !factors.contains(where: { $0.column == column }) {
                    factors.append(SweepFactor(column: column))
                }
                for row in points.rows {
                    labels[row[folder]] = row[label]
                    var coordinates: [String: String] = [:]
                    for column in typed { if let i = points.index(of: column) { coordinates[column] = row[i] } }
                    if coordinates.isEmpty {
                        for (column, value) in SweepFactor.coordinates(fromLabel: row[label]) {
                            coordinates[column] = value
                        }
                    }
                    if !row[label].isEmpty { coordinatesByKey[row[label]] = coordinates }
                }
            }
            for child in children {
                let run = try RunFolder(url: child)
                let key: String
                if comparison != nil {
                    key = run.model
                } else if let label = labels[run.name] {
                    key = label.isEmpty ? (run.manifest["scenario"]?.text ?? Self.stem(of: run.name)) : label
                } else {
                    key = Self.stem(of: run.name)
                }
                runs.append((key, run))
            }
        }
        var order: [String] = []
        var byKey: [String: [RunFolder]] = [:]
        for (key, run) in runs {
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(run)
        }
        var groups = order.map { key in
            RunGroup(name: Self.shortName(ofLabel: key), runs: byKey[key]!, coordinates: coordinatesByKey[key] ?? [:])
        }
        if isComparison {
            // Models in one order everywhere (ColumnNames.modelOrder), whatever the folder names sort to.
            func rank(_ name: String) -> Int {
                ColumnNames.modelOrder.firstIndex(of: name) ?? ColumnNames.modelOrder.count
            }
            groups.sort { (rank($0.name), $0.name) < (rank($1.name), $1.name) }
        }
        self.groups = groups
        self.comparisons = comparisons
        self.factors = factors
    }

    /// Every run, group by group.
    public var runs: [RunFolder] { groups.flatMap(\.runs) }

    /// A sweep point's label made short enough for table headers and legends: each field by its last path
    /// component (`transactionsPerSlot=10, crossShardFraction=50%`) unless two fields would then share a name.
    /// Other names are returned unchanged.
    static func shortName(ofLabel label: String) -> String {
        let parts = SweepFactor.coordinates(fromLabel: label)
        guard !parts.isEmpty else { return label }
        let short = parts.map { String($0.column.split(separator: ".").last ?? Substring($0.column)) }
        let names = Set(short).count == short.count ? short : parts.map(\.column)
        return zip(names, parts).map { "\($0)=\($1.value)" }.joined(separator: ", ")
    }

    /// `name` without a trailing `-seed<digits>`.
    static func stem(of name: String) -> String {
        guard let range = name.range(of: "-seed", options: .backwards),
            !name[range.upperBound...].isEmpty, name[range.upperBound...].allSatisfy(\.isNumber)
        else { return name }
        return String(name[..<range.lowerBound])
    }
}
