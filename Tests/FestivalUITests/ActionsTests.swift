import FestivalText
import Testing
import TextGrid
@testable import FestivalUI

/// `o` (open a link) and `y` (copy) decide what to open or copy from the selection.
@Suite struct ActionsTests {
    typealias S = UITestSupport

    @Test func copyAQuoteWithSpeakerAndSource() {
        var state = S.state()
        S.press(&state, .char("2"))                       // the quote list, first quote selected
        let effects = S.press(&state, .char("y"))
        guard case .copy(let text)? = effects.first else { Issue.record("no copy: \(effects)"); return }
        let q = state.catalog.quotes[0]
        #expect(text.contains(Format.quoteText(q, .en)))
        #expect(text.contains("Cristóbal Valenzuela"))
        #expect(text.contains("https://"))                // its source link
        #expect(state.message?.hasPrefix("Copied to the clipboard: quote \(q.id)") == true)
    }

    @Test func openAFilmsWatchLink() {
        var state = S.state()
        let effects = S.press(&state, .char("o"))         // Total Pixel Space, selected in the list
        let film = state.catalog.films[0]
        #expect(effects == [.openURL(film.watchURL!)])
        state.open(.film(film.id))
        #expect(S.press(&state, .char("o")) == [.openURL(film.watchURL!)])
        S.press(&state, .char("y"))
        #expect(state.message?.contains(film.watchURL!) == true)
    }

    @Test func linkRowsAreMarkedAsHyperlinksOnTheCanvas() {
        var state = S.state(S.builtin, .en, width: 100, height: 30)
        state.open(.film("total-pixel-space"))
        let canvas = view(state, size: state.size)
        let film = state.catalog.film("total-pixel-space")!
        let link = try! #require(canvas.links.first { $0.url == film.watchURL })
        let text = (link.x..<(link.x + link.width)).map { canvas[$0, link.y].text }.joined()
        #expect(!text.hasPrefix(" ") && !text.isEmpty)
    }

    @Test func nothingToOpenSaysSo() {
        var state = S.state(S.minimal)
        state.open(.film("second"))                        // a film without links or sources
        #expect(S.press(&state, .char("o")).isEmpty)
        #expect(state.message == "No link here.")
    }

    @Test func keysAreInTheHelp() {
        let help = Keymap.standard.help(for: .quoteList, .zhHant)
        #expect(help.contains { $0.keys == "o / y" && $0.text.contains("複製") })
    }
}

/// `e`: the list on screen, in its order, as an export request.
@Suite struct ExportKeyTests {
    typealias S = UITestSupport

    @Test func quoteListExportsItsQuotesInOrder() {
        var state = S.state()
        S.press(&state, .char("2"), .char("p"))                     // filtered by a speaker
        S.press(&state, .char("e"))
        #expect((state.mode == .exportFormat))
        #expect(view(state, size: state.size).text.contains("Export as: m Markdown"))
        let effects = S.press(&state, .char("m"))
        guard case .export(let request)? = effects.first else { Issue.record("no export: \(effects)"); return }
        #expect(request.format == .md)
        #expect(request.quoteIDs == ListScreens.quotes(state).map(\.id))
        #expect(request.filmIDs.isEmpty)
    }

    @Test func searchResultsAndCancel() {
        var state = S.state()
        state.showSearch("valenzuela")
        S.press(&state, .tab, .char("e"))
        guard case .export(let request)? = S.press(&state, .char("c")).first else { Issue.record("no export"); return }
        #expect(request.quoteIDs.count == 11 && request.format == .csv)
        S.press(&state, .char("e"), .escape)
        #expect(!(state.mode == .exportFormat))
        state.open(.festival)
        #expect(S.press(&state, .char("e")).isEmpty)
        #expect(state.message == "No list to export here.")
    }
}
