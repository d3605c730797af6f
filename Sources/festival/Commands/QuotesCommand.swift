import ArgumentParser
import FestivalModel
import FestivalUI

/// `festival quotes`: every quote, or those of a speaker, topic or film.
struct QuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "List quotes, one per line: id, speaker, text.",
        discussion: "Example: festival quotes --speaker cristobal-valenzuela --topic copyright"
    )

    @Option(help: ArgumentHelp("Only quotes by this person id.", valueName: "id"))
    var speaker: String?

    @Option(help: ArgumentHelp("Only quotes on this topic id.", valueName: "topic"))
    var topic: String?

    @Option(help: ArgumentHelp("Only quotes from or about this film id.", valueName: "id"))
    var film: String?

    @Option(help: ArgumentHelp("Only quotes matching this search, best first (see `festival search --help`).", valueName: "query"))
    var search: String?

    @OptionGroup var options: CatalogOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        // With --search, the index too (from the cache when there is one).
        let indexed = search == nil ? nil : try options.loadWithIndex()
        defer { indexed?.finish() }
        let catalog = try indexed?.catalog ?? options.load()
        let searchIndex = indexed?.index
        let lang = options.language
        if let speaker, catalog.person(speaker) == nil {
            throw CLIFailure.notFound("no person with id '\(speaker)' (see `festival people`)")
        }
        if let topic, catalog.topic(topic) == nil {
            throw CLIFailure.notFound("no topic '\(topic)' (known: \(catalog.topics.map(\.id).joined(separator: ", ")))")
        }
        if let film, catalog.film(film) == nil {
            throw CLIFailure.notFound("no film with id '\(film)' (see `festival films`)")
        }
        var quotes = catalog.quotes.filter { q in
            (speaker == nil || q.speaker == speaker) && (topic.map { q.topics.contains($0) } ?? true)
                && (film == nil || q.film == film)
        }
        if let search, let index = searchIndex {
            let kept = Set(quotes.map(\.id))
            let hits = index.search(SearchQuery(search), in: [.quote])
            quotes = hits.map { catalog.quotes[index.documents[$0.document].index] }.filter { kept.contains($0.id) }
        }
        if output.json {
            Output.json(catalog.subset(quotes: quotes.map(\.id)))
            return
        }
        var table = TextTable(header: ["ID", UIString.speaker.text(lang).uppercased(), UIString.quote.text(lang).uppercased()])
        for q in quotes {
            table.rows.append([q.id, catalog.personName(q.speaker, lang), Format.quoteText(q, lang)])
        }
        Output.write(table.render())
    }
}
