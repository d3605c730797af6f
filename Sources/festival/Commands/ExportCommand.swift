import ArgumentParser
import FestivalIO
import FestivalCatalog
import FestivalLibrary
import FestivalExport
import FestivalText
import Foundation

extension ExportFormat: ExpressibleByArgument {}

/// `festival export`: quotes or films as Markdown (with attribution and source links),
/// CSV or a catalog JSON.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export quotes or films as Markdown, CSV or JSON.",
        discussion: """
        Markdown quotes each quote exactly, with its speaker, context, date and sources as \
        links; CSV has one row per quote or film (RFC 4180, a header row); JSON is a catalog \
        holding the selection that `festival validate` accepts.
        Quotes are chosen by --quotes, narrowed by --speaker, --topic, --film and --search (best \
        matches first); films by --films and --search.
        Examples:
          festival export --speaker cristobal-valenzuela --format md
          festival export --quotes q01,q05 --format csv --output quotes.csv
          festival export --search copyright --format md --lang en
          festival export --films all --format json --output lineup.json
        """
    )

    @Option(help: ArgumentHelp("Quotes to export: 'all' or ids separated by commas (the default when --speaker, --topic, --film or --search is given without --films).", valueName: "all|ids"),
            completion: .custom(CatalogCompletion.quoteList))
    var quotes: String?

    @Option(help: ArgumentHelp("Films to export: 'all' or ids separated by commas.", valueName: "all|ids"),
            completion: .custom(CatalogCompletion.filmList))
    var films: String?

    @OptionGroup var filters: QuoteFilters

    @Option(help: ArgumentHelp("md (Markdown), csv or json (a catalog).", valueName: "format"))
    var format: ExportFormat

    @Option(help: ArgumentHelp("The Markdown heading (default: says what was chosen).", valueName: "text"))
    var title: String?

    @Option(help: ArgumentHelp("Write to this file (replaced atomically) instead of standard output.", valueName: "path"),
            completion: .file())
    var output: String?

    @OptionGroup var options: CatalogOptions

    func validate() throws {
        if quotes != nil && films != nil {
            throw ValidationError("export quotes or films, not both (--quotes or --films)")
        }
        if films != nil && (filters.speaker != nil || filters.topic != nil || filters.film != nil) {
            throw ValidationError("--speaker, --topic and --film choose quotes; they do not apply to --films")
        }
        if quotes == nil && films == nil && filters.isEmpty {
            throw ValidationError("say what to export: --quotes all|IDS, --films all|IDS, or --speaker, --topic, --film or --search for quotes")
        }
        for (name, value) in [("--quotes", quotes), ("--films", films), ("--search", filters.search), ("--speaker", filters.speaker),
                              ("--topic", filters.topic), ("--film", filters.film)] {
            if let value, value.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("\(name) needs a value")
            }
        }
        if let output, output.isEmpty { throw ValidationError("--output needs a file path") }
    }

    func run() throws {
        // With --search, the index too (from the cache when there is one).
        let indexed = filters.search == nil ? nil : try options.loadWithIndex()
        defer { indexed?.finish() }
        let catalog = try indexed?.catalog ?? options.load()
        let library = indexed?.library
        let language = options.language
        let text: String
        if let films {
            let chosen = try selectFilms(films, in: catalog, library: library)
            guard !chosen.isEmpty else { throw CLIFailure.notFound("no films match") }
            text = exportFilms(chosen, from: catalog, language: language, format: format,
                               title: title ?? defaultTitle(films: true, catalog, language))
        } else {
            let chosen = try selectQuotes(in: catalog, library: library)
            guard !chosen.isEmpty else { throw CLIFailure.notFound("no quotes match") }
            text = exportQuotes(chosen, from: catalog, language: language, format: format,
                                title: title ?? defaultTitle(films: false, catalog, language))
        }
        if let output, output != "-", output != "/dev/stdout" {
            do { try AtomicFile.write(text, to: output) } catch { throw CLIFailure.cannotWrite(error) }
        } else {
            // As written (the exports are already safe): Output.write would add "\n" after
            // the CSV's final CRLF.
            try Output.raw(text)
        }
    }

    /// `all` (catalog order) or the listed ids in the order given; unknown ids fail (exit 1).
    static func ids(_ list: String, kind: String, known: (String) -> Bool, all: () -> [String], hint: String) throws -> [String]? {
        if list.trimmingCharacters(in: .whitespaces).lowercased() == "all" { return nil }
        var seen = Set<String>()
        let ids = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && seen.insert($0).inserted }
        guard !ids.isEmpty else { throw CLIFailure.usage("--\(kind)s needs 'all' or ids separated by commas") }
        let unknown = ids.filter { !known($0) }
        if !unknown.isEmpty {
            let list = unknown.map { "'\($0)'" }.joined(separator: ", ")
            let nearest = Suggestions.phrase(Suggestions.nearest(to: unknown[0], among: all()))
            throw CLIFailure.notFound("no \(kind) with id \(list)\(nearest) (see \(hint))")
        }
        return ids
    }

    func selectQuotes(in catalog: Catalog, library: Library?) throws -> [Quote] {
        var chosen = catalog.quotes
        if let quotes, let ids = try Self.ids(quotes, kind: "quote", known: { catalog.quote($0) != nil }, all: { catalog.quotes.map(\.id) }, hint: "`festival quotes`") {
            chosen = ids.compactMap(catalog.quote)
        }
        return try filters.apply(to: chosen, in: catalog, library: library)
    }

    func selectFilms(_ list: String, in catalog: Catalog, library: Library?) throws -> [Film] {
        var chosen = catalog.films
        if let ids = try Self.ids(list, kind: "film", known: { catalog.film($0) != nil }, all: { catalog.films.map(\.id) }, hint: "`festival films`") {
            chosen = ids.compactMap(catalog.film)
        }
        guard let search = filters.search, let library else { return chosen }
        return library.films(chosen, rankedBy: search)
    }

    /// "Quotes by Cristóbal Valenzuela on copyright — AIFF 2025" and the like.
    func defaultTitle(films: Bool, _ catalog: Catalog, _ language: Language) -> String {
        let festival = catalog.festival.shortName
        let filters = (try? self.filters.resolved(in: catalog)) ?? self.filters
        let speakerName = filters.speaker.map { catalog.personName($0, language) }
        let topicName = filters.topic.map { catalog.topic($0)?.name.text(language) ?? $0 }
        let search = filters.search
        let l = language
        let kind = (films ? UIString.films : .quotes).text(l)
        if l == .en {
            var title = kind
            if let speakerName { title += UIString.titleBy.text(l) + speakerName }
            if let topicName { title += UIString.titleOn.text(l) + topicName }
            if let search { title += UIString.titleMatching.text(l) + "“\(search)”" }
            return "\(title) — \(festival)"
        }
        var parts: [String] = []
        if let speakerName { parts.append(UIString.titleBy.text(l) + speakerName) }
        if let topicName { parts.append(UIString.titleOn.text(l) + topicName) }
        if let search { parts.append(UIString.titleMatching.text(l) + "「\(search)」") }
        let title = "\(festival) \(kind)"
        return parts.isEmpty ? title : title + Format.parenthetical(parts.joined(separator: UIString.comma.text(l)), l)
    }
}
