import Foundation
import Testing
@testable import FestivalIO
@testable import FestivalCatalog
@testable import FestivalSearch
@testable import FestivalLibrary
@testable import FestivalStorage
@testable import FestivalSynthetic

/// A catalog read from a cache file with its quotes left there: only the chunks that hold
/// the quotes asked for are decoded, each checked as a whole decode checks it.
@Suite struct DeferredQuotesTests {
    static let catalog = CatalogGenerator(films: 6, quotes: 200, seed: 3).catalog()

    /// `catalog` encoded with 7 quotes a chunk, decoded deferring its quotes.
    static func deferred(_ catalog: Catalog) throws -> (Catalog, DeferredQuotes) {
        var w = BinaryWriter()
        catalog.encode(to: &w, quotesPerChunk: 7)
        var r = BinaryReader(w.bytes)
        let decoded = try Catalog.decodingDeferringQuotes(&r)
        #expect(r.offset == w.bytes.count)
        return decoded
    }

    @Test func onlyTheChunksAskedForAreDecoded() throws {
        let (partial, quotes) = try Self.deferred(Self.catalog)
        #expect(partial.quotes.isEmpty && partial.films == Self.catalog.films && partial.people == Self.catalog.people)
        #expect(quotes.count == 200 && quotes.loaded(0) == nil)
        try quotes.load([0, 150])
        #expect(quotes.loaded(0) == Self.catalog.quotes[0] && quotes.loaded(150) == Self.catalog.quotes[150])
        #expect(quotes.loaded(6) == Self.catalog.quotes[6], "in the first chunk")
        #expect(quotes.loaded(7) == nil && quotes.loaded(199) == nil, "other chunks stay in the file")
        try quotes.load(0..<200)
        #expect((0..<200).map { quotes.loaded($0) } == Self.catalog.quotes)
        #expect(quotes.loaded(200) == nil && quotes.loaded(-1) == nil)
        #expect(throws: BinaryReader.Corrupt.self) { try quotes.load([200]) }
    }

    @Test func aBrokenQuoteFailsItsChunkOnly() throws {
        var cases: [(String, (inout Quote) -> Void)] = [
            ("unknown speaker", { $0.speaker = "nobody" }),
            ("unknown film", { $0.film = "no-such-film" }),
            ("unknown topic", { $0.topics = ["no-such-topic"] }),
            ("unknown source", { $0.sources = ["no-such-source"] }),
            ("no source", { $0.sources = [] }),
            ("bad id", { $0.id = "Bad ID\u{1B}[2J" }),
            ("text in no language", { $0.text = LocalizedText(zhHant: nil, en: nil) }),
        ]
        cases.append(("repeated id in the chunk", { $0.id = DeferredQuotesTests.catalog.quotes[15].id }))
        for (name, change) in cases {
            var catalog = Self.catalog
            change(&catalog.quotes[16])
            let (_, quotes) = try Self.deferred(catalog)
            #expect(throws: BinaryReader.Corrupt.self, "\(name)") { try quotes.load([20]) }
            #expect(quotes.loaded(16) == nil && quotes.loaded(20) == nil, "\(name): the chunk stays undecoded")
            try quotes.load([0, 199])
            #expect(quotes.loaded(0) == catalog.quotes[0], "\(name): other chunks decode")
        }
    }

    /// Through the cache: a file crafted to pass its checksums with a broken quote loads,
    /// its index fits, and resolving a hit on that quote throws; discarding deletes it.
    @Test func aDamagedQuoteInACacheFileIsFoundWhenItsHitIsResolved() throws {
        typealias Crafted = CraftedCacheTests
        let box = try CatalogCacheTests.Sandbox()
        defer { box.remove() }
        let path = try box.write(Self.catalog)
        var broken = Self.catalog
        broken.quotes[3].speaker = "nobody"
        let bytes = try Crafted.file(for: broken, index: SearchIndex(catalog: Self.catalog), keyOf: path, in: box)
        let (_, url) = try Crafted.load(bytes, path: path, in: box)
        #expect(!FileManager.default.fileExists(atPath: url.path), "a whole load finds it at once")
        try Data(bytes).write(to: url)
        let loaded = try box.cache.load(path: path, deferringQuotes: true)
        #expect(loaded.origin == .cache && loaded.catalog.quotes.isEmpty && loaded.deferredQuotes?.count == 200)
        let index = try #require(box.cache.cachedIndex(loaded))
        let library = Library(catalog: loaded.catalog, index: index, deferredQuotes: loaded.deferredQuotes)
        let words = try #require(Self.catalog.quotes[3].text.en ?? Self.catalog.quotes[3].text.zhHant)
        let hits = library.hits(SearchQuery("\"" + words + "\""), in: [.quote])
        #expect(!hits.isEmpty)
        #expect(throws: BinaryReader.Corrupt.self) { try library.load(hits) }
        box.cache.discard(loaded)
        #expect(!FileManager.default.fileExists(atPath: url.path))
        #expect(try box.cache.load(path: path).origin == .json)
        // A good file: the hits resolve to the catalog's own quotes.
        #expect(box.cache.index(for: try box.cache.load(path: path)).fits(Self.catalog))
        let good = try box.cache.load(path: path, deferringQuotes: true)
        let goodLibrary = Library(catalog: good.catalog, index: try #require(box.cache.cachedIndex(good)),
                                  deferredQuotes: good.deferredQuotes)
        let found = goodLibrary.hits(SearchQuery("light"), in: [.quote])
        try goodLibrary.load(found)
        let whole = Library(indexing: Self.catalog)
        #expect(found.map(goodLibrary.item) == whole.hits(SearchQuery("light"), in: [.quote]).map(whole.item))
    }

    /// A byte changed inside a quote chunk is caught by the chunk's own hash (the file's
    /// catalog checksum leaves chunks out): a whole load rejects the file, a start without
    /// quotes still shows, and the chunk does not decode. A byte changed outside the chunks
    /// fails the catalog checksum.
    @Test func eachChunkIsCheckedByItsOwnHash() throws {
        let catalog = CatalogGenerator(films: 6, quotes: 40_000, seed: 5).catalog()
        let box = try CatalogCacheTests.Sandbox()
        defer { box.remove() }
        let path = try box.write(catalog)
        let good = try CraftedCacheTests.file(for: catalog, keyOf: path, in: box)
        var lengths = BinaryReader(good, offset: CatalogCache.headerSize - 32)
        let catalogEnd = CatalogCache.headerSize + (try lengths.int())
        var r = BinaryReader(good, offset: CatalogCache.headerSize)
        let chunks = try Catalog.decode(&r, end: catalogEnd, deferringQuotes: true).quoteChunks
        #expect(chunks.count == 3, "40,000 quotes in chunks of 16,384")
        var damaged = good
        damaged[chunks[1].lowerBound + 100] ^= 0x20
        let key = try #require(try box.cache.load(path: path).key)
        let url = try #require(box.cache.fileURL(for: key))
        try Data(damaged).write(to: url)
        let deferred = try #require(box.cache.cached(key, withIndex: false, deferringQuotes: true))
        #expect(deferred.catalog.films == catalog.films && deferred.quotes?.count == 40_000, "the start decodes")
        #expect(throws: BinaryReader.Corrupt.self) { try deferred.quotes?.load([20_000]) }
        try deferred.quotes?.load([0, 39_999])
        #expect(deferred.quotes?.loaded(39_999) == catalog.quotes[39_999])
        let whole = try box.cache.load(path: path)
        #expect(whole.origin == .json && whole.catalog == catalog)
        #expect(!FileManager.default.fileExists(atPath: url.path), "deleted")
        // Outside the chunks (the first chunk's header, just before its bytes).
        var header = good
        header[chunks[0].lowerBound - 9] ^= 0x01
        try Data(header).write(to: url)
        #expect(box.cache.cached(key, withIndex: false, deferringQuotes: true) == nil)
    }
}

/// The hash of a stream with gaps left out, fed in pieces, equals the hash of what is
/// left, whatever the pieces and gaps.
@Suite struct SkippingHashTests {
    @Test func piecesAndGapsInAnyPlaceGiveTheHashOfWhatIsLeft() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<300 {
            let count = Int.random(in: 0...400, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var gaps: [Range<Int>] = []
            var at = 0
            while at < count, gaps.count < 5 {
                let start = Int.random(in: at...count, using: &generator)
                let end = Int.random(in: start...count, using: &generator)
                gaps.append(start..<end)
                at = end + (round % 3 == 0 ? 0 : 1)   // adjacent gaps too
            }
            var kept: [UInt8] = []
            for i in 0..<count where !gaps.contains(where: { $0.contains(i) }) { kept.append(bytes[i]) }
            let expected = ContentHash.hash(kept)
            let origin = 1_000
            let recorded = ContentHash.Gaps()
            for gap in gaps { recorded.add((gap.lowerBound + origin)..<(gap.upperBound + origin)) }
            var streaming = ContentHash.Skipping(origin: origin, skipping: recorded)
            var offset = 0
            while offset < count {
                let piece = min(count - offset, Int.random(in: 1...64, using: &generator))
                bytes.withUnsafeBytes { streaming.update(UnsafeRawBufferPointer(rebasing: $0[offset..<(offset + piece)])) }
                offset += piece
            }
            #expect(streaming.finish() == expected, "round \(round): gaps \(gaps) in \(count) bytes")
            let whole = bytes.withUnsafeBytes { ContentHash.hash(of: $0, in: 0..<count, skipping: gaps) }
            #expect(whole == expected, "round \(round)")
        }
    }
}
