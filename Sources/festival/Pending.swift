import Foundation
import Synchronization

/// A value one thread gives and others wait for (the search index, built on the main
/// thread while the cache file is already being written on another).
final class Pending<Value: Sendable>: Sendable {
    private let value = Mutex<Value?>(nil)
    private let given = DispatchSemaphore(value: 0)

    /// Gives the value (once).
    func give(_ newValue: Value) {
        value.withLock { $0 = newValue }
        given.signal()
    }

    /// The value, once given.
    func wait() -> Value {
        given.wait()
        given.signal()   // later waits return at once
        return value.withLock { $0! }
    }
}
