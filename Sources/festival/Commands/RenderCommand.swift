import ArgumentParser
import FestivalCatalog
import FestivalSchedule
import FestivalLibrary
import FestivalUI
import TextGrid
import Foundation

/// `festival render`: a screen of the browser as text, without a terminal.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Print a screen of the browser as text (for scripts and tests).",
        discussion: """
        Examples:
          festival render --screen film:total-pixel-space --size 100x30 --lang en
          festival render --keys 'scopyright<tab>j<enter>' --size 100x30
        Keys run through the browser's own update; their effects (saving the shelf, \
        exports, opening links, the clipboard) are not carried out.
        """
    )

    @Option(help: ArgumentHelp("films, quotes, people, festival, shelf, schedule[:YYYY-MM-DD], plan, film:ID, quote:ID, person:ID, screening:ID or search:QUERY.", valueName: "screen"))
    var screen: String = "films"

    @Option(help: ArgumentHelp("Width x height in cells.", valueName: "WxH"))
    var size: String = "80x24"

    @Option(help: ArgumentHelp("Keys to press first: characters as typed, names in angle brackets (<enter>, <esc>, <tab>, <down>, <ctrl-n>, <f1>; <lt> for <).", valueName: "script"))
    var keys: String?

    @OptionGroup var options: CatalogOptions

    func run() throws {
        let parts = size.lowercased().split(separator: "x").compactMap { Int($0) }
        guard parts.count == 2, parts[0] > 0, parts[1] > 0, parts[0] <= 1000, parts[1] <= 1000 else {
            throw CLIFailure.usage("--size must look like 100x30, each side from 1 to 1000")
        }
        let script: [Key]
        switch keys.map(KeyScript.parse) ?? .success([]) {
        case .success(let parsed): script = parsed
        case .failure(let error): throw CLIFailure.usage("--keys: \(error.message)")
        }
        // The search needs the index; a plain screen does not.
        let opened = screen.hasPrefix("search:") || !script.isEmpty ? try options.loadWithIndex() : nil
        defer { opened?.finish() }
        let catalog = try opened?.catalog ?? options.load()
        let size = Size(width: parts[0], height: parts[1])
        let jump: Action
        if screen.hasPrefix("search:") {
            jump = .showSearch(String(screen.dropFirst("search:".count)), .everything)
        } else if screen.hasPrefix("schedule:") {
            let text = String(screen.dropFirst("schedule:".count))
            guard let day = PartialDate(text), day.day != nil else { throw CLIFailure.usage("schedule:DATE needs YYYY-MM-DD (got '\(text)')") }
            guard Timetable(catalog: catalog).days.contains(day) else { throw CLIFailure.notFound("no screenings on \(text)") }
            jump = .showScheduleDay(day)
        } else {
            jump = .show(try Self.parseScreen(screen, catalog))
        }
        var state = AppState(catalog: catalog, language: options.language, size: size, library: opened?.library)
        let now = Date()
        // The shelf as the browser would show it (picks, tickets, priorities).
        _ = update(&state, .shelfLoaded(ShelfAccess(catalog: catalog).read(), message: nil), now: now)
        _ = update(&state, jump, now: now)
        for key in script {
            if update(&state, .key(key), now: now).contains(.quit) { break }
        }
        try Output.write(view(state, size: size).text)
    }

    static func parseScreen(_ text: String, _ catalog: Catalog) throws -> Screen {
        let pieces = text.split(separator: ":", maxSplits: 1).map(String.init)
        let id = pieces.count == 2 ? pieces[1] : ""
        switch (pieces.first ?? "", pieces.count) {
        case ("films", 1): return .films
        case ("quotes", 1): return .quotes
        case ("people", 1): return .people
        case ("festival", 1): return .festival
        case ("shelf", 1): return .shelf
        case ("schedule", 1): return .schedule
        case ("plan", 1): return .myPlan
        case ("screening", 2):
            guard catalog.screening(id) != nil else { throw CLIFailure.notFound("no screening with id '\(id)'") }
            return .screening(id)
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
            throw CLIFailure.usage("unknown screen '\(text)' (films, quotes, people, festival, shelf, schedule[:YYYY-MM-DD], plan, film:ID, quote:ID, person:ID, screening:ID, search:QUERY)")
        }
    }
}
