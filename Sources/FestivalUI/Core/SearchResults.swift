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
    /// The text is the item's own (a quote's words, a film's synopsis) in this language, or
    /// the other language's when only that matched; when neither did, a snippet of the
    /// field that matched and is not shown (a director, the award, a topic, a name in the
    /// other script), labelled, so the result says why it is there.
    public func result(_ hit: SearchIndex.Hit, query: SearchQuery, language: Language, highlights wanted: Bool = true) -> SearchResult {
        let item = library.item(hit)
        let heading: String, id = item.id
        let (texts, hidden) = fields(item, language)
        switch item {
        case .festival(let festival): heading = festival.name.text(language)
        case .quote(let quote): heading = library.catalog.personName(quote.speaker, language)
        case .film(let film): heading = film.title.text(language)
        case .person(let person): heading = person.name.text(language)
        }
        let headingHighlights = wanted ? query.highlights(in: heading) : []
        let candidates = texts.compactMap { $0 }.filter { !$0.isEmpty }
        let snippets = hidden.compactMap { label, value in value.flatMap { $0.isEmpty ? nil : (label, $0) } }
            .map { label, value in label.map { $0.text(language) + UIString.colon.text(language) + value } ?? value }
        let headingMatched = wanted ? !headingHighlights.isEmpty : query.matches(heading)
        // What matched, in order: the shown text, the other language's, then (when the
        // heading did not match either) the hidden fields.
        let order = candidates + (headingMatched ? [] : snippets)
        let first = candidates.first ?? ""
        guard wanted else {
            let text = order.first(where: query.matches) ?? first
            return SearchResult(kind: item.kind, id: id, tier: hit.tier, heading: heading,
                                headingHighlights: [], text: text, textHighlights: [])
        }
        for text in order {
            let highlights = query.highlights(in: text)
            if !highlights.isEmpty {
                return SearchResult(kind: item.kind, id: id, tier: hit.tier, heading: heading,
                                    headingHighlights: headingHighlights, text: text, textHighlights: highlights)
            }
        }
        return SearchResult(kind: item.kind, id: id, tier: hit.tier, heading: heading,
                            headingHighlights: headingHighlights, text: first, textHighlights: [])
    }

    /// An item's texts as a result shows them (this language's first), and the searched
    /// fields a result does not show, each with its label (nil: a name in the other script).
    func fields(_ item: Library.Item, _ l: Language) -> (texts: [String?], hidden: [(UIString?, String?)]) {
        let c = library.catalog
        switch item {
        case .festival(let f):
            return ([f.description[l], f.description[l.other]], [
                (nil, f.name[l.other]),
                (.organizer, f.organizer?.text(l)), (.organizer, f.organizer?[l.other]),
                (.edition, f.edition?.text(l)), (.edition, f.edition?[l.other]),
            ] + [l, l.other].flatMap { language in
                f.events.map { (UIString.events, Self.event($0, language)) }
            })
        case .quote(let quote):
            let topics = quote.topics.map { c.topic($0)?.name }
            return ([quote.text[l], quote.text[l.other]], [
                (nil, c.person(quote.speaker)?.name[l.other]),
                (.topics, Format.list(topics.compactMap { $0?.text(l) }, l)),
                (.topics, Format.list(topics.compactMap { $0?[l.other] }, l.other)),
                (.fromFilm, quote.film.flatMap { c.film($0)?.title.text(l) }),
                (.fromFilm, quote.film.flatMap { c.film($0)?.title[l.other] }),
            ])
        case .film(let film):
            let directors = Format.creditLabel(film, in: c)
            return ([film.synopsis?[l], film.synopsis?[l.other]], [
                (nil, film.title[l.other]),
                (directors, Format.directors(film, in: c, l)),
                (directors, Format.list(film.directors.compactMap { c.person($0)?.name[l.other] }, l.other)),
                (.award, film.award == nil ? nil : Format.award(film, in: c, l)),
                (.award, film.award == nil ? nil : Format.award(film, in: c, l.other)),
                (.styles, Format.list(film.styles.compactMap { $0[l] }, l)),
                (.styles, Format.list(film.styles.compactMap { $0[l.other] }, l.other)),
                (.country, film.country?[l]), (.country, film.country?[l.other]),
            ])
        case .person(let person):
            let roles = Format.list(person.roles.map { Format.role($0, l) }, l)
            return ([[roles, person.title?.text(l), person.affiliation?.text(l)].compactMap { $0 }.filter { !$0.isEmpty }
                .joined(separator: " · ")], [
                (nil, person.name[l.other]),
                (.position, person.title?[l.other]), (.affiliation, person.affiliation?[l.other]),
                (.roles, person.roles.map(\.rawValue).joined(separator: ", ")),
            ])
        }
    }
}

extension SearchPresenter {
    /// "New York gala screening — Alice Tully Hall, Lincoln Center, New York" (what is known).
    static func event(_ event: Event, _ l: Language) -> String? {
        guard let name = event.name[l] else { return nil }
        let place = [event.venue?[l], event.city?[l]].compactMap { $0 }
        return place.isEmpty ? name : name + " — " + place.joined(separator: UIString.comma.text(l))
    }
}

extension SearchIndex.Kind {
    /// "quote", "film", "person" in the interface language.
    public func label(_ language: Language) -> String {
        switch self {
        case .festival: UIString.festival.text(language)
        case .quote: UIString.quote.text(language)
        case .film: UIString.film.text(language)
        case .person: UIString.person.text(language)
        }
    }
}
