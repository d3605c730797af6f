import ArgumentParser
import FestivalCatalog
import FestivalIO
import TextGrid
import FestivalExport
import FestivalLibrary
import FestivalSchedule
import FestivalText
import FestivalUI
import Foundation

/// `festival plan`: the best schedule for the shelf's priorities, picks and tickets.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan the screenings to see: the most your priorities are worth, proven best (or the gap when the time limit comes first).",
        discussion: """
        Each priority has a weight: 5 is 16, 4 is 8, 3 is 4, 2 is 2, 1 is 1 (so a 5 outweighs fifteen 1s); \
        a film of priority 0 or none is never planned. Among plans of the most weight: the least travel, then \
        the fewest late nights. Held tickets, and picks that have started when planning from a moment, are \
        kept; sold-out and cancelled screenings are planned only with a ticket, standby ones only when asked. \
        Travel: the minutes the catalog gives, else 10 within a venue and 20 between venues, and a day \
        between cities. Prints the plan and why each wanted film is left out.
        Example: festival plan --window 10:00-23:30 --max-per-day 4 --ics --output plan.ics
        """
    )

    @Option(help: ArgumentHelp("Re-plan from this moment: 'now', or a local date-time YYYY-MM-DDTHH:MM in --time-zone.", valueName: "when"))
    var from: String?

    @Option(name: .customLong("max-per-day"), help: ArgumentHelp("At most this many screenings a day.", valueName: "n"))
    var maxPerDay: Int?

    @Option(help: ArgumentHelp("Only screenings within these local hours, e.g. 10:00-23:30 (the end may pass 24:00).", valueName: "hh:mm-hh:mm"))
    var window: String?

    @Flag(help: "Standby screenings may be planned.")
    var standby = false

    @Option(name: .customLong("time-limit"), help: ArgumentHelp("Seconds the exact search may take (default 2).", valueName: "seconds"))
    var timeLimit: Double?

    @Flag(help: "Make the plan your picks (tickets stay).")
    var apply = false

    @Flag(help: "Print the plan as JSON.")
    var json = false

    @Flag(help: "Print the plan as Markdown.")
    var md = false

    @Flag(help: "Print the plan as an iCalendar file (RFC 5545).")
    var ics = false

    @Option(help: ArgumentHelp("Write to this file (replaced atomically) instead of standard output.", valueName: "path"), completion: .file())
    var output: String?

    @OptionGroup var options: CatalogOptions

    func validate() throws {
        if [json, md, ics].filter({ $0 }).count > 1 { throw ValidationError("choose one of --json, --md and --ics") }
        if let maxPerDay, !(1...100).contains(maxPerDay) { throw ValidationError("--max-per-day must be 1 to 100") }
        if let window, PlanRequest.window(window) == nil { throw ValidationError("--window needs HH:MM-HH:MM, the end after the start (got '\(window)')") }
        if let timeLimit, !(0.01...3_600).contains(timeLimit) { throw ValidationError("--time-limit must be between 0.01 and 3600 seconds") }
        if let output, output.isEmpty { throw ValidationError("--output needs a file path") }
    }

    func run() throws {
        let catalog = try options.load()
        let l = options.language
        guard !catalog.screenings.isEmpty else { throw CLIFailure.notFound("the catalog has no screenings to plan") }
        let access = ShelfAccess(catalog: catalog)
        let shelf = access.read()
        guard catalog.films.contains(where: { (shelf.priority(film: $0.id) ?? 0) > 0 }) || !shelf.pickedScreenings.isEmpty else {
            throw CLIFailure.notFound("no film has a priority yet: set some with `festival priority FILM 1-5`")
        }
        // The config's [plan] defaults, then the command line's.
        var request: PlanRequest
        do { request = try Config.load(environment: ProcessInfo.processInfo.environment)?.plan ?? PlanRequest() } catch {
            throw CLIFailure.usage("\(error)")
        }
        request.from = try moment(catalog)
        if let window { request.window = PlanRequest.window(window) }
        if let maxPerDay { request.maxPerDay = maxPerDay }
        if standby { request.standby = true }
        if let timeLimit { request.timeLimit = timeLimit }
        let timetable = Timetable(catalog: catalog)
        let problem = PlanProblem(catalog: catalog, timetable: timetable, shelf: shelf, request: request)
        let outcome: PlanOutcome
        switch problem.solve(catalog: catalog, shelf: shelf, timeLimit: request.timeLimit) {
        case .success(let o): outcome = o
        case .failure(.clash(let a, let b)):
            throw CLIFailure.notFound("no plan: " + UIString.ticketsClash.text(l) + ": " + [a, b].compactMap(timetable.entry)
                .map { $0.id + " (" + PlanText.line($0, in: catalog, l) + ")" }.joined(separator: "; "))
        case .failure(.overfullDay(let day, let limit, let ids)):
            throw CLIFailure.notFound("no plan: \(day) holds \(ids.count) kept screenings (\(ids.joined(separator: ", "))), more than --max-per-day \(limit)")
        }
        if outcome.picks.isEmpty, outcome.leftOut.isEmpty { throw CLIFailure.notFound("nothing to plan") }
        if apply {
            try access.update { s in
                for id in outcome.removed where !s.hasTicket(screening: id) { s.setPicked(screening: id, false) }
                for id in outcome.added { s.setPicked(screening: id, true) }
            }
        }
        let text: String
        if ics {
            let (calendar, skipped) = ICalendar.calendar(outcome.picks.compactMap(timetable.entry), catalog: catalog, shelf: shelf,
                                                         language: l, stamp: Date(), productVersion: FestivalVersion.string)
            if !skipped.isEmpty { Output.error("festival: not in the calendar (no known day): " + skipped.joined(separator: ", ")) }
            text = calendar
        } else if json {
            text = PlanJSON.text(outcome, timetable: timetable, catalog: catalog)
        } else {
            text = Sanitize.text(PlanText.plan(outcome, timetable: timetable, catalog: catalog, shelf: shelf, request: request, l, markdown: md))
        }
        if let output, output != "-", output != "/dev/stdout" {
            do { try AtomicFile.write(text, to: output) } catch { throw CLIFailure.cannotWrite(error) }
        } else {
            try Output.raw(text)
        }
    }

    /// `--from`: now, or a local date-time in the zone given or the first venue's.
    func moment(_ catalog: Catalog) throws -> Date? {
        guard let from else { return nil }
        if from == "now" { return Date() }
        guard let start = LocalStart(from), let minute = start.minute else {
            throw CLIFailure.usage("--from needs 'now' or YYYY-MM-DDTHH:MM (got '\(from)')")
        }
        let name = options.timeZone ?? catalog.venues.lazy.compactMap(\.timeZone).first ?? "UTC"
        guard let zone = LocalTime.zone(name) else { throw CLIFailure.usage("unknown time zone '\(name)'") }
        switch LocalTime.resolve(start, minute: minute, in: zone) {
        case .exact(let s), .ambiguous(earlier: let s, later: _): return Date(timeIntervalSince1970: TimeInterval(s))
        case .skipped: throw CLIFailure.usage("\(from) does not exist in \(name) (daylight saving time)")
        }
    }
}
