import Foundation
import Synchronization

/// Work on its own thread; `wait` polls for the result. `then` runs on that thread after
/// the result is out (e.g. storing it in the cache).
public final class Background<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let finished = DispatchSemaphore(value: 0)
    private let thenFinished = DispatchSemaphore(value: 0)

    public init(_ work: @escaping @Sendable () -> Value, then: (@Sendable (Value) -> Void)? = nil) {
        let thread = Thread { [self] in
            let value = work()
            result.withLock { $0 = value }
            finished.signal()
            then?(value)
            thenFinished.signal()
        }
        thread.stackSize = 16 << 20   // deep JSON recursion stays far from the limit
        thread.start()
    }

    /// The value, waiting at most `milliseconds` for it.
    public func wait(milliseconds: Int) -> Value? {
        if let value = result.withLock({ $0 }) { return value }
        guard finished.wait(timeout: .now() + .milliseconds(milliseconds)) == .success else { return nil }
        finished.signal()   // later waits return at once
        return result.withLock { $0 }
    }

    /// The value, once there.
    public func wait() -> Value {
        if let value = result.withLock({ $0 }) { return value }
        finished.wait()
        finished.signal()
        return result.withLock { $0 }!
    }

    /// When the result is out, waits at most `milliseconds` for `then` to finish; when it is
    /// not (the work is abandoned), returns at once.
    public func waitForThen(milliseconds: Int) {
        guard result.withLock({ $0 != nil }) else { return }
        if thenFinished.wait(timeout: .now() + .milliseconds(milliseconds)) == .success { thenFinished.signal() }
    }
}
