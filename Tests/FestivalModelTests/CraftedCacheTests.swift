import Foundation
import Testing
@testable import FestivalIO
@testable import FestivalCatalog
@testable import FestivalSearch
@testable import FestivalStorage
@testable import FestivalSynthetic

/// Cache files crafted to pass every checksum (they are recomputed after each edit) yet
/// hold what no valid catalog or index holds. Each must be treated as damage: the file is
/// deleted, the catalog comes from its JSON, and the next run gets a good cache file.
/// Before these checks, each case crashed every later run (or, for the catalog rules,
/// showed a catalog the loader would have rejected).
@Suite struct CraftedCacheTests {
    typealias Sandbox = CatalogCacheTests.Sandbox

    static let catalog = CatalogGenerator(films: 6, quotes: 200, seed: 3).catalog()

    /// The file with both section checksums recomputed from its header's lengths (the
    /// catalog's without its quote chunks, as the cache computes it).
    static func resealed(_ file: [UInt8]) -> [UInt8] {
        var file = file
        let lengthsAt = CatalogCache.headerSize - 32
        var r = BinaryReader(file, offset: lengthsAt)
        let catalogLength = try! r.int()
        let catalogRange = CatalogCache.headerSize..<(CatalogCache.headerSize + catalogLength)
        var catalogReader = BinaryReader(file, offset: catalogRange.lowerBound)
        let chunks = (try? Catalog.decode(&catalogReader, end: catalogRange.upperBound, deferringQuotes: true).quoteChunks) ?? []
        let catalogHash = file.withUnsafeBytes { ContentHash.hash(of: $0, in: catalogRange, skipping: chunks) }
        put(catalogHash, at: lengthsAt + 8, in: &file)
        put(ContentHash.hash(Array(file[catalogRange.upperBound...])), at: lengthsAt + 24, in: &file)
        return file
    }

    static func put(_ value: UInt64, at offset: Int, in file: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { file.replaceSubrange(offset..<(offset + 8), with: $0) }
    }

    /// A cache file for `catalog` stored under the key of the JSON at `path`.
    static func file(for catalog: Catalog, index: SearchIndex? = nil, keyOf path: String, in box: Sandbox) throws -> [UInt8] {
        let key = try #require(try box.cache.load(path: path).key)
        #expect(box.cache.store(catalog: catalog, index: index ?? SearchIndex(catalog: catalog), key: key))
        let url = try #require(box.cache.fileURL(for: key))
        return try [UInt8](Data(contentsOf: url))
    }

    /// Writes `bytes` as the cache file of the JSON at `path` and loads.
    static func load(_ bytes: [UInt8], path: String, in box: Sandbox) throws -> (CatalogCache.Loaded, URL) {
        let key = try #require(try box.cache.load(path: path).key)
        let url = try #require(box.cache.fileURL(for: key))
        try Data(bytes).write(to: url)
        return (try box.cache.load(path: path), url)
    }

    @Test func sectionLengthsNearIntMaxAreRejectedBeforeAnyArithmetic() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let path = try box.write(Self.catalog)
        let good = try Self.file(for: Self.catalog, keyOf: path, in: box)
        let lengthsAt = CatalogCache.headerSize - 32
        var cases: [(String, [UInt8])] = []
        for (name, at, value) in [("index length Int.max", lengthsAt + 16, UInt64(Int.max)),
                                  ("index length Int.max - 100", lengthsAt + 16, UInt64(Int.max - 100)),
                                  ("catalog length Int.max", lengthsAt, UInt64(Int.max)),
                                  ("catalog length -1", lengthsAt, UInt64(bitPattern: -1)),
                                  ("index length Int.min", lengthsAt + 16, UInt64(bitPattern: Int64.min))] {
            var bytes = good
            Self.put(value, at: at, in: &bytes)
            cases.append((name, bytes))
        }
        for (name, bytes) in cases {
            let (loaded, url) = try Self.load(bytes, path: path, in: box)
            #expect(loaded.origin == .json && loaded.catalog == Self.catalog, "\(name)")
            #expect(!FileManager.default.fileExists(atPath: url.path), "\(name): the file is deleted")
        }
    }

    @Test func descendingReferenceStartsInTheIndexAreRejected() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let path = try box.write(Self.catalog)
        let good = try Self.file(for: Self.catalog, keyOf: path, in: box)
        // The index ends with the last field's reference starts (one Int32 per document and
        // one more, 8-aligned after their count) and the targets they delimit (count, then
        // one Int32 each): make the second start larger than the third, the total unchanged.
        let index = SearchIndex(catalog: Self.catalog)
        let lastField = try #require(SearchQuery.Field.allCases.last)
        let flat = try #require(index.references[lastField]).targets.count
        let targetsCountAt = good.count - 4 * flat - 8
        let startsAt = (targetsCountAt - 4 * (index.documents.count + 1)) / 8 * 8
        var r = BinaryReader(good, offset: startsAt)
        let starts = try (0..<3).map { _ in Int32(bitPattern: try r.u32()) }
        #expect(starts[0] == 0 && starts[1] <= starts[2], "found the starts")
        var bytes = good
        withUnsafeBytes(of: (starts[2] + 1).littleEndian) { bytes.replaceSubrange((startsAt + 4)..<(startsAt + 8), with: $0) }
        let (loaded, url) = try Self.load(Self.resealed(bytes), path: path, in: box)
        #expect(loaded.origin == .cache, "the catalog itself is intact")
        #expect(box.cache.cachedIndex(loaded) == nil)
        #expect(!FileManager.default.fileExists(atPath: url.path))
        #expect(box.cache.index(for: try box.cache.load(path: path)).fits(Self.catalog), "built again")
        #expect(try box.cache.load(path: path).origin == .cache)
    }

    @Test func cachedCatalogsBreakingTheLoadersRulesAreRejected() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let path = try box.write(Self.catalog)
        var broken: [(String, Catalog)] = []
        func edit(_ name: String, _ change: (inout Catalog) -> Void) {
            var c = Self.catalog
            change(&c)
            broken.append((name, c))
        }
        edit("unknown speaker") { $0.quotes[0].speaker = "nobody" }
        edit("unknown film") { $0.quotes[1].film = "no-such-film" }
        edit("unknown topic") { $0.quotes[2].topics = ["no-such-topic"] }
        edit("unknown source") { $0.quotes[3].sources = ["no-such-source"] }
        edit("no source") { $0.quotes[3].sources = [] }
        edit("unknown director") { $0.films[0].directors = ["nobody"] }
        edit("a director listed twice") { $0.films[0].directors = [$0.films[0].directors[0], $0.films[0].directors[0]] }
        edit("unknown prize tier") { $0.films[0].award = Award(tier: "platinum", place: 1) }
        edit("repeated film id") { $0.films[1].id = $0.films[0].id }
        edit("repeated quote id") { $0.quotes[9].id = $0.quotes[8].id }
        edit("bad id") { $0.people[0].id = "Bad ID\u{1B}[2J" }
        edit("empty id") { $0.topics[0].id = "" }
        edit("text in no language") { $0.films[0].title = LocalizedText(zhHant: nil, en: nil) }
        edit("script URL") { $0.films[0].links = [Link(kind: .watch, url: "javascript:alert(1)", label: nil)] }
        edit("negative runtime") { $0.films[0].runtimeSeconds = -5 }
        edit("an award of nothing") { $0.films[0].award = Award(tier: nil, place: nil) }
        edit("place 0") { $0.films[0].award = $0.festival.prizeTiers.first.map { Award(tier: $0.id, place: 0) } }
        for (name, catalog) in broken {
            #expect(catalog.integrityProblem() != nil, "\(name)")
            let bytes = try Self.file(for: catalog, index: SearchIndex(catalog: Self.catalog), keyOf: path, in: box)
            let (loaded, url) = try Self.load(bytes, path: path, in: box)
            #expect(loaded.origin == .json && loaded.catalog == Self.catalog, "\(name)")
            #expect(!FileManager.default.fileExists(atPath: url.path), "\(name): the file is deleted")
        }
        #expect(Self.catalog.integrityProblem() == nil)
    }

    /// A large catalog is checked in runs on every core: an id repeated across two runs,
    /// or a bad quote in the last run, is still found.
    @Test func largeCatalogsAreCheckedAcrossRuns() {
        var catalog = CatalogGenerator(films: 20, quotes: 60_000, seed: 4).catalog()
        #expect(catalog.integrityProblem() == nil)
        var repeated = catalog
        repeated.quotes[59_999].id = repeated.quotes[3].id
        #expect(repeated.integrityProblem() != nil)
        catalog.quotes[59_000].speaker = "nobody"
        #expect(catalog.integrityProblem() != nil)
        #expect(catalog.integrityProblem(quoteReferences: false) == nil)
    }

    @Test func impossibleDatesInTheCacheAreRejected() throws {
        let box = try Sandbox()
        defer { box.remove() }
        // Few quotes: their chunk is stored plain, so the date's bytes can be found and edited.
        var catalog = CatalogGenerator(films: 2, quotes: 3, seed: 3).catalog()
        catalog.quotes[0].context.date = PartialDate(year: 2023, month: 2, day: 28)
        let path = try box.write(catalog)
        let good = try Self.file(for: catalog, keyOf: path, in: box)
        #expect(try Self.chunkHeaders(good).map(\.storage) == [QuoteChunk.Storage.plain.rawValue])
        // The date as stored: flags 7 (year, month, day), then three Int64s.
        var w = BinaryWriter()
        w.u8(7)
        for part in [2023, 2, 28] { w.int(part) }
        let pattern = w.bytes
        let at = try #require((0...(good.count - pattern.count)).first { Array(good[$0..<($0 + pattern.count)]) == pattern })
        for (name, day, month) in [("February 30", 30, 2), ("day 0", 0, 2), ("month 13", 28, 13)] {
            var bytes = good
            Self.put(UInt64(month), at: at + 9, in: &bytes)
            Self.put(UInt64(day), at: at + 17, in: &bytes)
            let (loaded, url) = try Self.load(Self.resealed(bytes), path: path, in: box)
            #expect(loaded.origin == .json && loaded.catalog == catalog, "\(name)")
            #expect(!FileManager.default.fileExists(atPath: url.path), "\(name)")
        }
    }

    /// Where each quote chunk's header fields are in a cache file, and its storage byte.
    static func chunkHeaders(_ file: [UInt8]) throws -> [(storage: UInt8, at: Int, stored: Range<Int>)] {
        var r = BinaryReader(file, offset: CatalogCache.headerSize - 32)
        let catalogRange = CatalogCache.headerSize..<(CatalogCache.headerSize + (try r.int()))
        var catalogReader = BinaryReader(file, offset: catalogRange.lowerBound)
        let chunks = try Catalog.decode(&catalogReader, end: catalogRange.upperBound, deferringQuotes: true).quoteChunks
        // Before a chunk's bytes: storage (1), decoded length (8), stored length (8), hash (8).
        return chunks.map { (file[$0.lowerBound - 25], $0.lowerBound - 25, $0) }
    }

    /// A compressed chunk must decompress to exactly the length its header gives, a length
    /// within the reader's bounds (checked before anything is allocated), with a storage
    /// it knows; anything else is damage.
    @Test func compressedChunksThatLieAboutThemselvesAreRejected() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let path = try box.write(Self.catalog)
        let good = try Self.file(for: Self.catalog, keyOf: path, in: box)
        let chunk = try #require(try Self.chunkHeaders(good).first)
        #expect(chunk.storage == QuoteChunk.Storage.zstd.rawValue, "200 quotes are worth compressing")
        var r = BinaryReader(good, offset: chunk.at + 1)
        let decodedLength = try r.int()
        #expect(decodedLength > chunk.stored.count)
        let cases: [(String, (inout [UInt8]) -> Void)] = [
            ("one byte longer", { Self.put(UInt64(decodedLength + 1), at: chunk.at + 1, in: &$0) }),
            ("one byte shorter", { Self.put(UInt64(decodedLength - 1), at: chunk.at + 1, in: &$0) }),
            ("near Int.max", { Self.put(UInt64(Int.max - 3), at: chunk.at + 1, in: &$0) }),
            ("beyond the ratio", { Self.put(UInt64(64 * chunk.stored.count + 64), at: chunk.at + 1, in: &$0) }),
            ("an unknown storage", { $0[chunk.at] = 7 }),
            ("said to be plain", { $0[chunk.at] = QuoteChunk.Storage.plain.rawValue }),
            ("not zstd at all", { file in
                // Bytes that are no zstd frame, under a hash that matches them.
                for i in chunk.stored { file[i] = UInt8(truncatingIfNeeded: i &* 131) }
                Self.put(ContentHash.hash(Array(file[chunk.stored])), at: chunk.at + 17, in: &file)
            }),
        ]
        for (name, edit) in cases {
            var bytes = good
            edit(&bytes)
            let (loaded, url) = try Self.load(Self.resealed(bytes), path: path, in: box)
            #expect(loaded.origin == .json && loaded.catalog == Self.catalog, "\(name)")
            #expect(!FileManager.default.fileExists(atPath: url.path), "\(name)")
        }
    }

    @Test func datesFollowOneRule() {
        #expect(PartialDate("2024-02-29") != nil)
        #expect(PartialDate("2023-02-29") == nil)
        #expect(PartialDate("0999") == nil, "years are 1000-9999")
        #expect(PartialDate("+123") == nil, "four digits, no sign")
        #expect(PartialDate("2023-+1") == nil)
        #expect(PartialDate(checkedYear: 2023, month: nil, day: 3) == nil, "a day needs a month")
        #expect(PartialDate(checkedYear: 2023, month: 4, day: 31) == nil)
        #expect(PartialDate(checkedYear: 2023, month: 4, day: 30)?.description == "2023-04-30")
    }
}
