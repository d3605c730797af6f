import ArgumentParser
import FestivalCatalog
import FestivalLibrary
import FestivalSearch

/// The options that choose quotes, shared by `festival quotes` and `festival export`:
/// a speaker, a topic, a film, and a search that also ranks (best first).
struct QuoteFilters: ParsableArguments {
    @Option(help: ArgumentHelp("Only quotes by this person (id, or part of a name, as search's speaker: takes).", valueName: "person"),
            completion: .custom(CatalogCompletion.people))
    var speaker: String?

    @Option(help: ArgumentHelp("Only quotes on this topic (id or name).", valueName: "topic"),
            completion: .custom(CatalogCompletion.topics))
    var topic: String?

    @Option(help: ArgumentHelp("Only quotes from or about this film (id or part of its title).", valueName: "film"),
            completion: .custom(CatalogCompletion.films))
    var film: String?

    @Option(help: ArgumentHelp("Only what matches this search, best first (see `festival search --help`).", valueName: "query"))
    var search: String?

    /// An empty search is bad usage (exit 2), as `festival search ''` is.
    func validate() throws {
        if let search, SearchQuery(search).isEmpty { throw ValidationError("--search: the query is empty") }
    }

    /// True when nothing narrows the quotes.
    var isEmpty: Bool { speaker == nil && topic == nil && film == nil && search == nil }

    /// The same filters with names resolved to ids (`EntityLookup`); fails for a person,
    /// topic or film the catalog does not have (exit 1, with the nearest ids).
    func resolved(in catalog: Catalog) throws -> QuoteFilters {
        var copy = self
        if let speaker { copy.speaker = try EntityLookup.person(speaker, in: catalog).id }
        if let topic { copy.topic = try EntityLookup.topic(topic, in: catalog).id }
        if let film { copy.film = try EntityLookup.film(film, in: catalog).id }
        return copy
    }

    /// The filter these options describe.
    var filter: QuoteFilter { QuoteFilter(speaker: speaker, topic: topic, film: film, search: search) }

    /// Those of `quotes` that pass the filters, in their order, or ranked by the search
    /// (`library` is needed only with a search).
    func apply(to quotes: [Quote], in catalog: Catalog, library: Library?) throws -> [Quote] {
        let filters = try resolved(in: catalog)
        guard search != nil, let library else { return filters.filter.apply(to: quotes) }
        return library.quotes(filters.filter, among: quotes)
    }
}
