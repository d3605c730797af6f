import Testing
import TextGrid
@testable import FestivalUI

/// Navigation, history and bounds of the pure `update`.
@Suite struct UpdateTests {
    typealias S = UITestSupport

    @Test func listCursorStopsAtBothEnds() {
        var state = S.state()
        #expect(state.viewport.selected == nil || state.viewport.selected == 0)
        S.press(&state, .up)
        #expect(state.viewport.selected == 0)
        S.press(&state, .char("j"), .down)
        #expect(state.viewport.selected == 2)
        S.press(&state, .char("G"))
        #expect(state.viewport.selected == 6)
        S.press(&state, .down, .char("j"), .pageDown, .ctrl("d"))
        #expect(state.viewport.selected == 6)
        S.press(&state, .home)
        #expect(state.viewport.selected == 0)
        S.press(&state, .pageUp, .ctrl("u"), .char("k"))
        #expect(state.viewport.selected == 0)
    }

    @Test func openAndGoBackThroughHistory() {
        var state = S.state()
        S.press(&state, .down, .enter)                 // JAILBIRD
        #expect(state.screen == .film("jailbird"))
        S.press(&state, .char("j"))                     // first link: the director
        S.press(&state, .enter)
        #expect(state.screen == .person("andrew-salter"))
        #expect(state.history == [.films, .film("jailbird"), .person("andrew-salter")])
        S.press(&state, .escape)
        #expect(state.screen == .film("jailbird"))
        S.press(&state, .char("h"), .backspace, .left)   // more backs than history: stays at the root
        #expect(state.screen == .films)
        #expect(state.viewport.selected == 1)            // the list remembers its cursor
    }

    @Test func sectionsKeepTheirOwnHistory() {
        var state = S.state()
        S.press(&state, .enter)
        S.press(&state, .tab)
        #expect(state.section == .quotes && state.screen == .quotes)
        S.press(&state, .backTab)
        #expect(state.screen == .film("total-pixel-space"))
        S.press(&state, .char("4"))
        #expect(state.screen == .festival)
        S.press(&state, .tab)
        #expect(state.section == .shelf)
        S.press(&state, .tab)
        #expect(state.section == .schedule)
        S.press(&state, .tab)
        #expect(state.section == .films)                 // wraps around
    }

    @Test func documentScrollIsBounded() {
        var state = S.state(width: 60, height: 12)
        state.open(.festival)
        for _ in 0..<500 { S.press(&state, .char("j")) }
        let page = Screens.page(state)
        let height = Layout(size: state.size, screen: state.screen).contentHeight
        #expect(state.viewport.scroll == page.count - height)
        for _ in 0..<500 { S.press(&state, .pageUp) }
        #expect(state.viewport.scroll == 0)
        S.press(&state, .end)
        #expect(state.viewport.scroll == page.count - height)
    }

    @Test func historyDepthIsBounded() {
        var state = S.state()
        state.open(.quote("q01"))
        for _ in 0..<200 {
            S.press(&state, .char("g"), .char("j"), .enter)      // quote → speaker
            S.press(&state, .char("G"), .enter)                   // speaker → last quote
        }
        #expect(state.history.count <= AppState.maxHistory)
        #expect(state.history.first == .quotes)
    }

    @Test func resizeKeepsSelectionVisible() {
        var state = S.state(width: 80, height: 24)
        S.press(&state, .char("2"), .char("G"))
        #expect(state.viewport.selected == state.catalog.quotes.count - 1)
        _ = update(&state, .resize(Size(width: 30, height: 7)), now: UITestSupport.now)
        let h = Layout(size: state.size, screen: state.screen).contentHeight
        let vp = state.viewport
        #expect(vp.selected! >= vp.scroll && vp.selected! < vp.scroll + h)
        _ = update(&state, .resize(Size(width: 200, height: 60)), now: UITestSupport.now)
        #expect(state.viewport.scroll == 0)
    }

    @Test func filtersAndSort() {
        var state = S.state()
        S.press(&state, .char("a"), .down, .enter)            // the menu's first value after "all"
        #expect(state.awardFilter == "grand-prix")
        #expect(ListScreens.films(state).map(\.id) == ["total-pixel-space"])
        S.press(&state, .char("x"), .char("S"))
        #expect(state.filmSort == .award)
        #expect(ListScreens.films(state).prefix(3).map(\.id) == ["total-pixel-space", "jailbird", "one"])
        S.press(&state, .char("S"))
        #expect(state.filmSort == .title)
        S.press(&state, .char("2"), .char("p"), .down, .enter) // the most quoted speaker
        #expect(state.quoteFilter.speaker == "cristobal-valenzuela")
        #expect(ListScreens.quotes(state).allSatisfy { $0.speaker == "cristobal-valenzuela" })
        S.press(&state, .char("t"), .down, .enter)
        #expect(state.quoteFilter.topic != nil)
        S.press(&state, .char("x"))
        #expect(ListScreens.quotes(state).count == state.catalog.quotes.count)
    }

    /// `/` folds as search does: Simplified finds Traditional, accents and case are ignored.
    @Test func findFoldsLikeSearch() {
        var state = S.state(S.builtin, .zhHant)
        S.press(&state, .char("/"))                          // the film list
        for c in "泪水多于" { S.press(&state, .char(c)) }     // the title is 淚水多於傷害
        let film = state.catalog.films.firstIndex { $0.id == "more-tears-than-harm" }!
        #expect(state.find?.matches == [film])
        state = S.state()
        S.press(&state, .char("3"), .char("/"))
        for c in "CRISTOBAL" { S.press(&state, .char(c)) }   // Cristóbal
        #expect(state.find?.matches.isEmpty == false)
    }

    /// On the quote list `/` finds too (through the index: the list may hold a million
    /// rows), and the current match is drawn apart from the others.
    @Test func findOnTheQuoteListMarksTheCurrentMatchApart() {
        var state = S.state(S.builtin, .en, width: 100, height: 30)
        S.press(&state, .char("2"), .char("/"))
        #expect(state.mode == .find)
        for c in "cristobal" { S.press(&state, .char(c)) }   // shown in the speaker column of every match
        let matches = state.find?.matches ?? []
        #expect(matches.count >= 2, "\(matches)")
        #expect(state.viewport.selected == matches.first)
        S.press(&state, .enter, .char("n"))
        #expect(state.viewport.selected == matches[1])
        let canvas = view(state, size: state.size)
        var marked: [Style] = []
        for y in 0..<canvas.height { for x in 0..<canvas.width where canvas[x, y].style.underline && canvas[x, y].style.bold { marked.append(canvas[x, y].style) } }
        #expect(marked.contains { $0.role == .highlight }, "the current match in the highlight color")
        #expect(marked.contains { $0.role != .highlight }, "the other matches only underlined")
    }

    @Test func findStepsThroughMatches() {
        var state = S.state()
        S.press(&state, .char("3"), .char("/"))             // the people list
        for c in "juror" { S.press(&state, .char(c)) }
        let jurors = state.catalog.people.indices.filter { state.catalog.people[$0].roles.contains(.juror) }
        #expect(jurors.count >= 3)
        #expect(state.find?.matches == jurors)
        S.press(&state, .enter)
        #expect(state.mode != .find)
        #expect(state.viewport.selected == jurors[0])
        S.press(&state, .char("n"))
        #expect(state.viewport.selected == jurors[1])
        S.press(&state, .char("N"), .char("N"))
        #expect(state.viewport.selected == jurors.last)       // wrapped backwards to the last
        S.press(&state, .escape)
        #expect(state.find == nil)
        S.press(&state, .char("/"), .char("z"), .char("z"), .char("q"), .enter)
        #expect(state.find?.matches.isEmpty == true)
    }

    @Test func findInChineseDocument() {
        var state = S.state(S.builtin, .zhHant)
        state.open(.film("total-pixel-space"))
        S.press(&state, .char("/"))
        for c in "旁白" { S.press(&state, .char(c)) }
        #expect((state.find?.matches.count ?? 0) >= 3)
    }

    @Test func languageToggleAndHelp() {
        var state = S.state()
        S.press(&state, .char("L"))
        #expect(state.language == .zhHant)
        #expect(view(state, size: state.size).line(0).contains("影片"))
        S.press(&state, .char("?"))
        #expect((state.mode == .help))
        #expect(view(state, size: state.size).text.contains("本畫面按鍵"))
        S.press(&state, .char("?"))
        #expect(!(state.mode == .help))
    }

    @Test func effects() {
        var state = S.state()
        #expect(S.press(&state, .ctrl("z")) == [.suspend])
        #expect(S.press(&state, .ctrl("l")) == [.redraw])
        state.open(.film("total-pixel-space"))
        var link: [Effect] = []
        for _ in 0..<10 {
            S.press(&state, .char("j"))
            link = S.press(&state, .enter)
            if !link.isEmpty { break }
            if state.screen != .film("total-pixel-space") { S.press(&state, .escape) }
        }
        #expect(link == [.openURL("https://youtu.be/zpAeygE4d1A")])
        #expect(S.press(&state, .char("q")) == [.quit])
        #expect(state.quitting)
    }

    @Test func mouseClicksTabsAndRows() {
        var state = S.state()
        S.press(&state, .mouse(MouseEvent(.click, x: 3, y: 4)))
        #expect(state.viewport.selected == 2)
        S.press(&state, .mouse(MouseEvent(.doubleClick, x: 3, y: 3)))
        #expect(state.screen == .film("jailbird"))
        S.press(&state, .mouse(MouseEvent(.click, x: 14, y: 0)))
        #expect(state.section == .quotes)
        S.press(&state, .mouse(MouseEvent(.wheelDown, x: 5, y: 5)))
        #expect(state.viewport.selected == 3)
    }
}
