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
