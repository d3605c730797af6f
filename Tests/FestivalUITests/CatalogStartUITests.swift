import BuiltinCatalog
import FestivalCatalog
import FestivalLibrary
import Testing
import TextGrid
@testable import FestivalUI

/// The browser on a catalog's start (films shown while quotes load): what waits says so,
/// and the whole catalog arriving keeps the place.
@Suite struct CatalogStartUITests {
    typealias S = UITestSupport
    static let start = CatalogStart.decode(bytes: Array(BuiltinCatalog.json.utf8))!

    static func state(_ language: Language = .en, width: Int = 80, height: Int = 24) -> AppState {
        AppState(catalog: start, language: language, size: Size(width: width, height: height), start: true)
    }

    @Test(arguments: Language.allCases)
    func everyScreenSaysWhatIsStillLoading(language: Language) {
        let screens: [(String, Screen)] = [
            ("films", .films), ("quotes", .quotes), ("film-total-pixel-space", .film("total-pixel-space")),
            ("person-cristobal-valenzuela", .person("cristobal-valenzuela")), ("festival", .festival), ("search", .search),
        ]
        for (name, screen) in screens {
            for (w, h) in SnapshotTests.sizes {
                var state = Self.state(language, width: w, height: h)
                S.send(&state, .catalogProgress(0.42))
                state.open(screen)
                S.assertSnapshot(view(state, size: Size(width: w, height: h)).text, named: "start-\(name)-\(language.rawValue)-\(w)x\(h)")
            }
        }
    }

    @Test func theStatusBarShowsProgressAndTheQuoteListWaits() {
        var state = Self.state()
        #expect(view(state, size: state.size).text.contains("⋯ Loading quotes…"))
        S.send(&state, .catalogProgress(0.427))
        #expect(view(state, size: state.size).text.contains("⋯ Loading quotes 42%"))
        S.press(&state, .char("2"))
        #expect(state.screen == .quotes)
        let text = view(state, size: state.size).text
        #expect(text.contains("Loading quotes 42%") && !text.contains("—"))
        // A film's page: the quotes and the sources are "still loading", the rest is there.
        state.open(.film("total-pixel-space"))
        let film = view(state, size: Size(width: 80, height: 60)).text
        #expect(film.contains("Synopsis") && film.contains("Quotes\n  still loading…") && film.contains("Sources\n  still loading…"))
    }

    @Test func theShelfWaitsForItsQuotes() {
        var state = Self.state(height: 40)
        var shelf = Shelf()
        shelf.toggleFavorite(.film("jailbird"), at: S.now)
        shelf.toggleFavorite(.quote("q01"), at: S.now)
        S.send(&state, .shelfLoaded(shelf, message: nil))
        state.open(.shelf)
        let text = view(state, size: state.size).text
        #expect(text.contains("JAILBIRD") && text.contains("Favorite quotes\n  still loading…"))
    }

    @Test func theWholeCatalogKeepsThePlaceAndTheSelection() {
        var state = Self.state()
        S.press(&state, .char("j"), .char("j"))
        #expect(state.viewport.selected == 2)
        S.send(&state, .catalogLoaded(S.builtin))
        #expect(state.loading == nil && state.catalog == S.builtin && state.viewport.selected == 2 && state.screen == .films)
        #expect(!view(state, size: state.size).text.contains("Loading"))
        // A search typed while loading waits, and runs when the index arrives.
        S.press(&state, .char("s"))
        for c in "valenzuela" { S.press(&state, .char(c)) }
        #expect(state.search.hits.isEmpty)
        S.send(&state, .libraryReady(S.builtinLibrary))
        #expect(!state.search.hits.isEmpty)
        // Progress after the whole catalog is there changes nothing.
        S.send(&state, .catalogProgress(0.5))
        #expect(state.loading == nil)
    }

    @Test func anIndexArrivingFirstAlsoBringsTheWholeCatalog() {
        var state = Self.state()
        S.send(&state, .libraryReady(S.builtinLibrary))
        #expect(state.loading == nil && state.catalog == S.builtin && state.library != nil)
    }
}
