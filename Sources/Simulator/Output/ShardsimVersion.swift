/// The tool's version and the git commit it was built from, printed by `shardsim --version` and written into every
/// run folder's `run.json`.
///
/// The commit is generated at build time (``BuildCommit``, written by the BuildCommit plugin), so it is never a
/// committed value that could go stale; it is `unknown` when the sources were not a git checkout.
package enum ShardsimVersion {
    /// The release version.
    package static let current = "0.1.0"

    /// The full hash of the git commit the binary was built from, or `unknown`.
    package static var commit: String { BuildCommit.hash }

    /// Whether tracked files differed from ``commit`` when the binary was built.
    package static var sourcesModified: Bool { BuildCommit.sourcesModified }

    /// `0.1.0 (commit c762f2c…, with uncommitted changes)`: the version line of `shardsim --version`.
    package static var description: String {
        let changes = sourcesModified ? ", with uncommitted changes" : ""
        return "\(current) (commit \(commit)\(changes))"
    }
}
