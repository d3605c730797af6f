import FestivalCatalog
import FestivalSearch
import FestivalIO

/// A catalog with its search index: the one place where search hits become films, people
/// and quotes, and where lists are filtered. Clients never map hit numbers back into the
/// catalog's arrays themselves.
public struct Library: Sendable {
    public let catalog: Catalog
    public let index: SearchIndex
    /// The quotes, when they are left in a cache file (the catalog then has none): only
    /// hits resolve them, once `load(_:)` has decoded them. Nil for a whole catalog.
    public let deferredQuotes: DeferredQuotes?

    /// `index` must have been built for (or decoded with) `catalog` and its deferred quotes.
    public init(catalog: Catalog, index: SearchIndex, deferredQuotes: DeferredQuotes? = nil) {
        self.catalog = catalog
        self.index = index
        self.deferredQuotes = deferredQuotes
    }

    /// Builds the index now (slow for a large catalog: do it off the main thread).
    public init(indexing catalog: Catalog) {
        self.init(catalog: catalog, index: SearchIndex(catalog: catalog))
    }

    /// A searchable thing, resolved.
    public enum Item: Equatable, Sendable {
        case festival(Festival), film(Film), person(Person), quote(Quote)

        /// The item's id; the festival's is "festival" (a catalog has one).
        public var id: String {
            switch self {
            case .festival: "festival"
            case .film(let f): f.id
            case .person(let p): p.id
            case .quote(let q): q.id
            }
        }

        public var kind: SearchIndex.Kind {
            switch self {
            case .festival: .festival
            case .film: .film
            case .person: .person
            case .quote: .quote
            }
        }
    }

    /// One search result: the item and how well it matched.
    public struct Match: Equatable, Sendable {
        public var item: Item
        public var tier: SearchIndex.Tier
    }

    /// The item a hit stands for (with deferred quotes, a quote `load(_:)` has decoded).
    public func item(_ hit: SearchIndex.Hit) -> Item {
        let document = index.documents[hit.document]
        switch document.kind {
        case .festival: return .festival(catalog.festival)
        case .film: return .film(catalog.films[document.index])
        case .person: return .person(catalog.people[document.index])
        case .quote:
            guard let deferredQuotes else { return .quote(catalog.quotes[document.index]) }
            guard let quote = deferredQuotes.loaded(document.index) else {
                preconditionFailure("a deferred quote resolved before it was loaded")
            }
            return .quote(quote)
        }
    }

    /// Decodes the deferred quotes `hits` stand for (nothing to do for a whole catalog);
    /// throws when the cache file's part holding them is damaged.
    public func load(_ hits: some Collection<SearchIndex.Hit>) throws(BinaryReader.Corrupt) {
        guard let deferredQuotes else { return }
        try deferredQuotes.load(hits.lazy.map { index.documents[$0.document] }.filter { $0.kind == .quote }.map(\.index))
    }

    public func match(_ hit: SearchIndex.Hit) -> Match { Match(item: item(hit), tier: hit.tier) }

    /// Hits for `query`, best first (see `SearchIndex.search`); `within` narrows to the
    /// documents of earlier hits. Keep the hits to narrow the next query; `item(_:)`
    /// resolves the ones shown.
    public func hits(_ query: SearchQuery, in kinds: Set<SearchIndex.Kind> = Set(SearchIndex.Kind.allCases),
                     within earlier: [SearchIndex.Hit]? = nil) -> [SearchIndex.Hit] {
        index.search(query, in: kinds, narrowing: earlier)
    }

    /// The positions in `catalog.quotes` of the quotes `query` matches, in catalog order
    /// (the browser's find on the quote list: no scan of every row's text).
    public func quotePositions(matching query: SearchQuery) -> [Int] {
        hits(query, in: [.quote]).map { index.documents[$0.document].index }.sorted()
    }

    /// Every match of `query`, resolved, best first.
    public func search(_ query: SearchQuery, in kinds: Set<SearchIndex.Kind> = Set(SearchIndex.Kind.allCases)) -> [Match] {
        hits(query, in: kinds).map(match)
    }

    /// The quotes of `among` (default: the catalog's) that pass `filter`: in their order,
    /// or, with a search, in the search's order with those it does not match left out.
    public func quotes(_ filter: QuoteFilter, among: [Quote]? = nil) -> [Quote] {
        precondition(among != nil || deferredQuotes == nil, "the quotes are deferred: only hits resolve them")
        let kept = (among ?? catalog.quotes).filter(filter.admits)
        guard let search = filter.search else { return kept }
        return ranked(kept, by: search, kind: .quote) { if case .quote(let q) = $0 { q } else { nil } }
    }

    /// `films` in the order `query` ranks them; those it does not match are left out.
    public func films(_ films: [Film], rankedBy query: String) -> [Film] {
        ranked(films, by: query, kind: .film) { if case .film(let f) = $0 { f } else { nil } }
    }

    private func ranked<T: Identifiable>(_ items: [T], by query: String, kind: SearchIndex.Kind,
                                         _ unwrap: (Item) -> T?) -> [T] where T.ID == String {
        let kept = Set(items.map(\.id))
        return hits(SearchQuery(query), in: [kind]).compactMap { unwrap(item($0)) }.filter { kept.contains($0.id) }
    }
}
