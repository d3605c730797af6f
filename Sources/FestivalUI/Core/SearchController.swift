import FestivalSearch
import TextGrid

/// The global search: opening it, editing the query (with history), running it as you type.
enum SearchController {
    /// Shows the search screen on top of the current section, the query ready for typing.
    static func open(_ state: inout AppState, scope: SearchScope) {
        if state.screen != .search { Navigator.push(&state, .search) }
        let rescope = state.search.scope != scope
        state.search.scope = scope
        state.mode = .search
        state.search.historyCursor = nil
        if rescope || state.search.hits.isEmpty { run(&state, narrowing: false) }
    }

    /// A key while the query has focus.
    static func edit(_ state: inout AppState, _ key: Key) -> [Effect] {
        var search = state.search
        switch key {
        case .up, .down:
            recall(&state, older: key == .up)
            return []
        case .ctrl("n"), .ctrl("p"):
            Navigator.move(&state, by: key == .ctrl("n") ? 1 : -1)
            return []
        case .pageDown, .pageUp:
            let height = Layout(state, screen: .search).contentHeight
            Navigator.page(&state, by: key == .pageDown ? height : -height)
            return []
        case .enter:
            if SearchCompletion(state.search.input, catalog: state.catalog) == nil {
                remember(&state)
                guard !state.search.hits.isEmpty else { return [] }
            }
            state.mode = .browse
            return Navigator.open(&state)
        case .tab:
            state.mode = .browse
            return []
        case .escape, .ctrl("c"), .ctrl("g"):
            remember(&state)
            state.mode = .browse
            Navigator.back(&state)
            return []
        case .mouse(let event):
            return Navigator.mouse(&state, event)
        default:
            guard search.field.edit(key) else { return [] }
            // The cursor moved, the query is the same: nothing to run.
            guard search.field.text != state.search.field.text else {
                state.search = search
                return []
            }
        }
        search.historyCursor = nil
        state.search = search
        run(&state, narrowing: true)
        return []
    }

    /// Runs the query (once the library is there); a query that only narrows the last one
    /// scans just its hits.
    static func run(_ state: inout AppState, narrowing: Bool) {
        guard let library = state.library else { return }
        let query = SearchQuery(state.search.input)
        let earlier = narrowing && query.narrows(state.search.query) ? state.search.hits : nil
        state.search.hits = library.hits(query, in: state.search.scope.kinds, within: earlier)
        state.search.query = query
        state.viewports[.search] = Viewport(selected: 0)
    }

    /// Up/Down: step through earlier queries; past the newest is what was being typed.
    static func recall(_ state: inout AppState, older: Bool) {
        var search = state.search
        guard !search.history.isEmpty else { return }
        if older {
            if search.historyCursor == nil { search.draft = search.input }
            search.historyCursor = max(0, (search.historyCursor ?? search.history.count) - 1)
        } else {
            guard let cursor = search.historyCursor else { return }
            search.historyCursor = cursor + 1 < search.history.count ? cursor + 1 : nil
        }
        search.field = TextField(search.historyCursor.map { search.history[$0] } ?? search.draft)
        state.search = search
        run(&state, narrowing: false)
    }

    /// Keeps a finished query in the history (once, newest last).
    static func remember(_ state: inout AppState) {
        let query = String(state.search.input.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        guard !query.isEmpty else { return }
        state.search.history.removeAll { $0 == query }
        state.search.history.append(query)
        if state.search.history.count > SearchState.maxHistory { state.search.history.removeFirst() }
        state.search.historyCursor = nil
    }
}
