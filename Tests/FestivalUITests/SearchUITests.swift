import FestivalCatalog
import Testing
import TextGrid
@testable import FestivalUI

/// The global search screen: typing, live results, history, opening, going back.
@Suite struct SearchUITests {
    typealias S = UITestSupport

    static func type(_ state: inout AppState, _ text: String) {
        for c in text { S.press(&state, .char(c)) }
    }

    @Test func typingFiltersLiveAndEscRestoresThePreviousView() {
        var state = S.state()
        S.press(&state, .down, .down)                  // the film list, third row selected
        S.press(&state, .char("s"))
        #expect(state.screen == .search && (state.mode == .search))
        Self.type(&state, "valenzuela")
        #expect(state.search.hits.count == 12)       // his person page and 11 quotes
        S.press(&state, .backspace, .backspace)
        #expect(state.search.input == "valenzue")
        #expect(state.search.hits.count == 12)
        Self.type(&state, "la 版权")                  // narrows: the one on copyright
        #expect(state.search.hits.count == 1)
        S.press(&state, .escape)
        #expect(state.screen == .films)
        #expect(state.viewport.selected == 2)
        #expect(state.search.history == ["valenzuela 版权"])
    }

    @Test func enterOpensTheSelectedResultAndBackReturnsToResults() {
        var state = S.state(S.builtin, .zhHant)
        S.press(&state, .char("2"))                   // quotes: search only the quotes (no key of its own)
        SearchController.open(&state, scope: .quotes)
        #expect(state.search.scope == .quotes)
        Self.type(&state, "电影制作人")                 // Simplified finds the Traditional quote
        #expect(!state.search.hits.isEmpty)
        S.press(&state, .ctrl("n"), .ctrl("p"))
        S.press(&state, .enter)
        guard case .quote(let id) = state.screen else { Issue.record("no quote opened: \(state.screen)"); return }
        #expect(state.catalog.quote(id)?.speaker == "cristobal-valenzuela")
        S.press(&state, .escape)
        #expect(state.screen == .search)
        #expect(!(state.mode == .search))                  // back in the results: j/k move
        S.press(&state, .char("s"))                     // s edits the query again
        #expect((state.mode == .search) && state.search.input == "电影制作人")
    }

    @Test func upAndDownRecallEarlierQueries() {
        var state = S.state()
        S.press(&state, .char("s"))
        Self.type(&state, "markoe")
        S.press(&state, .escape, .char("s"), .ctrl("u"))
        Self.type(&state, "rianda")
        S.press(&state, .enter, .escape, .char("s"), .ctrl("u"))
        Self.type(&state, "dra")                        // a draft
        S.press(&state, .up)
        #expect(state.search.input == "rianda")
        S.press(&state, .up, .up)
        #expect(state.search.input == "markoe")
        #expect(state.search.hits.count == 4)
        S.press(&state, .down)
        #expect(state.search.input == "rianda")
        S.press(&state, .down)
        #expect(state.search.input == "dra")
    }

    @Test func qIsTypedNotQuitWhileEditing() {
        var state = S.state()
        S.press(&state, .char("s"))
        let effects = S.press(&state, .char("q"))
        #expect(effects.isEmpty && state.search.input == "q")
        // Ctrl-c in a field is Esc (as in every field); on the list it quits.
        #expect(S.press(&state, .ctrl("c")) == [.rememberQuery("q")])
        #expect(state.mode == .browse)
        #expect(S.press(&state, .ctrl("c")) == [.quit])
    }

    @Test func helpShowsOnlyKeysThatMeanTheCommandHere() {
        let quoteHelp = Keymap.standard.help(for: .quoteList, .en)
        // One meaning per key: `/` finds on this screen everywhere, `s` searches.
        #expect(quoteHelp.contains { $0.keys == "/" && $0.text == "find on this screen" })
        #expect(!quoteHelp.contains { $0.text == "search the quotes" })
        let filmHelp = Keymap.standard.help(for: .filmList, .en)
        #expect(filmHelp.contains { $0.keys == "/" && $0.text == "find on this screen" })
        #expect(filmHelp.contains { $0.keys == "s" && $0.text.hasPrefix("search") })
    }

    @Test(arguments: Language.allCases)
    func snapshots(language: Language) {
        let tag = language == .en ? "en" : "zh"
        for (width, height) in [(80, 24), (120, 40), (40, 12)] {
            var state = S.state(S.builtin, language, width: width, height: height)
            state.showSearch("版权 valenzuela")
            S.assertSnapshot(view(state, size: Size(width: width, height: height)).text, named: "search-copyright-\(tag)-\(width)x\(height)")
            state.showSearch("film")
            S.assertSnapshot(view(state, size: Size(width: width, height: height)).text, named: "search-film-\(tag)-\(width)x\(height)")
        }
        // The highlights themselves: marked runs must be the folded matches.
        var marked = S.state(S.builtin, language, width: 100, height: 16)
        marked.showSearch("cristobal 电影")
        S.assertSnapshot(S.highlightedText(view(marked, size: Size(width: 100, height: 16))), named: "search-highlights-\(tag)")
        var empty = S.state(S.builtin, language)
        empty.showSearch("")
        S.assertSnapshot(view(empty, size: Size(width: 80, height: 12)).text, named: "search-empty-\(tag)")
    }

    @Test func highlightsAreStyledOnTheCanvas() {
        var state = S.state(S.builtin, .en, width: 100, height: 20)
        state.showSearch("Cristobal")
        let canvas = view(state, size: Size(width: 100, height: 20))
        // The person row's heading "Cristóbal" is highlighted, the rest of the name is not.
        let row = (2..<canvas.height).first { y in (0..<40).map { canvas[$0, y].text }.joined().contains("Cristóbal Va") }
        let y = try! #require(row)
        let styled = (0..<40).filter { canvas[$0, y].style.role == .highlight || canvas[$0, y].style.underline }
        let text = styled.map { canvas[$0, y].text }.joined()
        #expect(text == "Cristóbal")
    }
}

/// Work saved for speed must not change what is drawn.
@Suite struct LimitedRenderingTests {
    typealias S = UITestSupport

    @Test func aPreviewBuildsOnlyTheTopOfADetailPageAndItIsTheSameTop() {
        let c = S.builtin
        guard let film = c.films.max(by: { c.quotes(aboutFilm: $0.id).count < c.quotes(aboutFilm: $1.id).count }) else { return }
        let full = DetailScreens.film(film, c, .en, width: 40)
        #expect(full.count > 12)
        for limit in [1, 5, 12] {
            let top = DetailScreens.film(film, c, .en, width: 40, limit: limit)
            #expect(top.count == limit)
            #expect((0..<limit).map { top.row($0).text } == (0..<limit).map { full.row($0).text })
        }
    }

    @Test func aSnippetKeepsTheFirstMatchInViewAndItsHighlightOnIt() {
        let text = String(repeating: "filler words ", count: 40) + "the 版權 question" + String(repeating: " tail", count: 100)
        let at = Array(text).firstIndex(of: "版")!
        let (shown, ranges) = SearchScreen.snippet(text, [at..<(at + 2)], width: 30)
        #expect(shown.hasPrefix("…"))
        #expect(shown.count <= 32)
        let characters = Array(shown)
        #expect(ranges.count == 1 && String(characters[ranges[0]]) == "版權")
        #expect(DisplayWidth.of(String(characters[..<ranges[0].upperBound])) <= 30)
        // A match near the start: the text from its start, cut to about the width.
        let (start, early) = SearchScreen.snippet("版權 " + text, [0..<2], width: 30)
        #expect(start.hasPrefix("版權") && early == [0..<2] && start.count == 31)
    }
}
