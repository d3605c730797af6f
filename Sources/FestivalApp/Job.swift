import Foundation
import Synchronization

/// Work on a thread of its own, whose result `value` waits for. The browser's jobs post their
/// result into the `Inbox` instead (`Inbox.start`); the CLI waits for its search index with
/// it while another thread writes the cache file. The stack is large: a deeply nested
/// catalog is parsed recursively.
public final class Job<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    public init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            let value = work()
            result.withLock { $0 = value }
            finished.signal()
        }
        thread.stackSize = 16 << 20
        thread.start()
    }

    /// The result, once there (every caller gets it).
    public var value: Value {
        finished.wait()
        finished.signal()
        return result.withLock { $0! }
    }
}
