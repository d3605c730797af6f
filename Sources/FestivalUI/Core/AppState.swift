import FestivalCatalog
import FestivalSearch
import FestivalLibrary
import FestivalText
import TextGrid

/// The four sections the tab bar switches between.
public enum Section: Int, CaseIterable, Sendable {
    case films, quotes, people, festival, shelf

    public var title: UIString {
        switch self {
        case .films: return .films
        case .quotes: return .quotes
        case .people: return .people
        case .festival: return .festival
        case .shelf: return .shelf
        }
    }

    var root: Screen {
        switch self {
        case .films: return .films
        case .quotes: return .quotes
        case .people: return .people
        case .festival: return .festival
        case .shelf: return .shelf
        }
    }
}

/// A place in the browser.
public enum Screen: Hashable, Sendable {
    case films, quotes, people, festival, shelf
    case film(String), quote(String), person(String)
    /// Search results (`s`, or `/` on the quote list).
    case search

    /// Which help entries apply here.
    var kind: ScreenKind {
        switch self {
        case .films: return .filmList
        case .quotes: return .quoteList
        case .people: return .personList
        case .search: return .searchResults
        case .festival, .film, .quote, .person, .shelf: return .document
        }
    }
}

/// Kinds of screens, for the command table.
public enum ScreenKind: Hashable, Sendable, CaseIterable { case filmList, quoteList, personList, searchResults, document }

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

/// Search within the current screen (`/`, then `n`/`N`).
public struct FindState: Equatable, Sendable {
    public var query: String = ""
    public var editing = true
    /// Rows that match, in order.
    public var matches: [Int] = []
    public var current: Int?
}

/// Everything the browser shows, as one value. Change it only through `update`.
public struct AppState: Sendable {
    public var catalog: Catalog
    public var language: Language
    public var section: Section = .films
    /// Each section's navigation history; the last screen is the one shown.
    public var stacks: [Section: [Screen]]
    public var viewports: [Screen: Viewport] = [:]
    public var size: Size
    public var filmSort: FilmSort = .lineup
    public var awardFilter: String?          // prize tier id, or "" for unknown
    public var styleFilter: String?          // a style's text in English (or Chinese when no English)
    public var speakerFilter: String?
    public var topicFilter: String?
    public var find: FindState?
    public var search = SearchState()
    /// Built on the first search, or handed over by the shell that built it in the background.
    public var searchIndex: SearchIndex?
    /// True while the shell builds the index in the background; searches wait for it.
    public var indexPending = false
    /// Favorites, watched films, ratings and notes (the shell loads and saves it).
    public var shelf = Shelf()
    /// `r` was pressed: the next key is a rating (1–5, 0 clears).
    public var ratingPending = false
    /// `e` was pressed: the next key picks the export format.
    public var exportPending = false
    /// The one-line note editor, when open (used when $EDITOR is unset).
    public var noteEditor: NoteEditor?
    public var showHelp = false
    public var message: String?
    public var quitting = false

    /// The deepest history a section keeps.
    public static let maxHistory = 64

    public init(catalog: Catalog, language: Language, size: Size) {
        self.catalog = catalog
        self.language = language
        self.size = size
        var stacks: [Section: [Screen]] = [:]
        for s in Section.allCases { stacks[s] = [s.root] }
        self.stacks = stacks
        for s in Section.allCases where s.root.kind != .document { viewports[s.root] = Viewport(selected: 0) }
    }

    public var screen: Screen { stacks[section]?.last ?? section.root }
    public var history: [Screen] { stacks[section] ?? [section.root] }
    public var viewport: Viewport {
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
