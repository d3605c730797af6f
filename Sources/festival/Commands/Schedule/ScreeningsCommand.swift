import ArgumentParser
import FestivalCatalog
import FestivalExport
import FestivalSchedule
import FestivalText

/// `festival screenings`: the screenings in time order, optionally of one film, venue or day.
struct ScreeningsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screenings",
        abstract: "List the screenings in time order, with your picks and tickets.",
        discussion: "Example: festival screenings --film total-pixel-space --lang en"
    )

    @Option(help: ArgumentHelp("Only screenings of this film (id or part of its title).", valueName: "film"),
            completion: .custom(CatalogCompletion.films))
    var film: String?

    @Option(help: ArgumentHelp("Only screenings at this venue (its id).", valueName: "venue"), completion: .custom(CatalogCompletion.venues))
    var venue: String?

    @Option(help: ArgumentHelp("Only screenings on this local day (YYYY-MM-DD).", valueName: "date"))
    var day: String?

    @OptionGroup var options: CatalogOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let catalog = try options.load()
        let l = options.language
        var entries = Timetable(catalog: catalog).entries
        if let film {
            let id = try EntityLookup.film(film, in: catalog).id
            entries = entries.filter { $0.screening.films.contains(id) }
        }
        if let venue {
            guard catalog.venue(venue) != nil else {
                let nearest = Suggestions.phrase(Suggestions.nearest(to: venue, among: catalog.venues.map(\.id)))
                throw CLIFailure.notFound("no venue '\(venue)'\(nearest)")
            }
            entries = entries.filter { $0.screening.venue == venue }
        }
        if let day {
            guard let date = PartialDate(day), date.day != nil else { throw CLIFailure.usage("--day needs a date YYYY-MM-DD (got '\(day)')") }
            entries = entries.filter { $0.day == date }
        }
        guard !entries.isEmpty else { throw CLIFailure.notFound(catalog.screenings.isEmpty ? "the catalog has no screenings" : "no screenings match") }
        if output.json {
            try Output.json(catalog.subset(screenings: entries.map(\.id)))
            return
        }
        let shelf = ShelfAccess(catalog: catalog).read()
        var table = TextTable(header: ["ID", UIString.day.text(l).uppercased(), UIString.time.text(l).uppercased(),
                                       UIString.venue.text(l).uppercased(), UIString.films.text(l).uppercased(), "",
                                       UIString.picked.text(l).uppercased()])
        for e in entries {
            let mark = shelf.hasTicket(screening: e.id) ? UIString.ticket.text(l) : shelf.isPicked(screening: e.id) ? UIString.picked.text(l) : ""
            table.rows.append([e.id, PlanText.day(e, l), PlanText.time(e, l), PlanText.venue(e, l), PlanText.films(e, in: catalog, l),
                               e.screening.status == .scheduled ? "" : PlanText.status(e.screening.status, l), mark])
        }
        try Output.write(table.render())
    }
}
