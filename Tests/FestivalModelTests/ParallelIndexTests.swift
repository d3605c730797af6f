import Testing
@testable import FestivalIO
@testable import FestivalCatalog
@testable import FestivalSearch
@testable import FestivalSynthetic

/// The index folds a large catalog's quotes on every core: byte for byte the index that
/// one thread builds, so searches cannot tell them apart.
@Suite struct ParallelIndexTests {
    @Test func theParallelBuildIsTheSequentialOne() {
        let catalog = CatalogGenerator(films: 40, quotes: SearchIndexBuilder.parallelQuotes + 3_001, seed: 8).catalog()
        let parallel = SearchIndex(catalog: catalog), sequential = SearchIndex(catalog: catalog, parallel: false)
        var a = BinaryWriter(), b = BinaryWriter()
        parallel.encode(to: &a)
        sequential.encode(to: &b)
        #expect(a.bytes.count == b.bytes.count)
        #expect(a.bytes == b.bytes)
        for q in ["the", "電影", "speaker:a", "e"] {
            #expect(parallel.search(SearchQuery(q)) == sequential.search(SearchQuery(q)), "\(q)")
        }
    }
}
