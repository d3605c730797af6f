import ArgumentParser
import FestivalSearch
import FestivalText
import FestivalUI

/// `festival search`: the browser's search from the command line.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search quotes, films, people and the festival (its events too); best matches first.",
        discussion: """
        Matching ignores case, accents, full/half width and Traditional/Simplified Chinese. \
        Several words must all match; "a phrase" matches exactly; speaker:ID-or-name, \
        topic:... and film:... narrow. Example: festival search 'copyright speaker:valenzuela' --in quotes
        """
    )

    enum Scope: String, ExpressibleByArgument, CaseIterable {
        case quotes, films, people, festival, all
        var kinds: Set<SearchIndex.Kind> {
            switch self {
            case .quotes: [.quote]
            case .films: [.film]
            case .people: [.person]
            case .festival: [.festival]
            case .all: Set(SearchIndex.Kind.allCases)
            }
        }
    }

    @Argument(help: "What to look for.")
    var query: String

    @Option(name: .customLong("in"), help: "Where to look: quotes, films, people, festival or all.")
    var scope: Scope = .all

    // Unconditional: `--limit -1` is a bad number, not a missing value.
    @Option(parsing: .unconditional, help: "Print at most this many results (1 or more).")
    var limit: Int?

    @OptionGroup var options: CatalogOptions

    @Flag(name: .long, help: "Print the results as JSON: kind, id, rank tier, heading, text and highlight ranges.")
    var json = false

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let parsed = SearchQuery(query)
        guard !parsed.isEmpty else { throw CLIFailure.usage("the query is empty") }
        // From a cache file, only the quotes printed are decoded.
        var indexed = try options.loadWithIndex(deferringQuotes: true)
        var hits = indexed.library.hits(parsed, in: scope.kinds)
        if !indexed.prepare(hits.prefix(limit ?? hits.count)) {
            indexed = try options.loadWithIndex()
            hits = indexed.library.hits(parsed, in: scope.kinds)
        }
        defer { indexed.finish() }
        let shown = hits.prefix(limit ?? hits.count)
        let presenter = SearchPresenter(library: indexed.library)
        let language = options.language   // once: it reads the environment
        let results = shown.map { presenter.result($0, query: parsed, language: language, highlights: json) }
        if json {
            try Output.write(SearchJSON.document(query: query, scope: scope.rawValue, total: hits.count, results: results))
        } else {
            var table = TextTable(header: ["KIND", "ID", "NAME", "TEXT"])
            for r in results {
                table.rows.append([r.kind.rawValue, r.id, r.heading, Format.singleLine(r.text)])
            }
            if !results.isEmpty { try Output.write(table.render()) }
        }
        if hits.isEmpty { throw CLIFailure.notFound("no matches for '\(query)'") }
    }
}
