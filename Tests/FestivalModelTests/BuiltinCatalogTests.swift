import BuiltinCatalog
import Foundation
import Testing
@testable import FestivalCatalog

/// The AIFF 2025 catalog that ships in the binary, checked against the source article.
@Suite struct BuiltinCatalogTests {
    let catalog: Catalog
    init() throws { catalog = try RoundTripTests.builtin() }

    /// The article the catalog comes from, when the shared folder is beside the checkout.
    static var seed: String? {
        let dir = TestSupport.packageRoot.deletingLastPathComponent().appending(path: "shared/seed")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path),
              let name = names.sorted().first(where: { $0.hasSuffix(".txt") }) else { return nil }
        return try? String(contentsOf: dir.appending(path: name), encoding: .utf8)
    }

    @Test func holdsTheSevenConfirmedFinalists() {
        #expect(catalog.id == "aiff-2025")
        #expect(catalog.films.map(\.id) == ["total-pixel-space", "jailbird", "one", "more-tears-than-harm",
                                            "fragments-of-nowhere", "editorial", "distance-between-two-points-of-me"])
        #expect(catalog.festival.finalistCount == 10)
        #expect(catalog.film("total-pixel-space")?.award?.tier == "grand-prix")
        #expect(catalog.film("total-pixel-space")?.runtimeSeconds == 568)
        #expect(catalog.film("jailbird")?.award?.tier == "gold")
        // Third place per AP; no source names its tier (the FAQ's table may be 2024's).
        #expect(catalog.film("one")?.award?.place == 3 && catalog.film("one")?.award?.tier == nil)
        #expect(catalog.film("more-tears-than-harm")?.award == nil)
        #expect(catalog.film("total-pixel-space")?.watchURL == "https://youtu.be/zpAeygE4d1A")
        // Unverified running times stay unknown.
        for id in ["jailbird", "one", "more-tears-than-harm", "fragments-of-nowhere"] {
            #expect(catalog.film(id)?.runtimeSeconds == nil, "\(id)")
        }
    }

    @Test func everyFilmHasBothSynopses() {
        for film in catalog.films {
            #expect(film.synopsis?.zhHant != nil && film.synopsis?.en != nil, "\(film.id)")
        }
    }

    @Test func juryAndNamedPeople() {
        let jury = Set(catalog.festival.jury)
        for id in ["gaspar-noe", "harmony-korine", "jane-rosenthal", "bruce-markoe", "brianna-domont",
                   "richard-kerris", "cristobal-valenzuela"] {
            #expect(jury.contains(id), "\(id) on the jury")
        }
        for id in ["mike-rianda", "luke-ditomasso", "alegre-rodriquez", "samuel-axon", "jacob-adler"] {
            #expect(catalog.person(id) != nil, "\(id)")
        }
    }

    @Test func theArticlesSeventeenQuotesAreAttributed() {
        let article = catalog.quotes.filter { $0.id.hasPrefix("q") }
        #expect(article.count == 17)
        let speakers = article.map(\.speaker)
        #expect(speakers.filter { $0 == "cristobal-valenzuela" }.count == 7)
        #expect(speakers.filter { $0 == "bruce-markoe" }.count == 3)
        #expect(speakers.contains("mike-rianda") && speakers.contains("luke-ditomasso") && speakers.contains("alegre-rodriquez"))
        for quote in article {
            #expect(quote.text.zhHant != nil, "\(quote.id) has its Chinese text")
            #expect(catalog.person(quote.speaker) != nil)
            #expect(!quote.sources.isEmpty)
            #expect(!quote.topics.isEmpty, "\(quote.id) has topics")
        }
        // English originals exist exactly where the facts file found them.
        let withEnglish = Set(article.filter { $0.text.en != nil }.map(\.id))
        #expect(withEnglish == ["q08", "q09", "q10", "q11", "q14", "q15"])
        #expect(catalog.quote("q11")?.text.en?.contains("buzzsaw") == true)
    }

    @Test func festivalNightQuotesHaveTheirOwnSources() {
        let night = catalog.quotes.filter { !$0.id.hasPrefix("q") }
        #expect(night.count >= 5)
        for quote in night {
            #expect(quote.text.en != nil)
            #expect(!quote.sources.contains("ars-curated-realities"), "\(quote.id)")
        }
    }

    @Test func chineseQuotesAreVerbatimInTheSeed() throws {
        guard let seed = Self.seed else {
            print("note: ../shared/seed not found beside the checkout; verbatim check skipped")
            return
        }
        for quote in catalog.quotes {
            guard let zh = quote.text.zhHant else { continue }
            for part in zh.components(separatedBy: Quote.partSeparator) {
                #expect(seed.contains(part), "\(quote.id): «\(part)» is not in the seed")
            }
        }
    }
}
