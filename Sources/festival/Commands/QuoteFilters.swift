import ArgumentParser
import FestivalCatalog
import FestivalLibrary

/// The options that choose quotes, shared by `festival quotes` and `festival export`:
/// a speaker, a topic, a film, and a search that also ranks (best first).
struct QuoteFilters: ParsableArguments {
    @Option(help: ArgumentHelp("Only quotes by this person id.", valueName: "id"))
    var speaker: String?

    @Option(help: ArgumentHelp("Only quotes on this topic id.", valueName: "topic"))
    var topic: String?

    @Option(help: ArgumentHelp("Only quotes from or about this film id.", valueName: "id"))
    var film: String?

    @Option(help: ArgumentHelp("Only what matches this search, best first (see `festival search --help`).", valueName: "query"))
    var search: String?

    /// True when nothing narrows the quotes.
    var isEmpty: Bool { speaker == nil && topic == nil && film == nil && search == nil }

    /// Fails (exit 1) for an id the catalog does not have.
    func checkIDs(in catalog: Catalog) throws {
        if let speaker, catalog.person(speaker) == nil {
            throw CLIFailure.notFound("no person with id '\(speaker)' (see `festival people`)")
        }
        if let topic, catalog.topic(topic) == nil {
            throw CLIFailure.notFound("no topic '\(topic)' (known: \(catalog.topics.map(\.id).joined(separator: ", ")))")
        }
        if let film, catalog.film(film) == nil {
            throw CLIFailure.notFound("no film with id '\(film)' (see `festival films`)")
        }
    }

    /// The filter these options describe.
    var filter: QuoteFilter { QuoteFilter(speaker: speaker, topic: topic, film: film, search: search) }

    /// Those of `quotes` that pass the filters, in their order, or ranked by the search
    /// (`library` is needed only with a search).
    func apply(to quotes: [Quote], in catalog: Catalog, library: Library?) throws -> [Quote] {
        try checkIDs(in: catalog)
        guard search != nil, let library else { return filter.apply(to: quotes) }
        return library.quotes(filter, among: quotes)
    }
}
