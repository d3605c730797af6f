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
}
