import FestivalLibrary
import FestivalStorage
import Foundation

/// One shelf change (`f` in the browser: lock, re-read, change, encode, write, fsync,
/// rename) on a shelf of `entries` films and quotes, in a fresh directory; p50 and max of
/// `rounds` changes in ms.
enum ShelfBench {
    static func run(entries: Int, rounds: Int = 21, in directory: URL) -> (p50: Double, max: Double) {
        let dir = directory.appending(path: "shelf-\(entries)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = ShelfStore(directory: dir, catalogID: "bench")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        _ = try? store.update { shelf in
            for i in 0..<entries {
                if i % 2 == 0 {
                    shelf.setFavorite(.film("film-\(i)"), true, at: now)
                } else {
                    shelf.setNote(.quote("q\(i)"), "a note of a few words, number \(i)", at: now)
                }
            }
        }
        var times: [Double] = []
        for round in 0..<rounds {
            let started = Clock.now()
            _ = try? store.update { $0.setFavorite(.film("film-0"), round % 2 == 1, at: now) }
            times.append(Clock.since(started))
        }
        times.sort()
        if ProcessInfo.processInfo.environment["BENCH_VERBOSE"] != nil {
            let shelf = store.load().shelf
            var t = Clock.now()
            let bytes = ShelfCoding.encode(shelf, catalogID: "bench")
            let encode = Clock.since(t)
            t = Clock.now()
            _ = try? ShelfCoding.decode(bytes, catalogID: "bench")
            print("  \(entries) entries, \(bytes.count) bytes: encode \(Measure.fmt(encode)) ms, decode \(Measure.fmt(Clock.since(t))) ms")
        }
        return (times[times.count / 2], times.last ?? 0)
    }
}
