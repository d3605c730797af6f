import FestivalCatalog
import FestivalIO
import FestivalSearch
import FestivalLibrary
import FestivalStorage
import FestivalUI
import Foundation
import TextGrid

/// Monotonic milliseconds.
enum Clock {
    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
    static func since(_ start: UInt64) -> Double { Double(now() - start) / 1_000_000 }
}

/// The child's measurements of one catalog, printed as one line of `key=value`.
enum Measure {
    static func one(path: String) {
        // Loading and indexing run on threads of their own, as in the browser (which also
        // keeps the heap the main thread draws from free of the parse's debris).
        var t = Clock.now()
        let loaded = onThread { () -> Result<Catalog, CatalogError> in
            Result { () throws(CatalogError) -> Catalog in
                let catalog = try CatalogLoader.load(path: path)
                catalog.prepareLookups()
                return catalog
            }
        }
        let catalog: Catalog
        switch loaded {
        case .success(let c): catalog = c
        case .failure(let error):
            print("error=\(error)")
            return
        }
        let load = Clock.since(t)
        t = Clock.now()
        let size = Size(width: 120, height: 40)
        var state = AppState(catalog: catalog, language: .en, size: size)
        _ = view(state, size: size)
        let firstScreen = load + Clock.since(t)

        t = Clock.now()
        let index = onThread { SearchIndex(catalog: catalog) }
        let indexMs = Clock.since(t)

        // The same with the cache (what the browser does from the second start on): store,
        // then time a hit: hash, read, decode, lookups, first view.
        let cacheDir = URL(fileURLWithPath: path + ".cache")
        let cache = CatalogCache(directory: cacheDir)
        // Keyed by the file's hash, read in pieces (loading the catalog again to get its key
        // would hold two catalogs at once, which no run of festival does).
        if let file = FileIO.hash(ofFile: path, maxBytes: .max) {
            _ = cache.store(catalog: catalog, index: index, key: CatalogCache.Key(hash: file.hash, byteCount: file.byteCount))
        }
        onThread { index.warmUp() }   // as the browser's index thread does before handing the index over
        _ = update(&state, .libraryReady(Library(catalog: catalog, index: index)), now: Date())

        var latencies: [Double] = []
        if let frames = ProcessInfo.processInfo.environment["BENCH_VIEW_ONLY"].flatMap(Int.init) {
            // Profiling aid: one search screen drawn many times.
            _ = update(&state, .showSearch(ProcessInfo.processInfo.environment["BENCH_VIEW_QUERY"] ?? "honest", .everything), now: Date())
            var v = Clock.now()
            _ = view(state, size: size)
            let first = Clock.since(v)
            v = Clock.now()
            for _ in 0..<frames { _ = view(state, size: size) }
            print("firstView=\(fmt(first)) view=\(fmt(Clock.since(v) / Double(max(1, frames))))")
            return
        }
        if let rounds = ProcessInfo.processInfo.environment["BENCH_SEARCH_ONLY"].flatMap(Int.init) {
            // Profiling aid: the search alone, many times over (perf record -g this).
            var total = 0
            for _ in 0..<rounds {
                let chosen = ProcessInfo.processInfo.environment["BENCH_QUERIES"].map { $0.split(separator: ",").map(String.init) }
                for query in chosen ?? queries(catalog) {
                    var previous: [SearchIndex.Hit] = []
                    var previousQuery = SearchQuery("")
                    for end in 1...query.count {
                        let q = SearchQuery(String(query.prefix(end)))
                        let t1 = Clock.now()
                        previous = index.search(q, narrowing: q.narrows(previousQuery) ? previous : nil)   // as Library.hits
                        if rounds == 1 {
                            FileHandle.standardError.write(Data("\(String(query.prefix(end))) search=\(fmt(Clock.since(t1))) hits=\(previous.count)\n".utf8))
                        }
                        previousQuery = q
                        total += previous.count
                    }
                }
            }
            print("total=\(total)")
            return
        }
        for query in queries(catalog) {
            _ = update(&state, .key(.char("s")), now: Date())
            _ = update(&state, .key(.ctrl("u")), now: Date())
            for character in query {
                let k = Clock.now()
                _ = update(&state, .key(.char(character)), now: Date())
                let u = Clock.since(k)
                _ = view(state, size: size)
                latencies.append(Clock.since(k))
                if ProcessInfo.processInfo.environment["BENCH_VERBOSE"] != nil {
                    FileHandle.standardError.write(Data("  update=\(fmt(u)) view=\(fmt(latencies.last! - u))\n".utf8))
                }
            }
            if ProcessInfo.processInfo.environment["BENCH_VERBOSE"] != nil {
                let last = latencies.suffix(query.count).map { fmt($0) }.joined(separator: " ")
                FileHandle.standardError.write(Data("\(query): \(last)  hits=\(state.search.hits.count)\n".utf8))
            }
            _ = update(&state, .key(.escape), now: Date())
        }
        latencies.sort()
        let p50 = latencies[latencies.count / 2]
        let p99 = latencies[min(latencies.count - 1, Int(Double(latencies.count) * 0.99))]
        let pasted = pastes(catalog).map { text in pasteLatency(&state, text, size: size) }
        print("load=\(fmt(load)) first=\(fmt(firstScreen)) index=\(fmt(indexMs)) p50=\(fmt(p50)) p99=\(fmt(p99)) max=\(fmt(latencies.last!)) keys=\(latencies.count) peakMB=\(peakMemoryMB())"
              + " pasteRepeat=\(fmt(pasted[0].paste)) pasteWords=\(fmt(pasted[1].paste)) afterPasteMax=\(fmt(max(pasted[0].after, pasted[1].after)))")
    }

    /// Two pasted queries of 1,000 characters: `e ` repeated (the probe's), and the words of
    /// the catalog's own quotes.
    static func pastes(_ catalog: Catalog) -> [String] {
        var words = ""
        for quote in catalog.quotes.prefix(200) where words.count < 1_000 { words += (quote.text.en ?? quote.text.zhHant ?? "") + " " }
        return [String(repeating: "e ", count: 500), String(words.prefix(1_000))]
    }

    /// A paste into the search (one key, update + view), then the most one of the ten keys
    /// typed after it took (`" light"…`, each a narrowing).
    static func pasteLatency(_ state: inout AppState, _ text: String, size: Size) -> (paste: Double, after: Double) {
        _ = update(&state, .key(.char("s")), now: Date())
        _ = update(&state, .key(.ctrl("u")), now: Date())
        var k = Clock.now()
        _ = update(&state, .key(.paste(text)), now: Date())
        _ = view(state, size: size)
        let paste = Clock.since(k)
        var after = 0.0
        for character in " lighting " {
            k = Clock.now()
            _ = update(&state, .key(.char(character)), now: Date())
            let u = Clock.since(k)
            _ = view(state, size: size)
            after = max(after, Clock.since(k))
            if ProcessInfo.processInfo.environment["BENCH_VERBOSE"] != nil {
                FileHandle.standardError.write(Data("  after paste '\(character)': update=\(fmt(u)) view=\(fmt(Clock.since(k) - u)) hits=\(state.search.hits.count)\n".utf8))
            }
        }
        _ = update(&state, .key(.escape), now: Date())
        return (paste, after)
    }

    /// `work` on a thread of its own (with a large stack, as the browser's), waited for.
    static func onThread<T: Sendable>(_ work: @escaping @Sendable () -> T) -> T {
        let box = ThreadResult<T>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = work()
            done.signal()
        }
        thread.stackSize = 16 << 20
        thread.start()
        done.wait()
        return box.value!
    }

    /// In a fresh process, with the cache `one` stored: hash, read, decode, lookups, first view.
    static func cachedFirstScreen(path: String) {
        let cacheDir = URL(fileURLWithPath: path + ".cache")
        defer { try? FileManager.default.removeItem(at: cacheDir) }
        let t = Clock.now()
        guard let hit = try? CatalogCache(directory: cacheDir).load(path: path), hit.origin == .cache else {
            print("cachedFirst=miss")
            return
        }
        let size = Size(width: 120, height: 40)   // lookups are built after the first screen
        _ = view(AppState(catalog: hit.catalog, language: .en, size: size), size: size)
        print("cachedFirst=\(fmt(Clock.since(t)))")
    }

    /// Six-character queries taken from the catalog itself, so they match: English words
    /// and Chinese runs, from quotes spread through the file.
    static func queries(_ catalog: Catalog) -> [String] {
        var english: [String] = [], chinese: [String] = []
        var i = 7
        while (english.count < 8 || chinese.count < 8) && i < catalog.quotes.count {
            let quote = catalog.quotes[i]
            if english.count < 8, let en = quote.text.en {
                if let word = en.split(separator: " ").map({ $0.filter(\.isLetter) }).first(where: { $0.count >= 6 }) {
                    english.append(String(word.prefix(6)).lowercased())
                }
            }
            if chinese.count < 8, let zh = quote.text.zhHant {
                let han = Array(zh.filter { $0.unicodeScalars.first!.value >= 0x4E00 && $0.unicodeScalars.first!.value <= 0x9FFF })
                if han.count >= 10 { chinese.append(String(han[3..<9])) }
            }
            i += max(1, catalog.quotes.count / 40)
        }
        return english + chinese
    }

    static func peakMemoryMB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Int(line.split(separator: " ").dropFirst().first ?? "") else { return -1 }
        return kb / 1024
    }

    static func fmt(_ ms: Double) -> String { String(format: "%.2f", ms) }
}

/// The table the parent prints.
enum Report {
    static let header = "quotes     file MB  gen     load     first-screen  cached first  paint json  paint cached  index    key p50  key p99  key max  peak MB  paste e×500  paste words  key after paste"

    static func row(quotes: Int, fileBytes: Int, generatedMs: Double, child: String) -> String {
        var values: [String: String] = [:]
        for pair in child.split(separator: " ") {
            let kv = pair.split(separator: "=", maxSplits: 1)
            if kv.count == 2 { values[String(kv[0])] = String(kv[1]) }
        }
        if let error = values["error"] { return "\(quotes): \(error)" }
        func col(_ s: String?, _ w: Int) -> String { (s ?? "?").padding(toLength: w, withPad: " ", startingAt: 0) }
        return col(String(quotes), 11) + col(String(format: "%.1f", Double(fileBytes) / 1_048_576), 9)
            + col(String(format: "%.0f", generatedMs), 8) + col(values["load"], 9) + col(values["first"], 14)
            + col(values["cachedFirst"], 14) + col(values["paintJSON"], 12) + col(values["paintCached"], 14)
            + col(values["index"], 9) + col(values["p50"], 9) + col(values["p99"], 9) + col(values["max"], 9)
            + col(values["peakMB"], 9) + col(values["pasteRepeat"], 13) + col(values["pasteWords"], 13) + col(values["afterPasteMax"], 8)
    }
}

/// What a thread hands back (written before the semaphore is signalled, read after).
final class ThreadResult<T>: @unchecked Sendable {
    var value: T?
}
