import Foundation
import Testing
@testable import FestivalCatalog
@testable import FestivalSearch
@testable import FestivalStorage
@testable import FestivalSynthetic
#if canImport(Glibc)
import Glibc
#endif

/// A cached start found from the file's identity (path, inode, size, times) without reading
/// the file, and everything that must make it miss or be corrected.
@Suite struct CatalogIdentityTests {
    typealias Sandbox = CatalogCacheTests.Sandbox

    static let catalog = CatalogGenerator(films: 5, quotes: 120, seed: 21).catalog()

    /// Waits until files written now are past the racy window (only then is an identity recorded).
    static func settle() { Thread.sleep(forTimeInterval: Double(CatalogIdentity.racyWindow) + 0.2) }

    @Test func aFileChangedJustNowIsHashedEveryTime() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let path = try box.write(Self.catalog)
        _ = box.cache.index(for: try box.cache.load(path: path))
        let second = try box.cache.load(path: path)
        #expect(second.origin == .cache && second.trustedIdentity == nil, "a hit, found by hashing")
        let records = try FileManager.default.contentsOfDirectory(atPath: box.cacheDirectory.path).filter { $0.hasPrefix("path-") }
        #expect(records.isEmpty, "no identity recorded inside the racy window")
    }

    @Test func theSecondStartTrustsTheIdentityAndConfirmsIt() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let path = try box.write(Self.catalog)
        Self.settle()
        let first = try box.cache.load(path: path)
        #expect(first.origin == .json && first.trustedIdentity == nil)
        _ = box.cache.index(for: first)
        #expect(box.cacheFiles.count == 1)
        let records = try FileManager.default.contentsOfDirectory(atPath: box.cacheDirectory.path).filter { $0.hasPrefix("path-") }
        #expect(records.count == 1, "the identity is recorded with the cache file")
        let second = try box.cache.load(path: path)
        #expect(second.origin == .cache && second.catalog == Self.catalog)
        #expect(second.trustedIdentity != nil, "found without hashing the file")
        #expect(box.cache.confirm(second))
    }

    /// What a cached browser start shows first: the catalog without its quotes, from the
    /// cache file its identity finds; nothing for a file without one or an edited file.
    @Test func theCachedStartIsTheCatalogWithoutItsQuotes() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let path = try box.write(Self.catalog)
        Self.settle()
        #expect(box.cache.cachedStart(path: path) == nil, "no cache file yet")
        _ = box.cache.index(for: try box.cache.load(path: path))
        let start = try #require(box.cache.cachedStart(path: path))
        #expect(start.quotes.isEmpty)
        #expect(start.films == Self.catalog.films && start.people == Self.catalog.people && start.festival == Self.catalog.festival)
        #expect(start.sources == Self.catalog.sources && start.topics == Self.catalog.topics)
        #expect(CatalogCache.disabled.cachedStart(path: path) == nil)
        let printed = try #require(box.cache.start(path: path))
        #expect(printed.knownValid && printed.catalog == start, "what `festival films` prints, without reading the JSON")
        try Data(CatalogEncoder.json(Self.catalog).utf8 + Array("\n".utf8)).write(to: URL(fileURLWithPath: path))
        #expect(box.cache.cachedStart(path: path) == nil, "an edited file has another identity")
    }

    @Test func aFileEditedToTheSameSizeAndTimeStillMisses() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let path = try box.write(Self.catalog)
        Self.settle()
        _ = box.cache.index(for: try box.cache.load(path: path))
        #expect(try box.cache.load(path: path).trustedIdentity != nil)
        var info = stat()
        #expect(stat(path, &info) == 0)
        // Same length, same modification time put back: only the change time tells.
        var edited = Self.catalog
        let old = edited.quotes[0].text.en ?? ""
        edited.quotes[0].text.en = String(old.reversed())
        try Data(CatalogEncoder.json(edited).utf8).write(to: URL(fileURLWithPath: path))
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        let loaded = try box.cache.load(path: path)
        #expect(loaded.catalog == edited, "the edit is seen")
        #expect(loaded.trustedIdentity == nil)
    }

    @Test func aStaleRecordIsCaughtByTheConfirmationAndForgotten() throws {
        let box = try Sandbox()
        defer { box.remove() }
        // The same length (a record's key must have the file's size), other content.
        var other = Self.catalog
        other.quotes[0].text.en = String((other.quotes[0].text.en ?? "").reversed())
        let path = try box.write(Self.catalog)
        let otherPath = try box.write(other, as: "other.json")
        Self.settle()
        _ = box.cache.index(for: try box.cache.load(path: path))
        let otherLoaded = try box.cache.load(path: otherPath)
        _ = box.cache.index(for: otherLoaded)
        // A record that says this file has the other one's content (as if written in the
        // same nanosecond as an edit, or by a clock that went back).
        let identity = try #require(CatalogIdentity(path: path))
        box.cache.record(try #require(otherLoaded.key), for: identity)
        let wrong = try box.cache.load(path: path)
        #expect(wrong.catalog == other && wrong.trustedIdentity != nil)
        #expect(!box.cache.confirm(wrong), "hashing the file shows it")
        let right = try box.cache.load(path: path)
        #expect(right.catalog == Self.catalog && right.trustedIdentity == nil)
    }

    @Test func identityRecordsArePruned() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try FileManager.default.createDirectory(at: box.cacheDirectory, withIntermediateDirectories: true)
        for n in 0..<80 {
            let url = box.cacheDirectory.appending(path: "path-\(String(format: "%016x", n)).key")
            try Data([1]).write(to: url)
            var times = [timespec(tv_sec: 1_700_000_000 + n, tv_nsec: 0), timespec(tv_sec: 1_700_000_000 + n, tv_nsec: 0)]
            _ = utimensat(AT_FDCWD, url.path, &times, 0)
        }
        box.cache.prune(keeping: "none", now: Date(timeIntervalSince1970: 1_700_000_100))
        let left = try FileManager.default.contentsOfDirectory(atPath: box.cacheDirectory.path).filter { $0.hasPrefix("path-") }
        #expect(left.count == 64)
        #expect(!left.contains("path-0000000000000000.key"), "the oldest go")
    }
}
