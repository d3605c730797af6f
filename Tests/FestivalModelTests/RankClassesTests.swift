import Testing
@testable import FestivalCatalog
@testable import FestivalSearch
@testable import FestivalSynthetic

/// One-term searches ranked straight from a class per record (`rankClasses`) give exactly
/// the hits of the list of matches ranked as before, on one core or several, alone or
/// narrowing an earlier query.
@Suite struct RankClassesTests {
    static let index = SearchIndex(catalog: CatalogGenerator(films: 30, quotes: 6_000, seed: 5).catalog())

    /// The hits of the general path: the matches, then ranked by class.
    static func reference(_ term: String, within universe: [Int]? = nil) -> [SearchIndex.Hit] {
        let folded = SearchQuery(term).terms[0]
        let found = index.matches(folded, best: .wholeWord, candidates: universe, allowed: nil)
        return index.rank(found.map { ($0.record, $0.match == .wholeWord ? .phrase : $0.match == .wordStart ? .wordStart : .substring) })
    }

    static let terms = ["e", "s", "7", "the", "story", "edit", "畫", "畫面", "說話", "的", "zzzq"]

    @Test(arguments: terms) func aTermRanksAsItsMatchesDo(term: String) throws {
        let expected = Self.reference(term)
        let folded = SearchQuery(term).terms[0]
        let classes = try #require(Self.index.classes(of: folded))
        #expect(Self.index.rankClasses(classes, member: nil) == expected)
        #expect(Self.index.rankClasses(classes, member: nil, parallelAbove: 1) == expected, "on every core")
        #expect(Self.index.search(SearchQuery(term)) == expected)
        if !["zzzq", "7"].contains(term) { #expect(!expected.isEmpty) }
    }

    @Test func narrowingKeepsOnlyEarlierHitsInTheSameOrder() {
        for (earlierTerm, term) in [("s", "st"), ("e", "ed"), ("畫", "畫面"), ("st", "sto"), ("zzzq", "zzzqq")] {
            let earlier = Self.index.search(SearchQuery(earlierTerm))
            let universe = SearchIndex.documentsInOrder(earlier)
            let expected = Self.reference(term, within: universe)
            #expect(Self.index.search(SearchQuery(term), narrowing: earlier) == expected, "\(earlierTerm) → \(term)")
            #expect(Self.index.search(SearchQuery(term), within: universe) == expected)
        }
        // Several terms still take the general path.
        let earlier = Self.index.search(SearchQuery("the"))
        #expect(Self.index.search(SearchQuery("the s"), narrowing: earlier)
            == Self.index.search(SearchQuery("the s"), within: SearchIndex.documentsInOrder(earlier)))
    }
}
