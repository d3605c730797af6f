import FestivalLibrary
import FestivalStorage
import FestivalUI
import FestivalCatalog
import FestivalSynthetic
import TextGrid
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

/// Keys on the Shelf tab with a shelf of `entries` (half favorite films, half noted quotes,
/// most of them not in the catalog, as an imported shelf may be): the tab opened (`5`),
/// then `j` 40 times; the opening's time and the p50 and max of the `j`s (update + view), ms.
enum ShelfTabBench {
    static func run(entries: Int, catalog: Catalog) -> (open: Double, p50: Double, max: Double) {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var shelf = Shelf()
        for i in 0..<entries {
            if i % 2 == 0 {
                shelf.setFavorite(.film(catalog.films[i % catalog.films.count].id), true, at: now)
                shelf.setFavorite(.film("film-\(i)"), true, at: now)
            } else {
                shelf.setNote(.quote("q\(i)"), "a note of a few words, number \(i)", at: now)
            }
        }
        let size = Size(width: 120, height: 40)
        var state = AppState(catalog: catalog, language: .en, size: size)
        _ = update(&state, .shelfLoaded(shelf, message: nil), now: now)
        var t = Clock.now()
        _ = update(&state, .key(.char("5")), now: now)
        _ = view(state, size: size)
        let open = Clock.since(t)
        var times: [Double] = []
        for _ in 0..<40 {
            t = Clock.now()
            _ = update(&state, .key(.char("j")), now: now)
            _ = view(state, size: size)
            times.append(Clock.since(t))
        }
        times.sort()
        return (open, times[times.count / 2], times.last ?? 0)
    }
}
