import ArgumentParser
import FestivalCatalog
import FestivalLibrary
import FestivalUI
import Foundation

/// `festival render`: a screen of the browser as text, without a terminal.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print a screen of the browser as text (for scripts and tests).",
        discussion: "Example: festival render --screen film:total-pixel-space --size 100x30 --lang en"
    )

    @Option(help: ArgumentHelp("films, quotes, people, festival, film:ID, quote:ID, person:ID or search:QUERY.", valueName: "screen"))
    var screen: String = "films"

    @Option(help: ArgumentHelp("Width x height in cells.", valueName: "WxH"))
    var size: String = "80x24"

    @OptionGroup var options: CatalogOptions

    func run() throws {
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] > 0, parts[1] > 0, parts[0] <= 1000, parts[1] <= 1000 else {
            throw CLIFailure.usage("--size must look like 100x30")
        }
        let catalog = try options.load()
        let size = Size(width: parts[0], height: parts[1])
        let jump: Action = screen.hasPrefix("search:")
            ? .showSearch(String(screen.dropFirst("search:".count)), .everything)
            : .show(try Self.parseScreen(screen, catalog))
        var state = AppState(catalog: catalog, language: options.language, size: size,
                             library: screen.hasPrefix("search:") ? Library(indexing: catalog) : nil)
        _ = update(&state, jump, now: Date())
        Output.write(view(state, size: size).text)
    }

    static func parseScreen(_ text: String, _ catalog: Catalog) throws -> Screen {
        let pieces = text.split(separator: ":", maxSplits: 1).map(String.init)
        let id = pieces.count == 2 ? pieces[1] : ""
        switch (pieces.first ?? "", pieces.count) {
        case ("films", 1): return .films
        case ("quotes", 1): return .quotes
        case ("people", 1): return .people
        case ("festival", 1): return .festival
        case ("film", 2):
            guard catalog.film(id) != nil else { throw CLIFailure.notFound("no film with id '\(id)'") }
            return .film(id)
        case ("quote", 2):
            guard catalog.quote(id) != nil else { throw CLIFailure.notFound("no quote with id '\(id)'") }
            return .quote(id)
        case ("person", 2):
            guard catalog.person(id) != nil else { throw CLIFailure.notFound("no person with id '\(id)'") }
            return .person(id)
        default:
            throw CLIFailure.usage("unknown screen '\(text)' (films, quotes, people, festival, film:ID, quote:ID, person:ID, search:QUERY)")
        }
    }
}
