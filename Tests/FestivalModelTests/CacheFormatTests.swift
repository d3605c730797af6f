import Foundation
import Testing
@testable import FestivalIO
@testable import FestivalCatalog
@testable import FestivalSearch
@testable import FestivalStorage

/// The cache's validity key is its format version: a cache file of the same version must
/// decode the same way. This test holds the version together with the hash of a fixed
/// sample's encoding (the search fixture: Chinese, English, accents, every field), so a
/// change to the catalog's or the index's binary form, or to how the index folds text,
/// fails here until `CatalogCache.formatVersion` is bumped and the hash below renewed.
@Suite struct CacheFormatTests {
    /// (format version, hash of the sample's encoded catalog and index).
    static let recorded: (version: UInt32, hash: UInt64) = (14, 0x8e5b4f52901ab0a2)

    @Test func anEncodingChangeBumpsTheFormatVersion() throws {
        let bytes = try Array(Data(contentsOf: TestSupport.fixtures.appending(path: "search.json")))
        let catalog = try CatalogLoader.load(bytes: bytes, file: "search.json")
        var w = BinaryWriter()
        catalog.encode(to: &w)
        SearchIndex(catalog: catalog).encode(to: &w)
        // And a schedule: venues, screenings, travel.
        let schedule = try Array(Data(contentsOf: TestSupport.fixtures.appending(path: "schedule.json")))
        try CatalogLoader.load(bytes: schedule, file: "schedule.json").encode(to: &w)
        let hash = ContentHash.hash(w.bytes)
        #expect(CatalogCache.formatVersion == Self.recorded.version && hash == Self.recorded.hash,
                """
                the cache encoding is now \(String(hash, radix: 16)) at format version \(CatalogCache.formatVersion): \
                when the encoding changed, bump CatalogCache.formatVersion and record (version, 0x\(String(hash, radix: 16))) here
                """)
    }
}
