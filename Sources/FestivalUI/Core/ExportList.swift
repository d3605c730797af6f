import FestivalLibrary
import FestivalText
import FestivalExport
import TextGrid

/// What `e` exports: every quote and film of the list on screen, in its order.
public struct ExportRequest: Equatable, Sendable {
    public var quoteIDs: [String]
    public var filmIDs: [String]
    /// A title for the document and a word for the file name.
    public var title: String
    public var slug: String
    public var format: ExportFormat
}

enum ExportList {
    /// The quotes and films the current screen lists, in its order.
    static func current(_ state: AppState) -> (quotes: [String], films: [String], title: String, slug: String) {
        let c = state.catalog
        let title = Screens.title(state, state.screen)
        switch state.screen {
        case .quotes: return (ListScreens.quotes(state).map(\.id), [], title, "quotes")
        case .films: return ([], ListScreens.films(state).map(\.id), title, "films")
        case .search:
            guard let library = state.library else { return ([], [], title, "search") }
            var quotes: [String] = [], films: [String] = []
            for hit in state.search.hits {
                switch library.item(hit) {
                case .quote(let q): quotes.append(q.id)
                case .film(let f): films.append(f.id)
                case .person: break
                }
            }
            return (quotes, films, title, "search")
        case .shelf: return (state.shelf.favoriteQuotes, state.shelf.favoriteFilms, title, "shelf")
        case .person(let id): return (c.quotes(by: id).map(\.id), c.films(directedBy: id).map(\.id), title, id)
        case .film(let id): return (c.quotes(aboutFilm: id).map(\.id), [], title, id)
        case .quote(let id): return ([id], [], title, id)
        case .people, .festival: return ([], [], title, "list")
        }
    }

    static func start(_ state: inout AppState) -> [Effect] {
        let list = current(state)
        guard !list.quotes.isEmpty || !list.films.isEmpty else {
            state.message = UIString.nothingToExport.text(state.language)
            return []
        }
        state.mode = .exportFormat
        return []
    }

    /// The key after `e`: m, c or j picks the format; anything else cancels.
    static func finish(_ state: inout AppState, _ key: Key) -> [Effect] {
        state.mode = .browse
        let format: ExportFormat
        switch key {
        case .char("m"): format = .md
        case .char("c"): format = .csv
        case .char("j"): format = .json
        default: return []
        }
        let list = current(state)
        return [.export(ExportRequest(quoteIDs: list.quotes, filmIDs: list.films,
                                      title: list.title, slug: list.slug, format: format))]
    }
}
