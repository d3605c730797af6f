import ArgumentParser
import FestivalCatalog
import FestivalIO
import FestivalLibrary
import FestivalSchedule
import FestivalText
import Foundation

/// `festival shelf`: share and merge plans, and the times you cannot attend.
struct ShelfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shelf",
        abstract: "Share or merge plans (priorities, picks, tickets, unavailable times), and mark times you cannot attend.",
        discussion: """
        Without options, prints what the shelf holds. --export-plan writes your priorities, picks, tickets and \
        unavailable times in the shelf's format; --import-plan adds a friend's: what only theirs has is added \
        (their tickets become picks), and where both differ yours stays and the difference is printed.
        Example: festival shelf --unavailable 2030-06-06T09:00-13:00
        """
    )

    @Option(name: .customLong("export-plan"), help: ArgumentHelp("Write your plan to this file.", valueName: "path"), completion: .file())
    var exportPlan: String?

    @Option(name: .customLong("import-plan"), help: ArgumentHelp("Merge the plan in this file into yours.", valueName: "path"), completion: .file())
    var importPlan: String?

    @Option(help: ArgumentHelp("A time you cannot attend: YYYY-MM-DDTHH:MM-HH:MM, or FROM/TO as two date-times.", valueName: "span"))
    var unavailable: [String] = []

    @Flag(name: .customLong("clear-unavailable"), help: "Forget every unavailable time.")
    var clearUnavailable = false

    @OptionGroup var options: CatalogOptions

    func run() throws {
        let catalog = try options.load()
        let access = ShelfAccess(catalog: catalog)
        var lines: [String] = []
        if let importPlan {
            let bytes: [UInt8]
            switch FileIO.readPrefix(importPlan, maxBytes: 64 << 20) {
            case .content(let read) where read.bytes.count == read.fileSize: bytes = read.bytes
            case .content: throw CLIFailure.usage("\(importPlan) is larger than 64 MB: not a plan")
            case .missing: throw CLIFailure.usage("no file \(importPlan)")
            case .unreadable: throw CLIFailure.usage("cannot read \(importPlan) (not a regular file, or not readable)")
            }
            let theirs: Shelf
            do { theirs = try ShelfCoding.decode(bytes, catalogID: catalog.id) } catch {
                throw CLIFailure.usage("\(importPlan): \(error.reason)")
            }
            try access.update { lines += $0.mergePlan(theirs) }
            lines.insert("merged the plan in \(importPlan)", at: 0)
        }
        let zone = options.timeZone ?? catalog.venues.lazy.compactMap(\.timeZone).first ?? "UTC"
        let spans = try unavailable.map { text in
            guard let span = Self.span(text, zone: zone) else {
                throw CLIFailure.usage("--unavailable needs YYYY-MM-DDTHH:MM-HH:MM or FROM/TO, the end after the start, in a known time zone (got '\(text)')")
            }
            return span
        }
        if clearUnavailable || !spans.isEmpty {
            try access.update { shelf in
                if clearUnavailable { lines.append("forgot \(shelf.clearUnavailable()) unavailable times") }
                for span in spans where shelf.addUnavailable(span) { lines.append("unavailable: " + span.description) }
            }
        }
        let shelf = access.read()
        if let exportPlan {
            var plan = Shelf()
            _ = plan.mergePlan(shelf)
            for (id, entry) in shelf.screenings where entry.ticket { plan.setTicket(screening: id, true) }
            do { try AtomicFile.write([ShelfCoding.encode(plan, catalogID: catalog.id)], to: exportPlan) } catch { throw CLIFailure.cannotWrite(error) }
            lines.append("wrote your plan to \(exportPlan)")
        }
        if lines.isEmpty { lines = summary(shelf, catalog) }
        try Output.write(lines.joined(separator: "\n"))
    }

    func summary(_ shelf: Shelf, _ catalog: Catalog) -> [String] {
        let priorities = shelf.films.filter { $0.value.priority != nil }
        return ["shelf: \(shelf.favoriteFilms.count) favorite films, \(shelf.favoriteQuotes.count) favorite quotes, "
                + "\(shelf.watchedFilms.count) watched, \(shelf.rated.count) rated",
                "plan: \(priorities.count) priorities, \(shelf.pickedScreenings.count) picks, "
                + "\(shelf.screenings.values.filter(\.ticket).count) tickets, \(shelf.unavailable.count) unavailable times"]
            + shelf.unavailable.map { "unavailable: " + $0.description }
    }

    /// `2030-06-06T09:00-13:00` or `2030-06-06T09:00/2030-06-07T01:00`.
    static func span(_ text: String, zone: String) -> Shelf.Unavailable? {
        let from: Substring, to: String
        if let slash = text.firstIndex(of: "/") {
            from = text[..<slash]
            to = String(text[text.index(after: slash)...])
        } else {
            guard text.count == 22 else { return nil }
            from = text.prefix(16)
            guard text.dropFirst(16).first == "-" else { return nil }
            to = String(text.prefix(11)) + text.suffix(5)
        }
        guard let a = LocalStart(String(from)), let b = LocalStart(to) else { return nil }
        return Shelf.Unavailable(from: a, to: b, timeZone: zone)
    }
}
