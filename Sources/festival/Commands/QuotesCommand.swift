import ArgumentParser
import FestivalText
import FestivalUI

/// `festival quotes`: every quote, or those of a speaker, topic or film.
struct QuotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quotes",
        abstract: "List quotes, one per line: id, speaker, text.",
        discussion: "Example: festival quotes --speaker cristobal-valenzuela --topic copyright"
    )

    @OptionGroup var filters: QuoteFilters
    @OptionGroup var options: CatalogOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        // With --search, the index too (from the cache when there is one).
        let indexed = filters.search == nil ? nil : try options.loadWithIndex()
        defer { indexed?.finish() }
        let catalog = try indexed?.catalog ?? options.load()
        let lang = options.language
        let quotes = try filters.apply(to: catalog.quotes, in: catalog, library: indexed?.library)
        guard !quotes.isEmpty else { throw CLIFailure.notFound("no quotes match") }
        if output.json {
            try Output.json(catalog.subset(quotes: quotes.map(\.id)))
            return
        }
        var table = TextTable(header: ["ID", UIString.speaker.text(lang).uppercased(), UIString.quote.text(lang).uppercased()])
        for q in quotes {
            table.rows.append([q.id, catalog.personName(q.speaker, lang), Format.quoteLine(q, lang)])
        }
        try Output.write(table.render())
    }
}
