import ArgumentParser
import FestivalCatalog
import FestivalExport
import FestivalLibrary
import FestivalSchedule
import FestivalText

/// `festival priority FILM [N]`: show or set how much you want to see a film.
struct PriorityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "priority",
        abstract: "Show or set how much you want to see a film, for the planner (0 to 5; 0: not at all; none clears it).",
        discussion: "Example: festival priority total-pixel-space 5"
    )

    @Argument(help: "The film: its id or part of its title.", completion: .custom(CatalogCompletion.films))
    var film: String

    @Argument(help: "0 to 5, or none.")
    var priority: String?

    @OptionGroup var options: CatalogOptions

    func run() throws {
        let catalog = try options.load()
        let id = try EntityLookup.film(film, in: catalog).id
        let access = ShelfAccess(catalog: catalog)
        guard let priority else {
            try Output.write(id + " " + (access.read().priority(film: id).map(String.init) ?? "none"))
            return
        }
        let value: Int?
        if priority == "none" { value = nil } else {
            guard let n = Int(priority), Shelf.priorities.contains(n) else {
                throw CLIFailure.usage("the priority must be 0 to 5 or none (got '\(priority)')")
            }
            value = n
        }
        try access.update { $0.setPriority(film: id, value) }
        try Output.write(id + " " + (value.map(String.init) ?? "none"))
    }
}

/// `festival pick SCREENING`: pick a screening (and say what that drops), hold its ticket,
/// or unpick it.
struct PickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pick",
        abstract: "Pick a screening for your plan (dropping the picks it overlaps), mark its ticket, or unpick it.",
        discussion: "Example: festival pick screening-12 --ticket"
    )

    @Argument(help: "The screening's id (see `festival screenings`).", completion: .custom(CatalogCompletion.screenings))
    var screening: String

    @Flag(help: "You hold a ticket: the planner must keep it.")
    var ticket = false

    @Flag(help: "Unpick it (and drop its ticket).")
    var remove = false

    @OptionGroup var options: CatalogOptions

    func run() throws {
        let catalog = try options.load()
        guard catalog.screening(screening) != nil else {
            let nearest = Suggestions.phrase(Suggestions.nearest(to: screening, among: catalog.screenings.map(\.id)))
            throw CLIFailure.notFound("no screening '\(screening)'\(nearest)")
        }
        let l = options.language
        let access = ShelfAccess(catalog: catalog)
        if remove {
            try access.update { $0.setPicked(screening: screening, false) }
            try Output.write(UIString.unpickedScreening.text(l) + " " + screening)
            return
        }
        let timetable = Timetable(catalog: catalog)
        var dropped: [String] = []
        try access.update { shelf in
            dropped = PlanProblem.pickDrops(screening, catalog: catalog, timetable: timetable, shelf: shelf, request: PlanRequest())
            for id in dropped { shelf.setPicked(screening: id, false) }
            if ticket { shelf.setTicket(screening: screening, true) } else { shelf.setPicked(screening: screening, true) }
        }
        var lines = [(ticket ? UIString.ticketMarked : UIString.pickedScreening).text(l) + " " + screening]
        if let e = timetable.entry(screening) { lines.append("  " + PlanText.line(e, in: catalog, l)) }
        for id in dropped {
            if let e = timetable.entry(id) { lines.append(UIString.planRemoved.text(l) + " " + id + " · " + PlanText.line(e, in: catalog, l)) }
        }
        try Output.write(lines.joined(separator: "\n"))
    }
}
