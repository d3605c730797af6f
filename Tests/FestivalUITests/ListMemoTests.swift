import Testing
@testable import FestivalUI
@testable import FestivalCatalog

/// What list screens keep between keys gives what computing again gives.
@Suite struct ListMemoTests {
    @Test func storageIdentityTellsArraysApartByTheirStorage() {
        let a = [1, 2, 3]
        var b = a
        #expect(StorageIdentity(a) == StorageIdentity(b), "a copy shares the storage")
        b[0] = 9
        #expect(StorageIdentity(a) != StorageIdentity(b), "a changed copy has its own")
        #expect(StorageIdentity(a) != StorageIdentity([1, 2, 3]), "equal contents, other storage")
    }

    @Test func aMemoComputesAgainOnlyForAnotherKey() {
        let memo = ListMemo<Int, String>()
        var computed = 0
        func value(_ key: Int) -> String { memo.value(for: key) { computed += 1; return "v\(key)" } }
        #expect(value(1) == "v1" && value(1) == "v1" && computed == 1)
        #expect(value(2) == "v2" && computed == 2)
        #expect(value(1) == "v1" && computed == 3, "only the last value is kept")
    }

    /// A film list shown, then changed (a film retitled in a catalog copy, a filter): the
    /// page follows each change, as if nothing had been kept.
    @Test func theFilmListFollowsEveryChange() {
        var state = UITestSupport.state()
        let before = ListScreens.films(state).map(\.id)
        var catalog = state.catalog
        catalog.films[0].title = LocalizedText(en: String(repeating: "W", count: 60))
        state.catalog = catalog
        let page = ListScreens.filmPage(state)
        #expect(page.count == before.count)
        #expect(page.row(0).spans.map(\.text).joined().contains("WWWWWWWWWW"), "the new title, not the kept one")
        state.awardFilter = "grand-prix"
        #expect(ListScreens.films(state).count < before.count)
    }
}
