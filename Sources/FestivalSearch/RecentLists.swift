import Synchronization

/// Int32 lists kept for reuse by key, most recent last: at most `capacity` of them and
/// `budget` values in all, the oldest let go first (a list over the whole budget is not
/// kept). Shared by the copies of an index; any thread may use it.
final class RecentLists<Key: Equatable & Sendable>: Sendable {
    let capacity: Int, budget: Int
    private let entries = Mutex<[(key: Key, list: [Int32])]>([])

    init(capacity: Int, budget: Int) {
        self.capacity = capacity
        self.budget = budget
    }

    /// The kept lists whose keys `include` takes, oldest first.
    func lists(where include: (Key) -> Bool) -> [(key: Key, list: [Int32])] {
        entries.withLock { $0.filter { include($0.key) } }
    }

    func remember(_ key: Key, _ list: [Int32]) {
        entries.withLock { entries in
            entries.removeAll { $0.key == key }
            entries.append((key, list))
            var total = entries.reduce(0) { $0 + $1.list.count }
            while entries.count > capacity || (total > budget && !entries.isEmpty) {
                total -= entries.removeFirst().list.count
            }
        }
    }
}

/// The starts of the last few multi-character terms: typing a term one character at a
/// time, each lookup begins from the previous one's starts (see `CharacterIndex+Match`).
typealias StartsMemo = RecentLists<[UInt8]>

extension RecentLists where Key == [UInt8] {
    /// At most this many starts are kept in all (64 MB).
    static var startsBudget: Int { 16 << 20 }

    convenience init() { self.init(capacity: 8, budget: Self.startsBudget) }

    /// The starts of the longest remembered term that `term` begins with, and its length.
    func longestPrefix(of term: [UInt8]) -> ([Int32], Int)? {
        lists { term.starts(with: $0) }.max { $0.key.count < $1.key.count }.map { ($0.list, $0.key.count) }
    }
}

/// Characters' offset lists decoded lately, by the character's position in the index (a
/// term typed a character at a time asks for the same lists again).
typealias DecodedLists = RecentLists<Int>

extension RecentLists where Key == Int {
    /// At most 8M offsets (32 MB) in all.
    convenience init() { self.init(capacity: 64, budget: 8 << 20) }

    /// List k, decoded by `decode` unless it is kept.
    func list(_ k: Int, decode: () -> [Int32]) -> [Int32] {
        if let kept = lists(where: { $0 == k }).first { return kept.list }
        let list = decode()
        remember(k, list)
        return list
    }
}
