import Foundation
import FestivalLibrary
import FestivalSchedule
import FestivalText
import FestivalExport
import TextGrid

/// What `e` exports: every film, person and quote of the list on screen, in its order,
/// to `path` (other files of a CSV export beside it; no file is ever overwritten).
public struct ExportRequest: Equatable, Sendable {
    public var quoteIDs: [String]
    public var filmIDs: [String]
    public var personIDs: [String] = []
    /// Screenings to export (iCalendar); empty: those of the films.
    public var screeningIDs: [String] = []
    /// Whether the festival itself is listed (its page, or a search that finds it).
    public var festival: Bool = false
    /// A title for the document.
    public var title: String
    public var format: ExportFormat
    /// The file to write, as the user left it in the prompt.
    public var path: String
    /// The user's marks and notes, exported with the films and quotes.
    public var shelf: Shelf = Shelf()
}

/// The export prompt: the format picked and the path being edited.
public struct ExportPath: Equatable, Sendable {
    public var format: ExportFormat
    public var field: TextField
}

/// What a screen lists, for export.
struct ExportItems: Equatable {
    var quotes: [String] = []
    var films: [String] = []
    var people: [String] = []
    var screenings: [String] = []
    var festival = false
    var title: String
    var slug: String

    var isEmpty: Bool { quotes.isEmpty && films.isEmpty && people.isEmpty && !festival }
    var count: Int { quotes.count + films.count + people.count + (festival ? 1 : 0) }
}

enum ExportList {
    /// The festival, films, people and quotes the current screen lists, in its order: a
    /// detail page gives its subject and what it lists (a film with its quotes, a person
    /// with theirs and the films they directed, the festival page the festival).
    static func current(_ state: AppState) -> ExportItems {
        let c = state.catalog
        let title = Screens.title(state, state.screen)
        switch state.screen {
        case .quotes: return ExportItems(quotes: ListScreens.quotes(state).map(\.id), title: title, slug: "quotes")
        case .films: return ExportItems(films: ListScreens.films(state).map(\.id), title: title, slug: "films")
        case .people: return ExportItems(people: c.people.map(\.id), title: title, slug: "people")
        case .schedule, .myPlan, .screening:
            // The films the screenings shown bring (each once, in time order).
            let entries: [Timetable.Entry]
            switch state.screen {
            case .schedule: entries = ScheduleScreen.entries(state)
            case .screening(let id): entries = state.timetable.entry(id).map { [$0] } ?? []
            default: entries = state.timetable.entries.filter { state.shelf.isPicked(screening: $0.id) }
            }
            var films: [String] = []
            for id in entries.flatMap(\.screening.films) where !films.contains(id) { films.append(id) }
            return ExportItems(films: films, screenings: entries.map(\.id), title: title, slug: state.screen == .myPlan ? "plan" : "screenings")
        case .search:
            var items = ExportItems(title: title, slug: "search")
            // Values offered to complete a query are not results.
            guard let library = state.library, SearchCompletion(state.search.input, catalog: c) == nil else { return items }
            for hit in state.search.hits {
                switch library.item(hit) {
                case .quote(let q): items.quotes.append(q.id)
                case .film(let f): items.films.append(f.id)
                case .person(let p): items.people.append(p.id)
                case .festival: items.festival = true
                }
            }
            return items
        case .shelf:
            let shelf = state.shelf
            var films: [String] = [], quotes: [String] = []
            for id in shelf.favoriteFilms + shelf.watchedFilms + shelf.rated where !films.contains(id) { films.append(id) }
            for id in shelf.favoriteQuotes where !quotes.contains(id) { quotes.append(id) }
            for item in shelf.noted {
                switch item {
                case .film(let id) where !films.contains(id): films.append(id)
                case .quote(let id) where !quotes.contains(id): quotes.append(id)
                default: break
                }
            }
            return ExportItems(quotes: quotes, films: films, title: title, slug: "shelf")
        case .person(let id):
            return ExportItems(quotes: c.quotes(by: id).map(\.id), films: c.films(directedBy: id).map(\.id), people: [id],
                               title: title, slug: id)
        case .film(let id): return ExportItems(quotes: c.quotes(aboutFilm: id).map(\.id), films: [id], title: title, slug: id)
        case .quote(let id): return ExportItems(quotes: [id], title: title, slug: id)
        case .festival: return ExportItems(festival: true, title: title, slug: "festival")
        }
    }

    static func start(_ state: inout AppState) -> [Effect] {
        guard !current(state).isEmpty else {
            state.message = UIString.nothingToExport.text(state.language)
            return []
        }
        state.mode = .exportFormat
        return []
    }

    /// The key after `e`: m, c, j or i (iCalendar) picks the format and opens the path prompt; anything
    /// else cancels.
    static func pickFormat(_ state: inout AppState, _ key: Key, now: Date) -> [Effect] {
        state.mode = .browse
        let format: ExportFormat
        switch key {
        case .char("m"): format = .md
        case .char("c"): format = .csv
        case .char("j"): format = .json
        case .char("i"): format = .ics
        default: return []
        }
        let items = current(state)
        let slug = String(items.slug.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
        var directory = state.exportDirectory
        while directory.count > 1 && directory.hasSuffix("/") { directory.removeLast() }
        let path = (directory == "/" ? "" : directory) + "/festival-\(slug)-\(stamp(now)).\(format.rawValue)"
        state.mode = .exportPath(ExportPath(format: format, field: TextField(path)))
        return []
    }

    /// A path typed in the prompt: absolute and `~` paths as they are, a relative one taken
    /// from the export directory (as the README says).
    static func inExportDirectory(_ typed: String, _ directory: String) -> String {
        if typed.hasPrefix("/") || typed == "~" || typed.hasPrefix("~/") || directory == "." { return typed }
        var directory = directory
        while directory.count > 1 && directory.hasSuffix("/") { directory.removeLast() }
        return (directory == "/" ? "" : directory) + "/" + typed
    }

    /// A key in the path prompt: Enter writes, Esc cancels, the rest edit the path.
    static func editPath(_ state: inout AppState, _ prompt: ExportPath, _ key: Key) -> [Effect] {
        var prompt = prompt
        switch key {
        case .enter:
            state.mode = .browse
            let typed = prompt.field.text.trimmingCharacters(in: .whitespaces)
            guard !typed.isEmpty else {
                state.message = UIString.exportCancelled.text(state.language)
                return []
            }
            let path = inExportDirectory(typed, state.exportDirectory)
            let items = current(state)
            var request = ExportRequest(quoteIDs: items.quotes, filmIDs: items.films, personIDs: items.people,
                                        festival: items.festival, title: items.title, format: prompt.format, path: path, shelf: state.shelf)
            request.screeningIDs = items.screenings
            return [.export(request)]
        case .escape, .ctrl("c"), .ctrl("g"):
            state.mode = .browse
            state.message = UIString.exportCancelled.text(state.language)
        default:
            if prompt.field.edit(key) { state.mode = .exportPath(prompt) }
        }
        return []
    }

    /// 20261127-061503, in UTC.
    static func stamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(c.year ?? 0)\(two(c.month))\(two(c.day))-\(two(c.hour))\(two(c.minute))\(two(c.second))"
    }
}
