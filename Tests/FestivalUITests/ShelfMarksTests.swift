import Testing
import FestivalCatalog
import FestivalLibrary
import FestivalText
@testable import FestivalUI

/// One notation of the shelf everywhere: ★ favorite, ✓ watched, ●●●○○ rating, ✎ note —
/// films and quotes alike; and a quote shown in the other language is tagged.
@Suite struct ShelfMarksTests {
    @Test func filmsAndQuotesShareOneNotation() {
        var shelf = Shelf()
        shelf.toggleFavorite(.film("jailbird"))
        shelf.toggleWatched(film: "jailbird")
        _ = shelf.setRating(film: "jailbird", 3)
        shelf.setNote(.film("jailbird"), "seen")
        #expect(ShelfScreen.marks(.film("jailbird"), shelf) == "★ ✓ ●●●○○ ✎ ")
        shelf.toggleFavorite(.quote("q01"))
        shelf.setNote(.quote("q01"), "mine")
        #expect(ShelfScreen.marks(.quote("q01"), shelf) == "★ ✎ ")
        #expect(ShelfScreen.marks(.quote("q02"), shelf) == "")
        #expect(ShelfScreen.stars(5) == "●●●●●" && ShelfScreen.stars(1) == "●○○○○")
        #expect(ShelfScreen.summary(.film("jailbird"), shelf, .en)?.contains("rated ●●●○○") == true)
    }

    static func quote(_ text: LocalizedText) -> Quote {
        Quote(id: "x", speaker: "p", text: text, textNote: nil, context: QuoteContext(kind: .interview, place: LocalizedText(en: "a"), date: nil),
              topics: [], film: nil, sources: [])
    }

    @Test func aQuoteInTheOtherLanguageIsTagged() {
        let chineseOnly = Self.quote(LocalizedText(zhHant: "你好"))
        let both = Self.quote(LocalizedText(zhHant: "你好", en: "Hello"))
        #expect(Format.quoteLine(chineseOnly, .en) == "[zh] 你好")
        #expect(Format.quoteLine(chineseOnly, .zhHant) == "你好")
        #expect(Format.quoteLine(both, .en) == "Hello")
        let englishOnly = Self.quote(LocalizedText(en: "Hello"))
        #expect(Format.quoteLine(englishOnly, .zhHant) == "〔英〕Hello")
    }
}
