/// Bounds on an input file, checked before the YAML parser sees it, so that no input can make loading hang or
/// exhaust memory.
///
/// Aliases are bounded because Yams hashes every mapping key in full to detect duplicates: a key that is an alias
/// to a structure of aliases (a "billion laughs") would take exponential time. With at most `maximumAliases`
/// aliases, the largest expansion is about 3^(aliases/3) copies, which stays small. Nesting needs no bound of ours:
/// libyaml stops at 1000 levels.
struct InputLimits: Sendable {
    /// The largest file accepted, in bytes.
    let maximumBytes: Int
    /// The most `*name` aliases (that name a defined `&name` anchor) accepted in one file.
    let maximumAliases: Int

    /// Scenario files are a few kilobytes; 1 MiB leaves room for long descriptions.
    static let scenario = InputLimits(maximumBytes: 1 << 20, maximumAliases: 16)
    /// Scout files carry block data in hex, which can be large; they rarely use aliases.
    static let scout = InputLimits(maximumBytes: 16 << 20, maximumAliases: 8)
}
