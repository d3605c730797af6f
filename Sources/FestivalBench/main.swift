// festival-bench: load, index, first-screen and per-keystroke search numbers for synthetic
// catalogs of 10k, 100k and 1M quotes, peak memory, and `festival search` against
// `fzf --filter`. Run it in release: `swift run -c release festival-bench`.
//
// Each size is measured in a child process (`festival-bench --one PATH`) so its peak
// memory is its own.
import FestivalCatalog
import FestivalSynthetic
import FestivalUI
import Foundation
import TextGrid

let arguments = CommandLine.arguments
if arguments.count >= 3 && arguments[1] == "--one" {
    Measure.one(path: arguments[2])
    exit(0)
}
if arguments.count >= 3 && arguments[1] == "--cached" {
    Measure.cachedFirstScreen(path: arguments[2])
    exit(0)
}
// `--generate QUOTES PATH [--lines]`: the catalog of that size (and, with --lines, its quotes
// as fzf's lines beside it), made in a child so that this process never holds a catalog:
// a child started from here inherits this process's peak memory into its own maximum
// (`wait4`'s ru_maxrss; Linux carries it across the exec), which would hide theirs.
if arguments.count >= 4 && arguments[1] == "--generate", let quotes = Int(arguments[2]) {
    let catalog = CatalogGenerator(films: Bench.films(quotes: quotes), quotes: quotes, seed: 2025).catalog()
    let bytes = CatalogEncoder.bytes(catalog)
    guard FileManager.default.createFile(atPath: arguments[3], contents: Data(bytes)) else { exit(1) }
    if arguments.contains("--lines") { FzfComparison.writeLines(catalog, to: arguments[3] + ".lines") }
    print("generated")
    exit(0)
}

if arguments.contains("--plan") {
    PlanBench.run(arguments)
    exit(0)
}

if arguments.contains("--shelf") {
    let dir = FileManager.default.temporaryDirectory.appending(path: "festival-bench-shelf-\(getpid())")
    defer { try? FileManager.default.removeItem(at: dir) }
    for entries in [1_000, 10_000, 100_000] {
        let r = ShelfBench.run(entries: entries, in: dir)
        print("shelf change, \(entries) entries: p50 \(Measure.fmt(r.p50)) ms, max \(Measure.fmt(r.max)) ms")
    }
    let catalog = CatalogGenerator(films: 1_000, quotes: 10_000, seed: 2025).catalog()
    for entries in [30, 30_000, 300_000] {
        let r = ShelfTabBench.run(entries: entries, catalog: catalog)
        print("Shelf tab, \(entries) entries: opening \(Measure.fmt(r.open)) ms, j p50 \(Measure.fmt(r.p50)) ms, max \(Measure.fmt(r.max)) ms")
    }
    exit(0)
}

var sizes = [10_000, 100_000, 1_000_000]
if let i = arguments.firstIndex(of: "--sizes"), i + 1 < arguments.count {
    sizes = arguments[i + 1].split(separator: ",").compactMap { Int($0) }
}
let directory = FileManager.default.temporaryDirectory.appending(path: "festival-bench-\(getpid())")
try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }

#if DEBUG
print("festival-bench: this is a DEBUG build; numbers are meaningless. Use: swift run -c release festival-bench")
#endif
print("festival-bench  (\(ProcessInfo.processInfo.activeProcessorCount) cores; times in ms)")
print("")
print(Report.header)
var fzfCatalog: (path: String, quotes: Int)?
var peerRows: [String] = []
for quotes in sizes {
    let path = directory.appending(path: "catalog-\(quotes).json").path
    let films = Bench.films(quotes: quotes)
    let started = Clock.now()
    let lines = quotes == 100_000 || (fzfCatalog == nil && quotes == sizes.last)
    guard Child.run(Bundle.main.executablePath ?? arguments[0], ["--generate", String(quotes), path] + (lines ? ["--lines"] : [])) != nil else {
        print("\(quotes): generating the catalog failed")
        continue
    }
    let generated = Clock.since(started)
    let fileBytes = ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
    guard let line = Child.run(Bundle.main.executablePath ?? arguments[0], ["--one", path]) else {
        print("\(quotes): the measuring child failed")
        continue
    }
    let cached = Child.run(Bundle.main.executablePath ?? arguments[0], ["--cached", path]) ?? ""
    var paint = ""
    if let festival = FirstPaint.festival {
        // The real browser: a first start (no cache yet), then a second one (from the cache).
        let home = directory.appending(path: "home-\(quotes)").path
        let marker = "1/\(films)"   // the film list's position, in the status bar
        let first = FirstPaint.measure(festival: festival, catalog: path, home: home, marker: marker)
        let second = FirstPaint.measure(festival: festival, catalog: path, home: home, marker: marker)
        paint = " paintJSON=\(first.map(Measure.fmt) ?? "?") paintCached=\(second.map(Measure.fmt) ?? "?")"
        try? FileManager.default.removeItem(atPath: home)
    }
    print(Report.row(quotes: quotes, fileBytes: fileBytes, generatedMs: generated, child: line + " " + cached + paint))
    if let festival = FirstPaint.festival {
        peerRows.append(Peers.row(festival: festival, path: path, quotes: quotes, home: directory.appending(path: "cli-\(quotes)").path))
    }
    if lines { fzfCatalog = (path, quotes) }
}
if !peerRows.isEmpty {
    print("")
    print("The CLI (`festival search the --limit 1`: a first run parses, indexes and caches; then a cached run) and peers")
    print("reading the same file (jq '.quotes|length', Python json.load); ms, medians of 3 (1 at 1M); MB = that process's peak.")
    print(Peers.header)
    peerRows.forEach { print($0) }
}
print("")
let shelf = ShelfBench.run(entries: 10_000, in: directory)
print("shelf change (10,000 entries: lock, re-read, write, fsync, rename): p50 \(Measure.fmt(shelf.p50)) ms, max \(Measure.fmt(shelf.max)) ms")
print("")
print("keys: p50/p99 over every keystroke of typing each query one character at a time (update + view).")
print("paste: a 1,000-character query pasted into the search as one key (update + view): `e ` 500 times, and the")
print("       words of the catalog's quotes; key after paste: the slowest of the 10 keys typed after either.")
print("first screen: load + the film list rendered; the index builds in the background after it.")
print("cached first: the same from the cache (what every start after the first does).")
print("paint: the festival binary on a 120x40 pseudo-terminal, from its start until the film list is on the terminal;")
print("       a first start (from the JSON), then a second (from the cache). Needs `swift build -c release` for festival.")
if let fzfCatalog { FzfComparison.run(catalogPath: fzfCatalog.path, quotes: fzfCatalog.quotes) }

/// What the parent and its children agree on.
enum Bench {
    /// Films in the benchmark's catalog of `quotes` quotes.
    static func films(quotes: Int) -> Int { max(10, quotes / 100) }
}
