import BuiltinCatalog
import Foundation
import Testing
@testable import FestivalIO
@testable import FestivalCatalog
@testable import FestivalSearch
@testable import FestivalStorage
@testable import FestivalSynthetic

/// The binary catalog form and the cache file: round trips, hits and misses, corrupt and
/// stale files, unwritable directories. Every test uses its own temporary directory (tests
/// run in parallel in one process, so nothing here touches the environment).
@Suite struct CatalogCacheTests {
    /// A fresh directory holding a catalog file and a cache directory inside it.
    struct Sandbox {
        let root: URL
        var cacheDirectory: URL { root.appending(path: "cache") }
        var cache: CatalogCache { CatalogCache(directory: cacheDirectory) }

        init() throws {
            root = FileManager.default.temporaryDirectory.appending(path: "festival-cache-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        }

        func write(_ catalog: Catalog, as name: String = "catalog.json") throws -> String {
            let url = root.appending(path: name)
            try Data(CatalogEncoder.json(catalog).utf8).write(to: url)
            return url.path
        }

        var cacheFiles: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: cacheDirectory.path)) ?? [])
                .filter { $0.hasPrefix("catalog-") }.sorted()
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static let generated = CatalogGenerator(films: 12, quotes: 1_500, seed: 11).catalog()

    // MARK: - The binary form

    @Test func builtinCatalogRoundTrips() throws {
        let catalog = try RoundTripTests.builtin()
        var w = BinaryWriter()
        catalog.encode(to: &w)
        var r = BinaryReader(w.bytes)
        #expect(try Catalog(decoding: &r) == catalog)
        #expect(r.isAtEnd)
    }

    @Test func anAwardWithoutItsTierRoundTrips() throws {
        var catalog = try CatalogLoader.load(bytes: Array(TestSupport.minimalText.utf8), file: "m.json")
        catalog.films[0].award = Award(tier: nil, place: 6)
        var w = BinaryWriter()
        catalog.encode(to: &w)
        var r = BinaryReader(w.bytes)
        #expect(try Catalog(decoding: &r) == catalog)
        #expect(catalog.integrityProblem() == nil)
    }

    @Test func generatedCatalogRoundTripsInOneChunkOrMany() throws {
        for perChunk in [16_384, 1_000, 7, 1] {
            var w = BinaryWriter()
            Self.generated.encode(to: &w, quotesPerChunk: perChunk)
            var r = BinaryReader(w.bytes)
            let decoded = try Catalog(decoding: &r)
            #expect(decoded == Self.generated, "\(perChunk) quotes per chunk")
            #expect(r.isAtEnd)
        }
    }

    @Test func stringsKeepTheirExactBytes() throws {
        // Canonically equivalent spellings are equal Strings but must stay distinct bytes.
        var catalog = try CatalogLoader.load(bytes: Array(TestSupport.minimalText.utf8), file: "m")
        catalog.quotes[0].text = LocalizedText(zhHant: "e\u{301}cole", en: "\u{E9}cole")
        catalog.quotes[0].context.place = LocalizedText(zhHant: "\u{E9}", en: "e\u{301}")
        var w = BinaryWriter()
        catalog.encode(to: &w)
        var r = BinaryReader(w.bytes)
        let quote = try Catalog(decoding: &r).quotes[0]
        #expect(Array(quote.text.zhHant!.utf8) == Array("e\u{301}cole".utf8))
        #expect(Array(quote.text.en!.utf8) == Array("\u{E9}cole".utf8))
        #expect(Array(quote.context.place.zhHant!.utf8) == Array("\u{E9}".utf8))
        #expect(Array(quote.context.place.en!.utf8) == Array("e\u{301}".utf8))
    }

    @Test func everyTruncationThrows() throws {
        var w = BinaryWriter()
        try RoundTripTests.builtin().encode(to: &w)
        for cut in 0..<w.bytes.count {
            var r = BinaryReader(Array(w.bytes[..<cut]))
            #expect(throws: BinaryReader.Corrupt.self) { _ = try Catalog(decoding: &r) }
        }
    }

    @Test func damagedBytesThrowOrDecodeButNeverCrash() throws {
        var w = BinaryWriter()
        Self.generated.encode(to: &w, quotesPerChunk: 300)
        var random = SyntheticRandom(seed: 5, stream: 9)
        for round in 0..<400 {
            var bytes = w.bytes
            for _ in 0...(round % 4) {
                let at = random.below(bytes.count)
                bytes[at] = round % 3 == 0 ? 0xFF : bytes[at] ^ UInt8(1 << random.below(8))
            }
            var r = BinaryReader(bytes)
            _ = try? Catalog(decoding: &r)
        }
    }

    @Test func unknownEnumValueThrows() throws {
        var w = BinaryWriter()
        try RoundTripTests.builtin().encode(to: &w)
        // Every "interview" becomes "intervieX": texts stay valid, the quote kind does not.
        var bytes = w.bytes
        let word = Array("interview".utf8)
        var replaced = 0
        for i in 0...(bytes.count - word.count) where Array(bytes[i..<(i + word.count)]) == word {
            bytes[i + word.count - 1] = UInt8(ascii: "X")
            replaced += 1
        }
        #expect(replaced > 0)
        var r = BinaryReader(bytes)
        #expect(throws: BinaryReader.Corrupt.self) { _ = try Catalog(decoding: &r) }
    }

    // MARK: - The hash

    @Test func hashIsXXH64() {
        #expect(CatalogCache.contentHash([]) == 0xEF46_DB37_51D8_E999)
        #expect(CatalogCache.contentHash(Array("abc".utf8)) == 0x44BC_2CF5_AD77_0999)
        // Low 32 bits as `zstd --check` writes them for the same bytes.
        let long = (0..<100_003).map { UInt8(($0 * 31 + 7) % 251) }
        #expect(UInt32(truncatingIfNeeded: CatalogCache.contentHash(long)) == 0x6BEB_233A)
        #expect(UInt32(truncatingIfNeeded: CatalogCache.contentHash(Array(long.prefix(37)))) == 0x8214_27DF)
    }

    @Test func hashIsDeterministicAndSeesEveryByte() {
        let bytes = (0..<1_000).map { UInt8(($0 * 7 + 3) % 256) }
        let hash = CatalogCache.contentHash(bytes)
        #expect(CatalogCache.contentHash(bytes) == hash)
        var seen: Set<UInt64> = [hash]
        for i in bytes.indices {
            var changed = bytes
            changed[i] &+= 1
            seen.insert(CatalogCache.contentHash(changed))
        }
        seen.insert(CatalogCache.contentHash(bytes + [0]))
        seen.insert(CatalogCache.contentHash(Array(bytes.dropLast())))
        #expect(seen.count == bytes.count + 3)
    }

    @Test func streamingHashEqualsOneShot() {
        let bytes = (0..<5_000).map { UInt8(($0 * 131 + 17) % 256) }
        for count in [0, 1, 3, 4, 7, 8, 31, 32, 33, 63, 64, 100, 4_999] {
            let data = Array(bytes.prefix(count))
            for split in Set([0, 1, count / 3, count / 2, max(0, count - 1), count]) where split <= count {
                var hash = ContentHash.Streaming()
                data.withUnsafeBytes { raw in
                    hash.update(UnsafeRawBufferPointer(rebasing: raw[..<split]))
                    // The rest in uneven pieces.
                    var at = split
                    while at < count {
                        let end = min(count, at + 5)
                        hash.update(UnsafeRawBufferPointer(rebasing: raw[at..<end]))
                        at = end
                    }
                }
                #expect(hash.finish() == CatalogCache.contentHash(data), "\(count) split at \(split)")
            }
        }
    }

    // MARK: - Where the cache is

    @Test func directoryFromTheEnvironment() {
        #expect(CatalogCache.standard(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/u"]).directory?.path
                == "/x/cache/festival")
        #expect(CatalogCache.standard(environment: ["HOME": "/home/u"]).directory?.path == "/home/u/.cache/festival")
        // A relative XDG_CACHE_HOME is ignored, as the spec says.
        #expect(CatalogCache.standard(environment: ["XDG_CACHE_HOME": "rel", "HOME": "/home/u"]).directory?.path
                == "/home/u/.cache/festival")
        #expect(CatalogCache.standard(environment: [:]).directory == nil)
        #expect(CatalogCache.standard(environment: ["XDG_CACHE_HOME": "/x", "FESTIVAL_NO_CACHE": "1"]).directory == nil)
        #expect(CatalogCache.standard(environment: ["XDG_CACHE_HOME": "/x", "FESTIVAL_NO_CACHE": "0"]).directory != nil)
    }

    @Test func fileNameIsTheHashInHex() {
        #expect(CatalogCache.Key(hash: 0xAB, byteCount: 1).fileName == "catalog-00000000000000ab.bin")
        #expect(CatalogCache.Key(hash: .max, byteCount: 1).fileName == "catalog-ffffffffffffffff.bin")
    }

    // MARK: - Loading through the cache

    @Test func missThenHit() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let catalog = try RoundTripTests.builtin()
        let path = try box.write(catalog)
        let first = try box.cache.load(path: path)
        #expect(first.origin == .json)
        #expect(first.catalog == catalog)
        #expect(box.cacheFiles.isEmpty)
        let built = box.cache.index(for: first)
        let key = try #require(first.key)
        #expect(box.cacheFiles == [key.fileName])

        let second = try box.cache.load(path: path)
        #expect(second.origin == .cache)
        #expect(second.key == key)
        #expect(second.catalog == catalog)
        let cached = try #require(box.cache.cachedIndex(second))
        #expect(cached.fits(second.catalog))
        for q in ["camera", "版權", "speaker:valenzuela", "Valenzuela 電影"] {
            #expect(cached.search(SearchQuery(q)) == built.search(SearchQuery(q)), "\(q)")
        }
        // Handed out once, then the bytes are gone.
        #expect(box.cache.cachedIndex(second) == nil)
        // Without the index, and through index(for:), a hit writes nothing new.
        #expect(try box.cache.load(path: path, withIndex: false).catalog == catalog)
        _ = box.cache.index(for: try box.cache.load(path: path))
        #expect(box.cacheFiles == [key.fileName])
    }

    @Test func generatedCatalogThroughTheCache() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let path = try box.write(Self.generated)
        let first = try box.cache.load(path: path)
        let built = box.cache.index(for: first)
        let second = try box.cache.load(path: path)
        #expect(second.origin == .cache)
        #expect(second.catalog == Self.generated)
        let index = try #require(box.cache.cachedIndex(second))
        #expect(index.search(SearchQuery("light")) == built.search(SearchQuery("light")))
    }

    @Test func theFileIsWrittenAsItIsEncodedAndIsTheSameAtAnyChunkSize() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let path = try box.write(Self.generated)
        let first = try box.cache.load(path: path)
        let index = box.cache.index(for: first)
        let key = try #require(first.key)
        let stored = try Array(Data(contentsOf: try #require(box.cache.fileURL(for: key))))
        #expect(stored == CatalogCache.encode(catalog: Self.generated, index: index, key: key), "the default chunk")
        for chunk in [1, 7, 4096] {
            #expect(CatalogCache.encode(catalog: Self.generated, index: index, key: key, chunk: chunk) == stored, "chunk \(chunk)")
        }
        let (catalog, decoded) = try CatalogCache.decode(stored, key: key)
        #expect(catalog == Self.generated && decoded.search(SearchQuery("light")) == index.search(SearchQuery("light")))
        // The writer hands large arrays on whole and never keeps more than about a chunk.
        var pieces: [Int] = []
        var w = BinaryWriter(chunk: 64) { pieces.append($0.count) }
        w.int32Array([Int32](repeating: 7, count: 1000))
        for _ in 0..<100 { w.u32(1) }
        w.flush()
        #expect(pieces.first == 4 && pieces.dropFirst().first == 4000, "the array went on as it is: \(pieces.prefix(3))")
        #expect(pieces.dropFirst(2).allSatisfy { $0 <= 64 + 4 } && w.count == 4 + 4000 + 400 && w.bytes.isEmpty)
    }

    @Test func editedCatalogMissesAndGetsItsOwnFile() throws {
        let box = try Sandbox()
        defer { box.remove() }
        var catalog = try RoundTripTests.builtin()
        let path = try box.write(catalog)
        _ = box.cache.index(for: try box.cache.load(path: path))
        let oldFiles = box.cacheFiles
        #expect(oldFiles.count == 1)

        catalog.quotes[0].text.en = "Edited after caching."
        _ = try box.write(catalog)
        let edited = try box.cache.load(path: path)
        #expect(edited.origin == .json)
        #expect(edited.catalog.quotes[0].text.en == "Edited after caching.")
        _ = box.cache.index(for: edited)
        #expect(box.cacheFiles.count == 2)
        let again = try box.cache.load(path: path)
        #expect(again.origin == .cache)
        #expect(again.catalog.quotes[0].text.en == "Edited after caching.")
    }

    @Test func damagedCacheFilesAreRemovedAndTheJSONLoads() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let catalog = Self.generated
        let path = try box.write(catalog)
        _ = box.cache.index(for: try box.cache.load(path: path))
        let key = try #require(try box.cache.load(path: path).key)
        let file = try #require(box.cache.fileURL(for: key))
        let good = try [UInt8](Data(contentsOf: file))

        var flippedEarly = good
        flippedEarly[CatalogCache.headerSize + 3] ^= 0x01
        var catalogChecksum = good
        catalogChecksum[CatalogCache.headerSize - 17] ^= 0x80
        var otherVersion = good
        otherVersion[CatalogCache.magic.count] &+= 1
        var flippedLate = good
        flippedLate[good.count - 20] ^= 0x10
        var indexChecksum = good
        indexChecksum[CatalogCache.headerSize - 1] ^= 0x80
        // Damage before the index: the catalog comes from its JSON.
        let damaged: [(String, [UInt8])] = [
            ("empty", []),
            ("header only", Array(good.prefix(CatalogCache.headerSize))),
            ("truncated", Array(good.prefix(good.count / 2))),
            ("one byte short", Array(good.dropLast())),
            ("one byte more", good + [0]),
            ("bit flipped in the catalog", flippedEarly),
            ("bad catalog checksum", catalogChecksum),
            ("another format version", otherVersion),
            ("garbage", (0..<5_000).map { UInt8(($0 * 97 + 13) % 256) }),
        ]
        for (name, bytes) in damaged {
            try Data(bytes).write(to: file)
            let loaded = try box.cache.load(path: path)
            #expect(loaded.origin == .json, "\(name)")
            #expect(loaded.catalog == catalog, "\(name)")
            #expect(!FileManager.default.fileExists(atPath: file.path), "\(name): the damaged file is removed")
            // The next store puts a good one back.
            _ = box.cache.index(for: loaded)
            #expect(try box.cache.load(path: path).origin == .cache, "\(name)")
        }
        // Damage in the index alone: the catalog is shown from the cache, the index is
        // found damaged when it is read, the file removed and the index built again.
        let reference = SearchIndex(catalog: catalog).search(SearchQuery("the"))
        for (name, bytes) in [("bit flipped in the index", flippedLate), ("bad index checksum", indexChecksum)] {
            try Data(bytes).write(to: file)
            let loaded = try box.cache.load(path: path)
            #expect(loaded.origin == .cache && loaded.catalog == catalog, "\(name)")
            #expect(box.cache.cachedIndex(loaded) == nil, "\(name)")
            #expect(!FileManager.default.fileExists(atPath: file.path), "\(name): the damaged file is removed")
            let again = try box.cache.load(path: path)
            #expect(again.origin == .json, "\(name)")
            #expect(box.cache.index(for: again).search(SearchQuery("the")) == reference, "\(name)")
            let healed = try box.cache.load(path: path)
            #expect(healed.origin == .cache && box.cache.cachedIndex(healed) != nil, "\(name)")
        }
        // A directory where the file should be: ignored.
        try FileManager.default.removeItem(at: file)
        try FileManager.default.createDirectory(at: file, withIntermediateDirectories: false)
        #expect(try box.cache.load(path: path).origin == .json)
    }

    @Test func anIndexThatDoesNotFitIsNotUsed() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let catalog = Self.generated
        let path = try box.write(catalog)
        let key = try #require(box.cache.load(path: path).key)
        // A well-formed file whose index belongs to a smaller catalog.
        let other = CatalogGenerator(films: 3, quotes: 10, seed: 1).catalog()
        #expect(box.cache.store(catalog: catalog, index: SearchIndex(catalog: other), key: key))
        let loaded = try box.cache.load(path: path)
        #expect(loaded.origin == .cache)
        #expect(box.cache.cachedIndex(loaded) == nil)
        #expect(box.cacheFiles.isEmpty)
        #expect(box.cache.index(for: loaded).fits(catalog))   // built instead
    }

    /// The CLI starts writing the cache file before the index is built: the catalog goes
    /// first, the index is asked for only then, and the file is the one a ready index makes.
    @Test func aStoreBegunBeforeItsIndexWritesTheCatalogFirst() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let catalog = Self.generated
        let path = try box.write(catalog)
        let loaded = try box.cache.load(path: path)
        let key = try #require(loaded.key)
        let index = SearchIndex(catalog: catalog)
        var writtenBeforeIndex = 0
        var bytes: [UInt8] = []
        let header = CatalogCache.write(catalog: catalog, index: {
            writtenBeforeIndex = bytes.count
            return index
        }, key: key) { bytes.append(contentsOf: $0) }
        bytes.replaceSubrange(0..<CatalogCache.headerSize, with: header)
        var catalogOnly = BinaryWriter()
        catalog.encode(to: &catalogOnly)
        #expect(writtenBeforeIndex == CatalogCache.headerSize + catalogOnly.bytes.count)
        #expect(bytes == CatalogCache.encode(catalog: catalog, index: index, key: key))

        var asked = 0
        #expect(box.cache.storeIfNew(loaded, index: { asked += 1; return index }))
        #expect(asked == 1)
        let hit = try box.cache.load(path: path)
        #expect(hit.origin == .cache && hit.catalog == catalog)
        #expect(box.cache.cachedIndex(hit) != nil)
        // Nothing to store after a hit: the index is not waited for.
        #expect(!box.cache.storeIfNew(hit, index: { asked += 1; return index }))
        #expect(asked == 1)
    }

    @Test func unwritableOrDisabledCacheIsSkipped() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let catalog = try RoundTripTests.builtin()
        let path = try box.write(catalog)
        // A regular file where the cache directory's parent should be: nothing can be created.
        let blocker = box.root.appending(path: "blocker")
        try Data("x".utf8).write(to: blocker)
        let blocked = CatalogCache(directory: blocker.appending(path: "festival"))
        let loaded = try blocked.load(path: path)
        #expect(loaded.origin == .json)
        #expect(blocked.index(for: loaded).fits(catalog))
        #expect(!blocked.store(catalog: catalog, index: SearchIndex(catalog: catalog), key: try #require(loaded.key)))

        let off = try CatalogCache.disabled.load(path: path)
        #expect(off.origin == .json && off.key == nil)
        #expect(CatalogCache.disabled.index(for: off).fits(catalog))
        #expect(!CatalogCache.disabled.storeIfNew(off, index: SearchIndex(catalog: catalog)))
    }

    @Test func errorsAreTheLoadersOwn() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let bad = box.root.appending(path: "bad.json")
        try Data(TestSupport.minimal(replacing: "\"schemaVersion\": 1", with: "\"schemaVersion\": 1,,").utf8).write(to: bad)
        for path in [bad.path, box.root.appending(path: "missing.json").path, box.root.path] {
            var expected: CatalogError?
            do { _ = try CatalogLoader.load(path: path) } catch { expected = error }
            var actual: CatalogError?
            do { _ = try box.cache.load(path: path) } catch { actual = error }
            #expect(expected != nil)
            #expect(actual == expected, "\(path)")
        }
        #expect(box.cacheFiles.isEmpty)
    }

    @Test func storingKeepsTheDirectorySmall() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try FileManager.default.createDirectory(at: box.cacheDirectory, withIntermediateDirectories: true)
        let now = Date().timeIntervalSince1970
        func make(_ name: String, age days: Double) throws {
            let url = box.cacheDirectory.appending(path: name)
            try Data("old".utf8).write(to: url)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: now - days * 86_400)],
                                                  ofItemAtPath: url.path)
        }
        for i in 0..<10 { try make("catalog-\(String(repeating: "0", count: 15))\(i).bin", age: Double(i) + 0.5) }
        try make("catalog-aaaaaaaaaaaaaaaa.bin", age: 31)
        try make(".catalog-bbbbbbbbbbbbbbbb.bin.tmp-abc123", age: 1)
        try make("notes.txt", age: 100)
        let path = try box.write(try RoundTripTests.builtin())
        let loaded = try box.cache.load(path: path)
        _ = box.cache.index(for: loaded)
        let kept = box.cacheFiles
        #expect(kept.count == CatalogCache.maxFiles)
        #expect(kept.contains(try #require(loaded.key).fileName))
        // The newest seven of the old ones stay; the 31-day-old one and the leftover temp file go.
        #expect(kept.filter { $0.hasPrefix("catalog-000") } == (0..<7).map { "catalog-\(String(repeating: "0", count: 15))\($0).bin" })
        let all = try FileManager.default.contentsOfDirectory(atPath: box.cacheDirectory.path)
        #expect(!all.contains { $0.contains(".tmp-") })
        #expect(all.contains("notes.txt"))
    }
}
