import Synchronization
import FestivalCatalog
import FestivalLibrary

/// The last value a list screen derived from the whole list (the filtered, sorted films;
/// each column's widest cell), kept until what it depends on changes. `update` and `view`
/// both ask for the page on every key; at 10,000 films and 25,000 people recomputing them
/// took about 27 ms a key.
///
/// A memo is not state: it gives exactly what computing again would, and nothing reads it
/// but the function it serves.
final class ListMemo<Key: Equatable & Sendable, Value: Sendable>: Sendable {
    private let last = Mutex<(key: Key, value: Value)?>(nil)

    init() {}

    /// The value for `key`: the one kept when the key is the same, else `compute()`'s.
    func value(for key: Key, _ compute: () -> Value) -> Value {
        if let kept = last.withLock({ $0 }), kept.key == key { return kept.value }
        let value = compute()
        last.withLock { $0 = (key, value) }
        return value
    }
}

/// Which array's storage a list came from: equal only for the same storage, which the key
/// keeps alive (so no other array can take its place), and the same count.
struct StorageIdentity<Element: Sendable>: Equatable, Sendable {
    private let array: [Element]
    private let address: UInt

    init(_ array: [Element]) {
        self.array = array
        address = array.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
    }

    static func == (a: Self, b: Self) -> Bool { a.address == b.address && a.array.count == b.array.count }
}
