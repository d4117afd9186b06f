import Beacon

/// The wasm and its native reference disagree about a block: one of the two is wrong, and the run must stop.
package enum EEDisagreement: Error, Sendable, Equatable {
    /// They computed different post-state roots (or the state provider's state, updated, has another root).
    case root(wasm: Root, native: Root)
    /// They disagree on success, results, transfers, claims or the ETH moved; the text says which.
    case result(String)
}
