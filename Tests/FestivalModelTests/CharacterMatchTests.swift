import Testing
@testable import FestivalCatalog
@testable import FestivalSearch
@testable import FestivalSynthetic

/// Terms with non-ASCII characters found through the character index — its offset lists
/// intersected, on one core or several, starting from a remembered shorter term — match
/// exactly what a scan of the corpus finds.
@Suite struct CharacterMatchTests {
    static let catalog = CatalogGenerator(films: 20, quotes: 3_000, seed: 8).catalog()
    static let index = SearchIndex(catalog: catalog)
    /// The same corpus with no character index: every such term is scanned for.
    static let scanned = SearchIndex(documents: index.documents, corpus: index.corpus, words: index.words,
                                     characters: nil, keys: index.keys, references: index.references)

    static func scan(_ term: [UInt8]) -> [(record: Int, match: SearchIndex.MatchClass)] {
        scanned.matches(term, best: .wholeWord, candidates: nil, allowed: nil)
    }

    static func classes(from found: [(record: Int, match: SearchIndex.MatchClass)]) -> [UInt8] {
        var classes = [UInt8](repeating: 0, count: index.corpus.count)
        for m in found { classes[m.record] = UInt8(m.match.rawValue + 1) }
        return classes
    }

    /// Typed a character at a time, then deleted back, then other terms: each step is the scan's answer.
    static let typing = ["畫", "畫面", "畫面的", "畫面的另", "畫面的另一", "畫面的另一半", "畫面的另", "畫面",
                         "說", "說話", "說話我", "面的", "的", "畫a", "a畫面", "s畫面", "的story", "·", "畫面zz", "龘"]

    @Test func typingAndDeletingMatchesTheScan() throws {
        guard let characters = Self.index.characters else { Issue.record("no character index"); return }
        var sawHits = false
        for term in Self.typing {
            let folded = SearchQuery(term).terms[0]
            let expected = Self.scan(folded)
            guard let found = characters.matches(folded, in: Self.index.corpus) else {
                Issue.record("\(term): the character index should answer it")
                continue
            }
            #expect(found.map { $0.record } == expected.map { $0.record }, "\(term)")
            #expect(found.map { $0.match } == expected.map { $0.match }, "\(term)")
            let classes = characters.classes(folded, in: Self.index.corpus)
            #expect(classes == Self.classes(from: expected), "\(term)")
            #expect(characters.classes(folded, in: Self.index.corpus, parallelAbove: 1) == classes, "\(term) on every core")
            sawHits = sawHits || expected.count > 100
        }
        #expect(sawHits, "the catalog must hold these terms for the test to mean anything")
    }

    @Test func theMemoForgetsTheOldestWhenItHoldsTooManyStarts() {
        let memo = StartsMemo()
        let half = [Int32](repeating: 1, count: StartsMemo.startsBudget / 2 + 1)
        memo.remember(Array("電影".utf8), half)
        memo.remember(Array("畫面".utf8), half)
        #expect(memo.longestPrefix(of: Array("電影院".utf8)) == nil, "the older half-budget term went")
        #expect(memo.longestPrefix(of: Array("畫面中".utf8))?.1 == Array("畫面".utf8).count)
        memo.remember(Array("太".utf8), [Int32](repeating: 1, count: StartsMemo.startsBudget + 1))
        #expect(memo.longestPrefix(of: Array("太多".utf8)) == nil, "a term over the whole budget is not kept")
    }

    @Test func aFreshIndexAgreesWithOneThatRemembers() throws {
        // The remembering index has seen the shorter terms; a fresh one has not.
        let fresh = try #require(SearchIndex(catalog: Self.catalog).characters)
        let warm = try #require(Self.index.characters)
        for term in ["畫面", "畫面的"] { _ = warm.classes(SearchQuery(term).terms[0], in: Self.index.corpus) }
        for term in ["畫面的另一半", "畫面的", "畫面x"] {
            let folded = SearchQuery(term).terms[0]
            #expect(fresh.classes(folded, in: Self.index.corpus) == warm.classes(folded, in: Self.index.corpus), "\(term)")
        }
    }

    @Test func termsWithoutNonASCIICharactersAreNotItsBusiness() throws {
        let characters = try #require(Self.index.characters)
        #expect(characters.matches(Array("story".utf8), in: Self.index.corpus) == nil)
        #expect(characters.classes(Array("a-b".utf8), in: Self.index.corpus) == nil)
    }
}
