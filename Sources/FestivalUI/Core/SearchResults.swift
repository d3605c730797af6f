import FestivalCatalog
import FestivalLibrary
import FestivalSearch
import FestivalText

/// One search hit as people read it: what it is, a heading (speaker, title or name) and
/// the text that matched, with highlight ranges (Character offsets) in both.
public struct SearchResult: Equatable, Sendable {
    public var kind: SearchIndex.Kind
    public var id: String
    public var tier: SearchIndex.Tier
    public var heading: String
    public var headingHighlights: [Range<Int>]
    public var text: String
    public var textHighlights: [Range<Int>]
}

/// Turns hits into `SearchResult`s for one language.
public struct SearchPresenter: Sendable {
    public let library: Library

    public init(library: Library) {
        self.library = library
    }

    /// The hit as shown; `highlights: false` skips the highlight ranges (plain text output).
    public func result(_ hit: SearchIndex.Hit, query: SearchQuery, language: Language, highlights wanted: Bool = true) -> SearchResult {
        let item = library.item(hit)
        let heading: String, texts: [String?], id = item.id
        switch item {
        case .quote(let quote):
            heading = library.catalog.personName(quote.speaker, language)
            texts = [quote.text[language], quote.text[language.other]]
        case .film(let film):
            heading = film.title.text(language)
            texts = [film.synopsis[language], film.synopsis[language.other]]
        case .person(let person):
            heading = person.name.text(language)
            let roles = Format.list(person.roles.map { Format.role($0, language) }, language)
            texts = [[roles, person.title?.text(language), person.affiliation?.text(language)]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")]
        }
        // The text in this language, unless only the other language's text matched.
        let available = texts.compactMap { $0 }
        var text = available.first ?? ""
        guard wanted else {
            if available.count > 1, !query.matches(text), query.matches(available[1]) { text = available[1] }
            return SearchResult(kind: item.kind, id: id, tier: hit.tier, heading: heading,
                                headingHighlights: [], text: text, textHighlights: [])
        }
        var highlights = query.highlights(in: text)
        if highlights.isEmpty, available.count > 1 {
            let other = query.highlights(in: available[1])
            if !other.isEmpty { text = available[1]; highlights = other }
        }
        return SearchResult(kind: item.kind, id: id, tier: hit.tier, heading: heading,
                            headingHighlights: query.highlights(in: heading), text: text, textHighlights: highlights)
    }
}

extension SearchIndex.Kind {
    /// "quote", "film", "person" in the interface language.
    public func label(_ language: Language) -> String {
        switch self {
        case .quote: UIString.quote.text(language)
        case .film: UIString.film.text(language)
        case .person: UIString.person.text(language)
        }
    }
}
