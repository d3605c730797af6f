import Foundation
import Testing

/// The browser and the cache: a first run builds the index and stores the cache file
/// before it exits; a second run opens from it (and renews its time) and searches the same.
@Suite(.serialized) struct BrowserCacheE2ETests {
    static var binary: String { CLITests.binary.path }

    /// Opens the browser, searches `query`, returns the results screen, quits.
    static func searchAndQuit(_ catalog: String, cacheHome: URL, query: String) async throws -> String {
        let tmux = try Tmux()
        try await tmux.start("\(binary) --lang en --catalog \(catalog)",
                       env: ["TERM": "xterm-256color", "XDG_CACHE_HOME": cacheHome.path])
        _ = try await tmux.waitFor("1/10")
        try await tmux.send("s")
        _ = try await tmux.waitFor("Search")
        try await tmux.type(query)
        // The prompt line with the query and a count (the index is ready).
        let screen = try await tmux.wait { screen in
            screen.split(separator: "\n").contains { $0.hasPrefix("Search: \(query)") && $0.contains(" results") }
        }
        try await tmux.send("C-c", "C-c")   // leaves the search field, then quits
        #expect(await tmux.file("status")?.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        #expect(await tmux.file("before") == tmux.file("after"))
        return screen
    }

    @Test func firstRunStoresTheCacheSecondRunUsesIt() async throws {
        let dir = FileManager.default.temporaryDirectory.appending(path: "festival-browse-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalog = dir.appending(path: "generated.json").path
        #expect(try await CLITests.run(["generate", "--films", "10", "--quotes", "3000", "--seed", "8", "--output", catalog]).status == 0)
        let cacheHome = dir.appending(path: "cache")
        let cacheDir = cacheHome.appending(path: "festival")

        let first = try await Self.searchAndQuit(catalog, cacheHome: cacheHome, query: "light")
        let files = try FileManager.default.contentsOfDirectory(atPath: cacheDir.path).filter { $0.hasPrefix("catalog-") }
        #expect(files.count == 1)
        let file = cacheDir.appending(path: try #require(files.first)).path
        let old = Date(timeIntervalSinceNow: -3 * 86_400)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: file)

        let second = try await Self.searchAndQuit(catalog, cacheHome: cacheHome, query: "light")
        // The same prompt, count and result rows (the bottom lines may carry a passing message).
        func results(_ screen: String) -> [Substring] { Array(screen.split(separator: "\n").dropFirst().dropLast(2)) }
        #expect(results(second) == results(first), "\(first)\n---\n\(second)")
        let modified = try #require(try FileManager.default.attributesOfItem(atPath: file)[.modificationDate] as? Date)
        #expect(modified > old.addingTimeInterval(86_400))   // a hit renews the file's time
        #expect(try FileManager.default.contentsOfDirectory(atPath: cacheDir.path).filter { $0.hasPrefix("catalog-") } == files)
    }
}
