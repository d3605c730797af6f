import ArgumentParser
import FestivalCatalog
import FestivalText
import FestivalUI

/// `festival films`: the lineup, optionally only one award tier.
struct FilmsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "films",
        abstract: "List the films.",
        discussion: "Example: festival films --award grand-prix --lang en"
    )

    @Option(help: ArgumentHelp("Only films with this award tier (id or name, e.g. gold), or 'unknown' (no tier known).", valueName: "tier"),
            completion: .custom(CatalogCompletion.awards))
    var award: String?

    @OptionGroup var options: CatalogOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        // The table needs nothing after the films: a large file prints from its start.
        if output.json { try list(options.load()) } else { try options.withStart(list) }
    }

    func list(_ catalog: Catalog) throws {
        let lang = options.language
        var films = catalog.films
        if let award {
            let wanted = award.lowercased()
            if wanted == "unknown" {
                films = films.filter { $0.award?.tier == nil }   // no prize tier known (perhaps a place)
            } else {
                guard let tier = catalog.festival.prizeTiers.first(where: {
                    $0.id == wanted || $0.name.en?.lowercased() == wanted || $0.name.zhHant == award
                }) else {
                    let known = catalog.festival.prizeTiers.map(\.id)
                    let nearest = Suggestions.phrase(Suggestions.nearest(to: award, among: known + ["unknown"]))
                    throw CLIFailure.usage("no award tier '\(award)'\(nearest) (the tiers: \((known + ["unknown"]).joined(separator: ", ")))")
                }
                films = films.filter { $0.award?.tier == tier.id }
            }
        }
        guard !films.isEmpty else { throw CLIFailure.notFound(award.map { "no films with award '\($0)'" } ?? "the catalog has no films") }
        if output.json {
            try Output.json(catalog.subset(films: films.map(\.id)))
            return
        }
        var table = TextTable(header: ["ID", UIString.title.text(lang).uppercased(), UIString.director.text(lang).uppercased(),
                                       UIString.award.text(lang).uppercased(), UIString.runtime.text(lang).uppercased()])
        for film in films {
            table.rows.append([film.id, film.title.text(lang), Format.directors(film, in: catalog, lang),
                               Format.award(film, in: catalog, lang), Format.runtime(film, lang)])
        }
        try Output.write(table.render())
    }
}

/// `festival film ID`: one film in full.
struct FilmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "film",
        abstract: "Show one film.",
        discussion: "Example: festival film total-pixel-space"
    )

    @Argument(help: "The film: its id (see `festival films`) or part of its title.", completion: .custom(CatalogCompletion.films))
    var id: String

    @OptionGroup var options: CatalogOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let catalog = try options.load()
        let film = try EntityLookup.film(id, in: catalog)
        if output.json {
            try Output.json(catalog.subset(films: [film.id]))
            return
        }
        try Output.write(TextReport.film(film, in: catalog, options.language))
    }
}
