import Foundation
import Testing
@testable import FestivalCatalog
@testable import FestivalSearch
@testable import FestivalStorage

/// `festival search --catalog` through the cache: the second run reads the cache file and
/// prints the same; `FESTIVAL_NO_CACHE=1` writes nothing.
@Suite struct SearchCacheCLITests {
    static func sandbox() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appending(path: "festival-search-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    static func cacheFiles(_ cacheHome: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cacheHome.appending(path: "festival").path)) ?? [])
            .filter { $0.hasPrefix("catalog-") && $0.hasSuffix(".bin") }
    }

    @Test func secondRunReadsTheCacheAndPrintsTheSame() async throws {
        let dir = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalog = dir.appending(path: "generated.json").path
        #expect(try await CLITests.run(["generate", "--films", "20", "--quotes", "2000", "--seed", "4", "--output", catalog]).status == 0)
        let cacheHome = dir.appending(path: "cache")
        let env = ["XDG_CACHE_HOME": cacheHome.path]
        for args in [["search", "light", "--catalog", catalog, "--lang", "en"],
                     ["search", "light speaker:a", "--in", "quotes", "--json", "--limit", "5", "--catalog", catalog],
                     ["quotes", "--search", "light", "--catalog", catalog, "--lang", "en"]] {
            let first = try await CLITests.run(args, env: env)
            #expect(first.status == 0, "\(args): \(first.stderr)")
            #expect(!first.stdout.isEmpty)
            #expect(Self.cacheFiles(cacheHome).count == 1, "\(args)")
            let second = try await CLITests.run(args, env: env)
            #expect(second.status == first.status)
            #expect(second.stdout == first.stdout, "\(args)")
            #expect(second.stderr == first.stderr)
        }
        // The cache file is the one for this content.
        let key = CatalogCache.Key(bytes: try [UInt8](Data(contentsOf: URL(fileURLWithPath: catalog))))
        #expect(Self.cacheFiles(cacheHome) == [key.fileName])
        // Other commands read the cached catalog too, and say the same as without a cache.
        let films = try await CLITests.run(["films", "--catalog", catalog, "--lang", "en"], env: env)
        let uncached = try await CLITests.run(["films", "--catalog", catalog, "--lang", "en"], env: ["FESTIVAL_NO_CACHE": "1"])
        #expect(films.status == 0)
        #expect(films.stdout == uncached.stdout)
    }

    /// zstd is opened at run time: a machine without libzstd.so.1 (`FESTIVAL_NO_ZSTD`) writes
    /// plain chunks, refuses a compressed cache file and makes it again, and prints the same.
    @Test func aCacheFileIsReadWithOrWithoutZstd() async throws {
        let dir = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalog = dir.appending(path: "generated.json").path
        #expect(try await CLITests.run(["generate", "--films", "20", "--quotes", "20000", "--seed", "5", "--output", catalog]).status == 0)
        let cacheHome = dir.appending(path: "cache")
        let args = ["search", "light", "--catalog", catalog, "--lang", "en", "--limit", "3000"]
        func size() throws -> Int {
            let name = try #require(Self.cacheFiles(cacheHome).first)
            return try FileManager.default.attributesOfItem(atPath: cacheHome.appending(path: "festival/\(name)").path)[.size] as! Int
        }
        let compressed = try await CLITests.run(args, env: ["XDG_CACHE_HOME": cacheHome.path])
        #expect(compressed.status == 0 && !compressed.stdout.isEmpty)
        let compressedSize = try size()
        for env in [["FESTIVAL_NO_ZSTD": "1"], ["FESTIVAL_NO_ZSTD": "1"], [:]] {
            let run = try await CLITests.run(args, env: env.merging(["XDG_CACHE_HOME": cacheHome.path]) { $1 })
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout == compressed.stdout, "\(env)")
            #expect(Self.cacheFiles(cacheHome).count == 1)
            #expect(try size() > compressedSize, "\(env): the plain file is kept and read")
        }
    }

    @Test func noCacheWritesNothing() async throws {
        let dir = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalog = dir.appending(path: "generated.json").path
        #expect(try await CLITests.run(["generate", "--films", "5", "--quotes", "300", "--seed", "9", "--output", catalog]).status == 0)
        let cacheHome = dir.appending(path: "cache")
        let env = ["XDG_CACHE_HOME": cacheHome.path, "FESTIVAL_NO_CACHE": "1"]
        let first = try await CLITests.run(["search", "light", "--catalog", catalog], env: env)
        let second = try await CLITests.run(["search", "light", "--catalog", catalog], env: env)
        #expect(first.status == second.status)
        #expect(first.stdout == second.stdout)
        #expect(!FileManager.default.fileExists(atPath: cacheHome.path))
    }

    @Test func corruptCacheFileIsReplacedAndTheOutputIsUnchanged() async throws {
        let dir = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalog = dir.appending(path: "generated.json").path
        #expect(try await CLITests.run(["generate", "--films", "5", "--quotes", "300", "--seed", "2", "--output", catalog]).status == 0)
        let cacheHome = dir.appending(path: "cache")
        let env = ["XDG_CACHE_HOME": cacheHome.path]
        let first = try await CLITests.run(["search", "light", "--catalog", catalog], env: env)
        let file = cacheHome.appending(path: "festival").appending(path: try #require(Self.cacheFiles(cacheHome).first))
        var bytes = try [UInt8](Data(contentsOf: file))
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes.prefix(bytes.count - 100)).write(to: file)
        let second = try await CLITests.run(["search", "light", "--catalog", catalog], env: env)
        #expect(second.status == first.status)
        #expect(second.stdout == first.stdout)
        #expect(second.stderr == first.stderr)
        // Rewritten whole.
        let third = try await CLITests.run(["search", "light", "--catalog", catalog], env: env)
        #expect(third.stdout == first.stdout)
        #expect(try Data(contentsOf: file).count > bytes.count - 100)
    }

    /// A cached search decodes only the quotes it prints; a cache file whose quotes are
    /// damaged where no checksum can tell (crafted: a speaker nobody is) is found out when
    /// they are printed: the output is the JSON's, and the file is replaced.
    @Test func aCacheFileWithDamagedQuotesIsFoundWhenTheyArePrinted() async throws {
        let dir = try Self.sandbox()
        defer { try? FileManager.default.removeItem(at: dir) }
        let catalogPath = dir.appending(path: "generated.json").path
        #expect(try await CLITests.run(["generate", "--films", "5", "--quotes", "300", "--seed", "2", "--output", catalogPath]).status == 0)
        let cacheHome = dir.appending(path: "cache")
        let env = ["XDG_CACHE_HOME": cacheHome.path]
        let args = ["search", "light", "--in", "quotes", "--limit", "3", "--catalog", catalogPath, "--lang", "en"]
        let uncached = try await CLITests.run(args, env: ["FESTIVAL_NO_CACHE": "1"])
        #expect(uncached.status == 0 && uncached.stdout.split(separator: "\n").count == 4)
        #expect(try await CLITests.run(args, env: env).stdout == uncached.stdout)
        #expect(try await CLITests.run(args, env: env).stdout == uncached.stdout, "from the cache file")
        // The same file, made for a catalog one of whose quotes has an unknown speaker.
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: catalogPath)))
        let good = try CatalogLoader.load(bytes: bytes, file: catalogPath)
        var broken = good
        broken.quotes[0].speaker = "nobody"
        let key = CatalogCache.Key(bytes: bytes)
        let file = cacheHome.appending(path: "festival").appending(path: key.fileName)
        let crafted = CatalogCache.encode(catalog: broken, index: SearchIndex(catalog: good), key: key)
        try Data(crafted).write(to: file)
        let damaged = try await CLITests.run(args, env: env)
        #expect(damaged.status == 0 && damaged.stdout == uncached.stdout && damaged.stderr == uncached.stderr)
        #expect(try Data(contentsOf: file) != Data(crafted), "replaced by a good file")
        #expect(try await CLITests.run(args, env: env).stdout == uncached.stdout)
    }
}
