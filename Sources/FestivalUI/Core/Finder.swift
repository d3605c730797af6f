import FestivalSearch
import FestivalText
import TextGrid

/// `/` search within the current screen: type to jump to the first match, Enter to keep
/// it, Esc to cancel, then `n`/`N` to step through the matches.
enum Finder {
    static func edit(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var find = state.find else { return [] }
        switch key {
        case .escape, .ctrl("c"), .ctrl("g"):
            state.find = nil
            return []
        case .enter:
            state.mode = .browse
            state.find = find.query.isEmpty ? nil : find
            return []
        case .backspace where find.field.isEmpty:
            state.find = nil
            return []
        default:
            guard find.field.edit(key) else { return [] }
            guard find.field.text != state.find?.field.text else {
                state.find = find   // the cursor moved; the matches are the same
                return []
            }
        }
        state.find = find
        refresh(&state)
        if let first = state.find?.current { show(&state, state.find!.matches[first]) }
        return []
    }

    /// Whether a row's text contains the query, folded as search folds it (case, accents,
    /// width, Traditional/Simplified Chinese).
    static func matches(_ text: String, _ query: String) -> Bool {
        matches(text, folded: Fold.bytes(query))
    }

    static func matches(_ text: String, folded query: [UInt8]) -> Bool {
        SearchIndex.contains(Fold.bytes(text), query)
    }

    /// Recomputes matches for the current page; the current match is the first at or
    /// after the cursor.
    static func refresh(_ state: inout AppState) {
        guard var find = state.find else { return }
        if find.query.isEmpty {
            find.matches = []
        } else if state.screen.kind == .quoteList, let library = state.library {
            // A quote list may hold a million rows: the index finds them, not a scan of
            // every row's text.
            let positions = library.quotePositions(matching: SearchQuery(find.query))
            if state.quoteFilter.isEmpty {
                find.matches = positions   // the rows are the catalog's quotes
            } else {
                let hit = Set(positions.map { state.catalog.quotes[$0].id })
                let quotes = ListScreens.quotes(state)
                find.matches = quotes.indices.filter { hit.contains(quotes[$0].id) }
            }
        } else {
            let (page, _) = Navigator.context(state)
            let needle = Fold.bytes(find.query)
            find.matches = (0..<page.count).filter { matches(page.row($0).text, folded: needle) }
        }
        let from = state.viewport.selected ?? state.viewport.scroll
        find.current = find.matches.isEmpty ? nil : (find.matches.firstIndex { $0 >= from } ?? 0)
        state.find = find
    }

    static func step(_ state: inout AppState, forward: Bool) {
        guard var find = state.find, !find.matches.isEmpty else {
            if state.find != nil { state.message = UIString.noMatches.text(state.language) }
            return
        }
        let n = find.matches.count
        find.current = ((find.current ?? (forward ? -1 : 0)) + (forward ? 1 : -1) + n) % n
        state.find = find
        show(&state, find.matches[find.current!])
    }

    /// Brings a row into view, selecting it when it can be selected.
    static func show(_ state: inout AppState, _ row: Int) {
        let (page, layout) = Navigator.context(state)
        var vp = state.viewport
        if page.isSelectable(row) { vp.selected = row }
        if row < vp.scroll || row >= vp.scroll + layout.contentHeight {
            vp.scroll = max(0, row - layout.contentHeight / 3)
        }
        state.viewport = vp
        Navigator.clamp(&state, page: page, layout: layout)
    }
}
