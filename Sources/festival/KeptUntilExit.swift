import Synchronization

/// Values held until the process exits, never released: the catalog of a command, so that
/// a million quotes are not freed one by one after the output is written (the process's
/// exit gives the memory back at once; freeing it took about a tenth of a cached
/// `festival search` at a million quotes).
enum KeptUntilExit {
    private static let kept = Mutex<[any Sendable]>([])

    /// `value`, which now lives until the process exits.
    @discardableResult
    static func keep<T: Sendable>(_ value: T) -> T {
        kept.withLock { $0.append(value) }
        return value
    }
}
