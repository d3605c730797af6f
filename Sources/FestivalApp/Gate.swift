import Foundation
import Synchronization

/// A one-time signal between threads: `wait` returns once `open` has been called (or after
/// its timeout); opening again does nothing.
public final class Gate: Sendable {
    private let isOpen = Mutex(false)
    private let opened = DispatchSemaphore(value: 0)

    public init() {}

    public func open() {
        let first = isOpen.withLock { open in
            defer { open = true }
            return !open
        }
        if first { opened.signal() }
    }

    /// Whether the gate is open, waiting at most `milliseconds` for it.
    @discardableResult
    public func wait(milliseconds: Int) -> Bool {
        if isOpen.withLock({ $0 }) { return true }
        guard opened.wait(timeout: .now() + .milliseconds(milliseconds)) == .success else { return false }
        opened.signal()   // later waits return at once
        return true
    }
}
