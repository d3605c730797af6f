import Testing
@testable import FestivalCatalog
@testable import FestivalSynthetic

/// The id, speaker and film tables answer exactly what a scan of the arrays does, whether
/// built ahead (`prepareLookups`) or on first use, and after the arrays change.
@Suite struct CatalogLookupTests {
    static func checkAgainstScans(_ c: Catalog) {
        for film in c.films.prefix(80) {
            #expect(c.film(film.id)?.id == film.id)
            #expect(c.quotes(aboutFilm: film.id).map(\.id) == c.quotes.filter { $0.film == film.id }.map(\.id))
        }
        for person in c.people.prefix(80) {
            #expect(c.person(person.id)?.id == person.id)
            #expect(c.quotes(by: person.id).map(\.id) == c.quotes.filter { $0.speaker == person.id }.map(\.id))
        }
        for quote in c.quotes.prefix(200) { #expect(c.quote(quote.id)?.id == quote.id) }
        #expect(c.quote("no-such-quote") == nil && c.film("") == nil && c.person("?") == nil)
    }

    @Test func preparedAndLazyTablesAgreeWithScans() {
        let prepared = CatalogGenerator(films: 70, quotes: 600, seed: 5).catalog()
        prepared.prepareLookups()
        Self.checkAgainstScans(prepared)
        Self.checkAgainstScans(CatalogGenerator(films: 70, quotes: 600, seed: 5).catalog())
    }

    @Test func changedArraysGetNewTables() {
        var c = CatalogGenerator(films: 70, quotes: 600, seed: 5).catalog()
        c.prepareLookups()
        c.quotes.reverse()
        c.quotes.removeLast(100)
        Self.checkAgainstScans(c)
    }
}
