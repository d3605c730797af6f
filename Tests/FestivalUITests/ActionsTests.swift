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

/// `e`: the list on screen, every kind, in its order, as an export request to a path the
/// prompt shows and lets the user edit.
@Suite struct ExportKeyTests {
    typealias S = UITestSupport

    /// `e`, the format key, then Enter in the path prompt.
    static func export(_ state: inout AppState, _ format: Character = "m") -> ExportRequest? {
        S.press(&state, .char("e"), .char(format))
        guard case .export(let request)? = S.press(&state, .enter).first else { return nil }
        return request
    }

    @Test func quoteListExportsItsQuotesInOrder() throws {
        var state = S.state()
        S.press(&state, .char("2"), .char("p"), .down, .enter)      // filtered by a speaker
        S.press(&state, .char("e"))
        #expect((state.mode == .exportFormat))
        #expect(view(state, size: state.size).text.contains("Export as: m Markdown"))
        #expect(S.press(&state, .char("m")).isEmpty, "the format opens the path prompt; nothing is written yet")
        guard case .exportPath(let prompt) = state.mode else { Issue.record("no path prompt: \(state.mode)"); return }
        #expect(prompt.field.text == "./festival-quotes-20270115-080000.md")
        let bottom = view(state, size: state.size).text.split(separator: "\n").last.map(String.init) ?? ""
        #expect(bottom == "Export to: ./festival-quotes-20270115-080000.md", "\(bottom)")
        let effects = S.press(&state, .enter)
        guard case .export(let request)? = effects.first else { Issue.record("no export: \(effects)"); return }
        #expect(request.format == .md && request.path == prompt.field.text)
        #expect(request.quoteIDs == ListScreens.quotes(state).map(\.id))
        #expect(request.filmIDs.isEmpty && request.personIDs.isEmpty)
    }

    /// N13: a relative path typed in the prompt is taken from the export directory, as the
    /// README says.
    @Test func aRelativePathIsTakenFromTheExportDirectory() {
        var state = AppState(catalog: S.builtin, language: .en, size: Size(width: 100, height: 30), library: S.builtinLibrary,
                             exportDirectory: "/home/me/exports/")
        S.press(&state, .char("e"), .char("m"), .ctrl("u"))
        for c in "rel.md" { S.press(&state, .char(c)) }
        guard case .export(let request)? = S.press(&state, .enter).first else { Issue.record("no export"); return }
        #expect(request.path == "/home/me/exports/rel.md")
        #expect(ExportList.inExportDirectory("~/x.md", "/e") == "~/x.md" && ExportList.inExportDirectory("/t/x.md", "/e") == "/t/x.md")
        #expect(ExportList.inExportDirectory("x.md", ".") == "x.md" && ExportList.inExportDirectory("a/x.md", "/") == "/a/x.md")
    }

    @Test func thePathCanBeEditedOrTheExportCancelled() {
        var state = AppState(catalog: S.builtin, language: .en, size: Size(width: 100, height: 30), library: S.builtinLibrary,
                             exportDirectory: "/home/me/exports/")
        S.press(&state, .char("e"), .char("j"))
        guard case .exportPath(let prompt) = state.mode else { Issue.record("no prompt"); return }
        #expect(prompt.field.text == "/home/me/exports/festival-films-20270115-080000.json")
        // Ctrl-w takes the file name back to the directory's slash-less word; type another.
        S.press(&state, .ctrl("u"))
        for c in "~/x.json" { S.press(&state, .char(c)) }
        guard case .export(let request)? = S.press(&state, .enter).first else { Issue.record("no export"); return }
        #expect(request.path == "~/x.json" && request.format == .json && request.filmIDs.count == S.builtin.films.count)
        S.press(&state, .char("e"), .char("c"))
        #expect(S.press(&state, .escape).isEmpty && state.mode == .browse && state.message == "Export cancelled.")
        S.press(&state, .char("e"), .char("x"))
        #expect(state.mode == .browse, "another key than m, c or j cancels the format")
    }

    @Test func everyKindOnScreenIsExported() throws {
        var state = S.state()
        // Search results: films, people and quotes.
        state.showSearch("valenzuela")
        S.press(&state, .tab)
        let search = try #require(Self.export(&state, "c"))
        #expect(search.quoteIDs.count == 11 && search.personIDs == ["cristobal-valenzuela"] && search.format == .csv)
        #expect(search.quoteIDs.count + search.filmIDs.count + search.personIDs.count == state.search.hits.count)
        // People: the people.
        state = S.state()
        S.press(&state, .char("3"))
        let people = try #require(Self.export(&state))
        #expect(people.personIDs == S.builtin.people.map(\.id) && people.quoteIDs.isEmpty)
        // A film's page: the film and its quotes.
        state = S.state()
        state.open(.film("total-pixel-space"))
        let film = try #require(Self.export(&state))
        #expect(film.filmIDs == ["total-pixel-space"] && film.quoteIDs == S.builtin.quotes(aboutFilm: "total-pixel-space").map(\.id))
        // A person's page: the person, their quotes and their films.
        state = S.state()
        state.open(.person("cristobal-valenzuela"))
        let person = try #require(Self.export(&state))
        #expect(person.personIDs == ["cristobal-valenzuela"] && person.quoteIDs.count == 11)
        // The festival page: the festival.
        state.open(.festival)
        let festival = try #require(Self.export(&state))
        #expect(festival.festival && festival.filmIDs.isEmpty && festival.quoteIDs.isEmpty && festival.personIDs.isEmpty)
        #expect(festival.path.contains("festival-festival-"))
        // A search that finds the festival exports it with the rest.
        state = S.state()
        state.showSearch("Santa Monica")
        S.press(&state, .tab)
        let found = try #require(Self.export(&state))
        #expect(found.festival && found.quoteIDs.count + found.filmIDs.count + found.personIDs.count + 1 == state.search.hits.count)
        // An empty shelf has nothing to export.
        state = S.state()
        S.press(&state, .char("5"), .char("e"))
        #expect(state.mode == .browse && state.message == "Nothing to export here.")
    }

    @Test func theShelfExportsEverythingOnIt() throws {
        var state = S.state()
        S.press(&state, .char("w"))                                 // a watched film, not a favorite
        S.press(&state, .char("j"), .char("r"), .char("4"))         // a rated one
        S.press(&state, .char("2"), .char("f"))                     // a favorite quote
        S.press(&state, .char("5"))
        let request = try #require(Self.export(&state))
        let films = ListScreens.films(S.state())
        #expect(request.filmIDs.sorted() == [films[0].id, films[1].id].sorted(), "watched and rated films, not only favorites")
        #expect(request.quoteIDs == [ListScreens.quotes(S.state())[0].id])
    }
}
