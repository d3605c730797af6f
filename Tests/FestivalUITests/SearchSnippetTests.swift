import FestivalCatalog
import FestivalLibrary
import FestivalSearch
import Testing
@testable import FestivalUI

/// A result that matched in a field the list does not show says which field, with the
/// match highlighted in a labelled snippet.
@Suite struct SearchSnippetTests {
    typealias S = UITestSupport

    static func results(_ text: String, _ language: Language) -> [SearchResult] {
        let library = S.builtinLibrary, query = SearchQuery(text)
        let presenter = SearchPresenter(library: library)
        return library.index.search(query).map { presenter.result($0, query: query, language: language) }
    }

    static func highlighted(_ result: SearchResult) -> [String] {
        let characters = Array(result.text)
        return result.textHighlights.map { String(characters[$0]) }
    }

    @Test func awardsAreFoundAndTheAwardIsTheSnippet() {
        let grand = Self.results("grand prix", .en)
        #expect(grand.contains { $0.kind == .film && $0.heading == "Total Pixel Space" })
        let film = grand.first { $0.heading == "Total Pixel Space" }!
        #expect(film.text.hasPrefix("Award: "))
        #expect(Self.highlighted(film).map { $0.lowercased() } == ["grand", "prix"])
        let gold = Self.results("gold", .en).filter { $0.kind == .film }
        #expect(gold.count == 1 && gold[0].text.hasPrefix("Award: ") && Self.highlighted(gold[0]) == ["Gold"])
        // In Chinese the award is found by either name, the snippet in the language it matched.
        let zh = Self.results("大獎", .zhHant).first { $0.kind == .film }
        #expect(zh?.heading == "全像素空間" && zh.map(Self.highlighted) == ["大獎"])
    }

    @Test func aNameInTheOtherScriptIsShownWhenItIsWhatMatched() {
        let hits = Self.results("布魯斯", .en)
        let person = hits.first { $0.kind == .person }
        #expect(person?.heading == "Bruce Markoe")
        #expect(person.map(Self.highlighted) == ["布魯斯"])
        #expect(person?.text == "布魯斯·馬科")
        // The heading matched: no snippet of a hidden field, the person's own line.
        let named = Self.results("markoe", .en).first { $0.kind == .person }!
        #expect(named.headingHighlights.count == 1 && !named.text.contains("布魯斯"))
    }

    @Test func plainOutputPicksTheSameField() {
        let library = S.builtinLibrary, query = SearchQuery("grand prix")
        let presenter = SearchPresenter(library: library)
        for hit in library.index.search(query) {
            let shown = presenter.result(hit, query: query, language: .en)
            let plain = presenter.result(hit, query: query, language: .en, highlights: false)
            #expect(shown.text == plain.text && plain.textHighlights.isEmpty)
        }
    }
}

/// The festival is searched too: its names, description, organizer and every event's
/// name, venue and city; a match in an event shows that event.
@Suite struct FestivalSearchTests {
    typealias S = UITestSupport

    @Test func anEventsVenueFindsTheFestivalWithThatEventAsTheSnippet() {
        let hits = SearchSnippetTests.results("Broad Stage", .en)
        #expect(hits.map(\.kind) == [.festival])
        let festival = hits[0]
        #expect(festival.heading == "Runway AI Film Festival 2025" && festival.id == "festival")
        #expect(festival.text == "Dates and venues: Los Angeles screening — The Broad Stage, Santa Monica (Los Angeles)")
        #expect(SearchSnippetTests.highlighted(festival) == ["Broad", "Stage"])
        let zh = SearchSnippetTests.results("林肯中心", .zhHant)
        #expect(zh.first?.kind == .festival, "the festival first: ties go in catalog order, the festival before films")
        #expect(SearchSnippetTests.results("Runway", .en).first?.kind == .festival)
    }

    @Test func aFilterLeavesTheFestivalOut() {
        #expect(!SearchSnippetTests.results("Runway speaker:valenzuela", .en).contains { $0.kind == .festival })
    }

    /// Enter opens the festival's page over the search; back returns to the results; `o`
    /// offers the festival's website; exports hold it with the films, people and quotes found.
    @Test func theResultOpensTheFestivalPage() throws {
        var state = S.state()
        S.press(&state, .char("s"))
        for c in "Broad Stage" { S.press(&state, .char(c)) }
        #expect(view(state, size: state.size).text.contains("Festival Runway AI Film"))
        #expect(Selection.link(state) == state.catalog.festival.website)
        S.press(&state, .enter)
        #expect(state.screen == .festival && state.history == [.films, .search, .festival])
        S.press(&state, .escape)
        #expect(state.screen == .search)
        #expect(ExportList.current(state).festival && ExportList.current(state).count == state.search.hits.count)
    }
}

/// A bare `topic:` (`speaker:`, `film:`) lists the values it takes; Enter completes the
/// query with the chosen one's id and the search runs on.
@Suite struct SearchCompletionTests {
    typealias S = UITestSupport

    static func typed(_ text: String, _ language: Language = .en) -> AppState {
        var state = S.state(S.builtin, language)
        S.press(&state, .char("s"))
        for c in text { S.press(&state, .char(c)) }
        return state
    }

    @Test func aBareTopicListsTheTopicsAndEnterCompletes() throws {
        var state = Self.typed("topic:")
        let page = Screens.page(state)
        #expect(page.count == state.catalog.topics.count)
        #expect(page.row(0).target == .query("topic:" + state.catalog.topics[0].id + " "))
        let text = view(state, size: state.size).text
        #expect(text.contains("Search: topic:  \(state.catalog.topics.count) topics · Enter completes"))
        #expect(text.contains("copyright") && text.contains("版權"))
        S.press(&state, .ctrl("n"), .enter)
        let second = state.catalog.topics[1].id
        #expect(state.mode == .search && state.search.input == "topic:\(second) ")
        #expect(!state.search.hits.isEmpty)
        #expect(state.search.history.isEmpty, "a bare field is not a search to remember")
        for c in "ai" { S.press(&state, .char(c)) }
        #expect(state.search.input == "topic:\(second) ai" && SearchCompletion(state.search.input, catalog: state.catalog) == nil)
    }

    @Test func speakersAndFilmsInEitherLanguage() {
        let speaker = Self.typed("copyright speaker:", .zhHant)
        #expect(Screens.page(speaker).count == speaker.catalog.people.count)
        #expect(view(speaker, size: speaker.size).text.contains("人物 · Enter 補全"))
        let film = Self.typed("FILM:")
        #expect(Screens.page(film).row(0).target == .query("FILM:" + film.catalog.films[0].id + " "))
    }

    /// Only a bare field name with its colon, last, outside quotes.
    @Test func anythingElseSearchesAsBefore() {
        for text in ["topic:c", "topic: ", "\"a topic:", "notafield:", "topic:copyright"] {
            let state = Self.typed(text)
            #expect(SearchCompletion(text, catalog: state.catalog) == nil, "\(text)")
            let page = Screens.page(state)
            #expect((0..<page.count).allSatisfy { if case .query = page.row($0).target { false } else { true } }, "\(text)")
        }
    }
}
