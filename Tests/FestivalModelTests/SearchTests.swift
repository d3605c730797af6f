import Foundation
import Testing
@testable import FestivalModel
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
