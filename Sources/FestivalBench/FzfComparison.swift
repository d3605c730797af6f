import FestivalCatalog
import Foundation

/// `festival search Q --catalog big.json` end to end against `fzf --filter Q` over the same
/// quotes as plain lines (one run each after a warm-up, so both read from the page cache).
enum FzfComparison {
    /// One line per quote: both texts and the speaker's id, as fzf would see them.
    static func writeLines(_ catalog: Catalog, to path: String) {
        var out = ""
        out.reserveCapacity(catalog.quotes.count * 200)
        for quote in catalog.quotes {
            out += [quote.text.zhHant, quote.text.en, quote.speaker].compactMap { $0 }.joined(separator: " ")
            out += "\n"
        }
        _ = FileManager.default.createFile(atPath: path, contents: Data(out.utf8))
    }

    static func run(catalogPath: String, quotes: Int) {
        print("")
        guard let fzf = which("fzf") else {
            print("fzf comparison skipped: fzf is not installed (apt-get install fzf)")
            return
        }
        let festival = URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0])
            .deletingLastPathComponent().appending(path: "festival").path
        guard FileManager.default.isExecutableFile(atPath: festival) else {
            print("fzf comparison skipped: build the festival binary too (swift build -c release)")
            return
        }
        defer { try? FileManager.default.removeItem(atPath: cacheDirectory) }
        print("festival search vs fzf --filter, \(quotes) quotes (ms, one run after a warm-up):")
        print("query      festival  fzf      ratio (festival / fzf)")
        for query in ["camera", "電影", "light"] {
            // The warm-up run stores the cache; the timed one reads it (as any second search does).
            let ours = time(festival, ["search", query, "--in", "quotes", "--catalog", catalogPath], stdin: nil)
            let theirs = time(fzf, ["--filter", query], stdin: catalogPath + ".lines")
            let ratio = theirs > 0 ? ours / theirs : .nan
            print(query.padding(toLength: 11 - (query.unicodeScalars.first!.value > 0x2E80 ? query.count : 0), withPad: " ", startingAt: 0)
                  + String(format: "%-10.1f%-9.1f%.2f", ours, theirs, ratio))
        }
    }

    /// Milliseconds of one run (after one untimed warm-up), output discarded.
    static func time(_ path: String, _ args: [String], stdin: String?) -> Double {
        _ = launch(path, args, stdin: stdin)
        return launch(path, args, stdin: stdin)
    }

    static func launch(_ path: String, _ args: [String], stdin: String?) -> Double {
        Spawn.milliseconds(path, args, setting: ["XDG_CACHE_HOME": cacheDirectory], stdin: stdin)
    }

    /// The festival runs' cache (removed at the end).
    static let cacheDirectory = FileManager.default.temporaryDirectory.appending(path: "festival-bench-cache-\(getpid())").path

    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
