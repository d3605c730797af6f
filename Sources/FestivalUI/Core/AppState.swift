import FestivalCatalog
import FestivalLibrary
import FestivalSchedule
import FestivalText
import TextGrid

/// The sections the tab bar switches between.
public enum Section: Int, CaseIterable, Sendable {
    case films, quotes, people, festival, shelf, schedule

    public var title: UIString {
        switch self {
        case .films: return .films
        case .quotes: return .quotes
        case .people: return .people
        case .festival: return .festival
        case .shelf: return .shelf
        case .schedule: return .schedule
        }
    }

    var root: Screen {
        switch self {
        case .films: return .films
        case .quotes: return .quotes
        case .people: return .people
        case .festival: return .festival
        case .shelf: return .shelf
        case .schedule: return .schedule
        }
    }
}

/// A place in the browser.
public enum Screen: Hashable, Sendable {
    case films, quotes, people, festival, shelf
    case film(String), quote(String), person(String)
    /// The day grid (a list by time where it is narrow), the picks in time order, and one
    /// screening (a programme's films, its time and place).
    case schedule, myPlan, screening(String)
    /// Search results (`s`, or `/` on the quote list).
    case search

    /// Which help entries apply here.
    var kind: ScreenKind {
        switch self {
        case .films: return .filmList
        case .quotes: return .quoteList
        case .people: return .personList
        case .search: return .searchResults
        case .schedule, .myPlan: return .screeningList
        case .festival, .film, .quote, .person, .shelf, .screening: return .document
        }
    }
}

/// Kinds of screens, for the command table.
public enum ScreenKind: Hashable, Sendable, CaseIterable { case filmList, quoteList, personList, searchResults, document, screeningList }

/// Cursor and scroll of one screen.
public struct Viewport: Equatable, Sendable {
    /// The selected row, if any row is selected.
    public var selected: Int?
    /// The first row shown.
    public var scroll: Int = 0
}

/// How the film list is ordered.
public enum FilmSort: CaseIterable, Sendable {
    case lineup, award, title, runtime
}

/// Search within the current screen (`/`, then `n`/`N`); typed while the mode is `.find`.
public struct FindState: Equatable, Sendable {
    /// What is being looked for, with its cursor.
    public var field = TextField()
    public var query: String { field.text }
    /// Rows that match, in order.
    public var matches: [Int] = []
    public var current: Int?
}

/// What the next key means beyond the keymap. One value, so no two can be on at once.
public enum Mode: Equatable, Sendable {
    /// Keys are commands from the keymap.
    case browse
    /// The `?` overlay is shown; the next key closes it.
    case help
    /// `r` was pressed: the next key is a rating (1–5, 0 clears).
    case rating
    /// `e` was pressed: the next key picks the export format.
    case exportFormat
    /// The format was picked: keys edit where the export goes (Enter writes it).
    case exportPath(ExportPath)
    /// The one-line note editor is open (when there is no $VISUAL or $EDITOR).
    case note(NoteEditor)
    /// Keys edit the find query (`state.find`).
    case find
    /// Keys edit the search query (on the search screen).
    case search
    /// A filter's menu is open (`a`, `t`, `p`): keys narrow and choose.
    case picker(FilterPicker)
    /// `P` was pressed: the next key is a priority (0–5, Backspace clears) for these films.
    case priority([String])
    /// A plan is shown before it is applied: Enter applies it, Esc keeps the picks as they are.
    case planPreview(PlanPreview)

    /// Whether keys are typed into a field (where a paste is inserted as text).
    var hasField: Bool {
        switch self {
        case .exportPath, .note, .find, .search, .picker: true
        case .browse, .help, .rating, .exportFormat, .priority, .planPreview: false
        }
    }
}

/// The catalog shown is only its start (`CatalogStart`): its quotes and sources are still
/// being read, this far (when known).
public struct RestLoading: Equatable, Sendable {
    public var fraction: Double?

    /// "Loading quotes 42%"
    func text(_ l: Language) -> String {
        UIString.loadingQuotes.text(l) + (fraction.map { " \(Int(($0 * 100).rounded(.down)))%" } ?? "…")
    }
}

/// Everything the browser shows, as one value. Only `update` changes it: outside this
/// module every property is read-only.
public struct AppState: Sendable {
    public internal(set) var catalog: Catalog { didSet { timetable = Timetable(catalog: catalog) } }
    /// Every screening of the catalog placed in time (made again whenever the catalog changes).
    public internal(set) var timetable: Timetable
    /// The schedule's day, a pick waiting for its confirmation, the last plan's undo.
    public internal(set) var planning = PlanningState()
    public internal(set) var language: Language
    public internal(set) var section: Section = .films
    /// Each section's navigation history; the last screen is the one shown.
    public internal(set) var stacks: [Section: [Screen]]
    public internal(set) var viewports: [Screen: Viewport] = [:]
    public internal(set) var size: Size
    public internal(set) var mode: Mode = .browse
    /// How many lines of the help are scrolled away.
    public internal(set) var helpScroll = 0
    /// Whether lists show the selection's page beside them (`v`), where the width allows.
    public internal(set) var showsPreview = true
    public internal(set) var filmSort: FilmSort = .lineup
    public internal(set) var awardFilter: String?          // prize tier id, or "" for no tier known
    public internal(set) var styleFilter: String?          // a style's text in English (or Chinese when no English)
    /// The quote list's speaker and topic filters.
    public internal(set) var quoteFilter = QuoteFilter()
    public internal(set) var find: FindState?
    public internal(set) var search = SearchState()
    /// The catalog with its search index, once the shell has it (`Action.libraryReady`);
    /// searches typed before then run when it arrives.
    public internal(set) var library: Library?
    /// Set while the catalog is only its start (`Action.catalogLoaded` brings the rest).
    public internal(set) var loading: RestLoading?
    /// Favorites, watched films, ratings and notes (the shell loads and saves it).
    public internal(set) var shelf = Shelf()
    /// Notes typed on the bottom line and left without saving (Esc): the next `m` on the
    /// item opens them again.
    public internal(set) var noteDrafts: [ShelfItem: String] = [:]
    public internal(set) var message: String?
    public internal(set) var quitting = false
    /// Where `e` offers to write (the config's `export-directory`, else the current directory).
    public internal(set) var exportDirectory: String

    /// The deepest history a section keeps.
    public static let maxHistory = 64

    /// A state for `catalog`; `library` when its index is already there; `start` when the
    /// catalog is only the start of one, the rest still loading.
    public init(catalog: Catalog, language: Language, size: Size, library: Library? = nil, start: Bool = false,
                exportDirectory: String = ".", planRequest: PlanRequest = PlanRequest()) {
        self.catalog = catalog
        self.timetable = Timetable(catalog: catalog)
        self.planning.request = planRequest
        self.exportDirectory = exportDirectory
        self.library = library
        self.loading = start ? RestLoading() : nil
        self.language = language
        self.size = size
        var stacks: [Section: [Screen]] = [:]
        for s in Section.allCases { stacks[s] = [s.root] }
        self.stacks = stacks
        for s in Section.allCases where s.root.kind != .document { viewports[s.root] = Viewport(selected: 0) }
    }

    public var screen: Screen { stacks[section]?.last ?? section.root }
    public var history: [Screen] { stacks[section] ?? [section.root] }
    public internal(set) var viewport: Viewport {
        get { viewports[screen] ?? Viewport() }
        set { viewports[screen] = newValue }
    }
}

/// A terminal size in cells.
public struct Size: Hashable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}
