import BuiltinCatalog
import Testing
@testable import FestivalCatalog

@Suite struct RoundTripTests {
    static func builtin() throws -> Catalog {
        try CatalogLoader.load(bytes: Array(BuiltinCatalog.json.utf8), file: BuiltinCatalog.displayName)
    }

    @Test func encodedCatalogLoadsEqual() throws {
        for catalog in [try Self.builtin(), try CatalogLoader.load(bytes: Array(TestSupport.minimalText.utf8), file: "m")] {
            let again = try CatalogLoader.load(bytes: Array(CatalogEncoder.json(catalog).utf8), file: "again")
            #expect(again == catalog)
        }
    }

    @Test func subsetsLoadOnTheirOwn() throws {
        let catalog = try Self.builtin()
        for quote in catalog.quotes {
            let sub = catalog.subset(quotes: [quote.id])
            let again = try CatalogLoader.load(bytes: Array(CatalogEncoder.json(sub).utf8), file: quote.id)
            #expect(again.quotes == [quote])
            #expect(again.person(quote.speaker) == catalog.person(quote.speaker))
        }
        for film in catalog.films {
            let again = try CatalogLoader.load(bytes: Array(CatalogEncoder.json(catalog.subset(films: [film.id])).utf8), file: film.id)
            #expect(again.films == [film])
        }
    }
}
