import Foundation
import Testing
@testable import FestivalIO
@testable import FestivalCatalog
@testable import FestivalSearch
@testable import FestivalSynthetic
import BuiltinCatalog

/// Folding, query parsing, matching, ranking and highlights.
@Suite struct FoldTests {
    static func folded(_ s: String) -> String { String(decoding: Fold.bytes(s), as: UTF8.self) }

    @Test(arguments: [
        ("Cristóbal", "cristobal"), ("VALLÉE", "vallee"), ("Zoë", "zoe"), ("e\u{301}", "e"),
        ("Straße", "strasse"), ("Łódź", "lodz"), ("naïve café", "naive cafe"),
    ])
    func caseAndDiacritics(input: String, expected: String) {
        #expect(Self.folded(input) == expected)
    }

    @Test(arguments: [("ＡＩ　Ｆｉｌｍ１２３", "ai film123"), ("，。", ",。"), ("ｶﾒﾗ", "カメラ")])
    func width(input: String, expected: String) {
        #expect(Self.folded(input) == expected)
    }

    @Test(arguments: [("電影", "电影"), ("版權", "版权"), ("創作", "创作"), ("發與髮", "发与发"), ("後", "后")])
    func traditionalAndSimplifiedFoldTogether(traditional: String, simplified: String) {
        #expect(Fold.bytes(traditional) == Fold.bytes(simplified))
        #expect(Self.folded(traditional) == simplified)
    }

    @Test func spacesAndControlsCollapse() {
        #expect(Self.folded("  a\t\n\u{1B}[31m b\u{3000}c ") == "a [31m b c ")
        #expect(Self.folded("🎬 👨‍👩‍👧") == "🎬 👨‍👩‍👧")
    }

    @Test func foldingIsIdempotent() {
        for text in ["Cristóbal Valenzuela", "電影版權 ＡＩ", "Straße Ǆ ǅ", "ﬁlm"] {
            let once = Self.folded(text)
            #expect(Self.folded(once) == once)
        }
    }

    @Test func mappedOffsetsPointAtOriginalCharacters() {
        let (bytes, grapheme) = Fold.mapped("Aé電ß")
        #expect(String(decoding: bytes, as: UTF8.self) == "ae电ss")
        // a, e, 电 (3 bytes), s, s
        #expect(grapheme == [0, 1, 2, 2, 2, 3, 3])
    }
}

@Suite struct SearchQueryTests {
    @Test func wordsPhrasesAndFilters() {
        let q = SearchQuery(#"Red  "camera STAYED" speaker:Cristóbal topic:"版權" film: other:x"#)
        #expect(q.terms.map { String(decoding: $0, as: UTF8.self) } == ["red", "camera stayed", "other:x"])
        #expect(q.filters == [
            .init(field: .speaker, value: Array("cristobal".utf8)),
            .init(field: .topic, value: Fold.bytes("版权")),
        ])
        #expect(String(decoding: q.phrase, as: UTF8.self) == "red camera stayed other:x")
    }

    @Test func unterminatedQuoteRunsToTheEnd() {
        #expect(SearchQuery(#""red cam"#).terms == [Array("red cam".utf8)])
        #expect(SearchQuery("   ").isEmpty)
    }
}

@Suite struct SearchIndexTests {
    static let catalog: Catalog = try! CatalogLoader.load(path: TestSupport.fixtures.appending(path: "search.json").path)
    static let index = SearchIndex(catalog: catalog)

    /// Quote ids of the hits, in rank order.
    static func quotes(_ text: String) -> [String] {
        index.search(SearchQuery(text), in: [.quote]).map { catalog.quotes[index.documents[$0.document].index].id }
    }

    @Test func rankingPhraseThenWordStartThenSubstring() {
        // s3, s4 and s9 have "camera" as a whole word; s2 "cameras" starts a word; s1 "minicamera" is inside one.
        #expect(Self.quotes("camera") == ["s3", "s4", "s9", "s2", "s1"])
        let tiers = Self.index.search(SearchQuery("camera"), in: [.quote]).map(\.tier)
        #expect(tiers == [.phrase, .phrase, .phrase, .wordStart, .substring])
    }

    @Test func multipleWordsAreANDedAndThePhraseRanksFirst() {
        // s4 has "red camera"; s3 has both words apart; s2 "red cameras"; s9 "bored camera" only inside a word.
        #expect(Self.quotes("red camera") == ["s4", "s2", "s3", "s9"])
        // No quote has the phrase "camera red": all word-start matches, in catalog order.
        #expect(Self.quotes("camera RED") == ["s2", "s3", "s4", "s9"])
        #expect(Self.index.search(SearchQuery("camera RED"), in: [.quote]).map(\.tier) == [.wordStart, .wordStart, .wordStart, .substring])
        #expect(Self.quotes("drone camera") == ["s1"])
        #expect(Self.quotes("drone red").isEmpty)
    }

    @Test func quotedPhraseMatchesExactly() {
        #expect(Self.quotes(#""red camera""#) == ["s4", "s2", "s9"])   // s9: "bo|red camera"
        #expect(Self.quotes(#""camera red""#).isEmpty)
    }

    @Test func foldedMatching() {
        #expect(Self.quotes("cristobal") == ["s5", "s6", "s7"])   // s5, s6 by their speaker's name
        #expect(Self.quotes("Vallee") == ["s7"])
        #expect(Self.quotes("ai cafe") == ["s7"])
        #expect(Self.quotes("strasse") == ["s8"])
        #expect(Self.quotes("电影") == ["s5", "s6"])       // Simplified finds Traditional and Simplified
        #expect(Self.quotes("版權") == ["s5", "s6"])       // and the other way round
    }

    @Test func fieldFilters() {
        #expect(Self.quotes("speaker:cris") == ["s5", "s6"])
        #expect(Self.quotes("speaker:valenzuela 答案") == ["s5"])
        #expect(Self.quotes("topic:copyright") == ["s5", "s6"])
        #expect(Self.quotes("topic:版权 film:second") == ["s6"])
        #expect(Self.quotes("film:first red") == ["s3", "s4"])
        #expect(Self.quotes("speaker:nobody").isEmpty)
    }

    @Test func speakerNamesFilmTitlesAndTopicsAreSearchable() {
        #expect(Self.quotes("li bo").contains("s1"))          // the speaker's name
        #expect(Self.quotes("first light") == ["s3", "s4"])  // the film's title
        #expect(Self.quotes("技藝") == ["s2", "s3"])          // the topic's Chinese name
    }

    @Test func kindsAndCatalogOrder() {
        let hits = Self.index.search(SearchQuery("ana"))
        let kinds = hits.map { Self.index.documents[$0.document].kind }
        // Her films (as director), her person page, her quotes (as speaker): catalog order.
        #expect(kinds == [.film, .film, .person, .quote, .quote, .quote])
        #expect(Self.index.search(SearchQuery("")).isEmpty)
    }

    @Test func documentsInOrderMergesTheTiers() {
        let hits = Self.index.search(SearchQuery("camera"))
        #expect(Set(hits.map(\.tier)).count == 3)
        #expect(SearchIndex.documentsInOrder(hits) == hits.map(\.document).sorted())
        #expect(SearchIndex.documentsInOrder([]) == [])
    }

    @Test func universeNarrowsARefinedQuery() {
        let first = Self.index.search(SearchQuery("cam"), in: [.quote])
        let refined = Self.index.search(SearchQuery("camera s"), in: [.quote], within: first.map(\.document))
        #expect(refined.map(\.document) == Self.index.search(SearchQuery("camera s"), in: [.quote]).map(\.document))
    }

    @Test func highlightsMapToTheOriginalText() {
        let text = "Cristóbal met Zoë Vallée at the ＡＩ café."
        let ranges = SearchQuery("vallee cafe ai").highlights(in: text)
        let characters = Array(text)
        #expect(ranges.map { String(characters[$0]) } == ["Vallée", "ＡＩ", "café"])
        // Folding changes length: ß is "ss", and the combining accent is dropped.
        let german = "Die Straße und e\u{301}cole"
        #expect(SearchQuery("strasse ecole").highlights(in: german).map { String(Array(german)[$0]) } == ["Straße", "e\u{301}cole"])
        let chinese = "電影版權屬於誰？"
        #expect(SearchQuery("版权").highlights(in: chinese) == [2..<4])
        #expect(SearchQuery("影 影版").highlights(in: chinese) == [1..<3])  // overlapping ranges merge
    }

    @Test func binaryRoundTripSearchesTheSame() throws {
        var w = BinaryWriter()
        Self.index.encode(to: &w)
        var r = BinaryReader(w.bytes)
        let copy = try SearchIndex(decoding: &r)
        #expect(r.isAtEnd)
        #expect(copy.fits(Self.catalog))
        for q in ["camera", "red camera", "speaker:cris", "topic:版权 film:second", "版權"] {
            #expect(copy.search(SearchQuery(q)) == Self.index.search(SearchQuery(q)))
        }
        // Every truncation is an error, never a crash.
        for cut in stride(from: 0, to: w.bytes.count, by: max(1, w.bytes.count / 97)) {
            var short = BinaryReader(Array(w.bytes[..<cut]))
            #expect(throws: BinaryReader.Corrupt.self) { _ = try SearchIndex(decoding: &short) }
        }
    }

    @Test func builtInCatalogFindsValenzuelaInChinese() throws {
        let catalog = try CatalogLoader.load(bytes: Array(BuiltinCatalog.json.utf8), file: BuiltinCatalog.displayName)
        let index = SearchIndex(catalog: catalog)
        let hits = index.search(SearchQuery("版权"), in: [.quote])
        #expect(!hits.isEmpty)
        let speakers = Set(hits.map { catalog.quotes[index.documents[$0.document].index].speaker })
        #expect(speakers.contains("cristobal-valenzuela"))
    }
}

/// The word index and letter masks answer terms without scanning the corpus; what they
/// answer must be what a scan of the corpus finds.
@Suite struct WordIndexTests {
    static let catalog = CatalogGenerator(films: 6, quotes: 250, seed: 11).catalog()
    static let index = SearchIndex(catalog: catalog)

    /// Every record containing `term`, with the best class of its occurrences, by brute force.
    static func scanned(_ term: [UInt8], in corpus: ByteCorpus) -> [(record: Int, match: SearchIndex.MatchClass)] {
        var out: [(record: Int, match: SearchIndex.MatchClass)] = []
        for record in 0..<corpus.count {
            var best: SearchIndex.MatchClass?
            let lo = corpus.starts[record], hi = corpus.end(of: record)
            var start = lo
            while start + term.count <= hi {
                if corpus.bytes[start] == term[0], corpus.bytes[start..<(start + term.count)].elementsEqual(term) {
                    let match: SearchIndex.MatchClass = !corpus.isWordStart(start) ? .substring
                        : corpus.isWordEnd(start + term.count) ? .wholeWord : .wordStart
                    best = max(best ?? match, match)
                }
                start += 1
            }
            if let best { out.append((record, best)) }
        }
        return out
    }

    /// Terms cut from the corpus's own words (whole, prefixes, middles, ends), digits, one
    /// letter, and words that are not there.
    static var terms: [[UInt8]] {
        let words = index.words.words
        var terms: [[UInt8]] = [Array("zzqx".utf8), Array("q".utf8), Array("7".utf8), Array("a".utf8), Array("20".utf8)]
        for w in stride(from: 0, to: words.count, by: max(1, words.count / 40)) {
            let word = Array(words.bytes[words.starts[w]..<words.end(of: w)])
            terms.append(word)
            if word.count > 2 && word.allSatisfy({ $0 < 0x80 }) {
                terms.append(Array(word.prefix(2)))
                terms.append(Array(word.dropFirst()))
                terms.append(Array(word.dropFirst().dropLast()))
            }
        }
        // Runs of one to four characters from the corpus itself: Han, punctuation, mixed.
        let corpus = index.corpus
        for record in stride(from: 0, to: corpus.count, by: 17) {
            var i = corpus.starts[record] + 7
            while i < corpus.end(of: record) && corpus.bytes[i] & 0xC0 == 0x80 { i += 1 }   // a character's start
            var j = i
            for _ in 0..<(1 + record % 4) where j < corpus.end(of: record) {
                j += corpus.bytes[j] >= 0xC0 ? CharacterIndex.scalarLength(corpus.bytes[j]) : 1
            }
            if j > i && j <= corpus.end(of: record) { terms.append(Array(corpus.bytes[i..<j])) }
        }
        terms += ["電影", "电影", "影。", "ai電", "x電", "。", "'s"].map { Fold.bytes($0) }
        return terms
    }

    @Test func wordsAndLettersAgreeWithAScanOfTheCorpus() {
        var checked = 0
        for term in Self.terms {
            let fast = Self.index.matches(term, best: .wholeWord, candidates: nil, allowed: nil)
            let slow = Self.scanned(term, in: Self.index.corpus)
            #expect(fast.map(\.record) == slow.map(\.record), "\(String(decoding: term, as: UTF8.self)) \(term)")
            #expect(fast.map(\.match) == slow.map(\.match), "\(String(decoding: term, as: UTF8.self))")
            checked += slow.count
        }
        #expect(checked > 3000)   // the terms do occur
    }

    @Test(arguments: ["the", "電"])
    func candidatesAndFiltersNarrowTheWordIndex(_ text: String) {
        let term = Fold.bytes(text)
        let all = Self.index.matches(term, best: .wholeWord, candidates: nil, allowed: nil)
        let someRecords = Array(stride(from: 0, to: Self.index.documents.count, by: 3))
        let within = Self.index.matches(term, best: .wholeWord, candidates: someRecords, allowed: nil)
        #expect(within.map(\.record) == all.map(\.record).filter { $0 % 3 == 0 })
        let quotesOnly = Self.index.documents.map { $0.kind == .quote }
        let allowed = Self.index.matches(term, best: .wholeWord, candidates: nil, allowed: quotesOnly)
        #expect(allowed.map(\.record) == all.map(\.record).filter { quotesOnly[$0] })
    }

    @Test func aWholeWordRanksFirstWhateverItsLength() {
        var catalog = SearchIndexTests.catalog
        catalog.quotes = Array(catalog.quotes.prefix(3))
        for (i, text) in ["said a word", "an ai model", "aim at ai"].enumerated() {
            catalog.quotes[i].text = LocalizedText(en: text)
            catalog.quotes[i].topics = []
            catalog.quotes[i].film = nil
            catalog.quotes[i].speaker = "nobody"
        }
        let index = SearchIndex(catalog: catalog)
        let order = { (q: String) in index.search(SearchQuery(q), in: [.quote]).map { "\(index.documents[$0.document].index):\($0.tier)" } }
        #expect(order("ai") == ["1:phrase", "2:phrase", "0:substring"])       // q1 "s-ai-d"
        #expect(order("a") == ["0:phrase", "1:wordStart", "2:wordStart"])
        #expect(order("ai mo") == ["1:wordStart"])
    }
}
