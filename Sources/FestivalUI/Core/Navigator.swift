import FestivalLibrary
import TextGrid

/// Moving around: the cursor, scrolling, opening, history, sections, the mouse.
enum Navigator {
    static func context(_ state: AppState) -> (page: Page, layout: Layout) {
        let layout = Layout(state)
        return (Screens.page(state, width: layout.contentWidth), layout)
    }

    /// One step down or up: to the next selectable row in view, else scroll a line.
    static func move(_ state: inout AppState, by delta: Int) {
        let (page, layout) = context(state)
        var vp = state.viewport
        let h = layout.contentHeight
        if page.isList {
            guard page.count > 0 else { return }
            vp.selected = min(page.count - 1, max(0, vp.selected.map { $0 + delta } ?? 0))
        } else {
            let from = vp.selected ?? (delta > 0 ? vp.scroll - 1 : vp.scroll + h)
            var i = from + delta
            var found: Int?
            while i >= 0 && i < page.count && i >= vp.scroll - 1 && i <= vp.scroll + h {
                if page.isSelectable(i) { found = i; break }
                i += delta
            }
            if let found {
                vp.selected = found
                if found < vp.scroll { vp.scroll = found }
                if found >= vp.scroll + h { vp.scroll = found - h + 1 }
            } else {
                vp.scroll += delta
            }
        }
        state.viewport = vp
        clamp(&state, page: page, layout: layout)
    }

    static func page(_ state: inout AppState, by delta: Int) {
        let (page, layout) = context(state)
        var vp = state.viewport
        if page.isList {
            guard page.count > 0 else { return }
            vp.selected = min(page.count - 1, max(0, (vp.selected ?? 0) + delta))
            vp.scroll += delta
        } else {
            vp.scroll += delta
            vp.selected = nil
        }
        state.viewport = vp
        clamp(&state, page: page, layout: layout)
    }

    static func jump(_ state: inout AppState, toEnd: Bool) {
        let (page, layout) = context(state)
        var vp = state.viewport
        vp.scroll = toEnd ? page.count : 0
        vp.selected = page.isList && page.count > 0 ? (toEnd ? page.count - 1 : 0) : nil
        state.viewport = vp
        clamp(&state, page: page, layout: layout)
    }

    /// Keeps scroll within the page and the selection in view (or drops it, on a document).
    /// Another catalog (the file read again) in place of the one shown: each section keeps
    /// its history but for the pages of items the new one lacks, and every place is kept
    /// within its list; the search runs again, and a find or a filter's menu (counted on the
    /// old catalog) closes.
    static func replaceCatalog(_ state: inout AppState, with library: Library) {
        let catalog = library.catalog
        state.catalog = catalog
        state.library = library
        state.loading = nil
        func exists(_ screen: Screen) -> Bool {
            switch screen {
            case .film(let id): catalog.film(id) != nil
            case .quote(let id): catalog.quote(id) != nil
            case .person(let id): catalog.person(id) != nil
            case .screening(let id): catalog.screening(id) != nil
            case .films, .quotes, .people, .festival, .shelf, .search, .schedule, .myPlan: true
            }
        }
        for (section, stack) in state.stacks {
            state.stacks[section] = stack.filter(exists)
            if state.stacks[section]!.isEmpty { state.stacks[section] = [section.root] }
        }
        state.viewports = state.viewports.filter { exists($0.key) }
        state.find = nil
        switch state.mode {
        case .find, .picker: state.mode = .browse
        default: break
        }
        SearchController.run(&state, narrowing: false)
        for section in Section.allCases {
            let shown = state.section
            state.section = section
            clamp(&state)
            state.section = shown
        }
        clamp(&state)
    }

    static func clamp(_ state: inout AppState) {
        let (page, layout) = context(state)
        clamp(&state, page: page, layout: layout)
    }

    static func clamp(_ state: inout AppState, page: Page, layout: Layout) {
        var vp = state.viewport
        let h = layout.contentHeight
        if page.isList {
            if page.count == 0 {
                vp = Viewport(selected: nil, scroll: 0)
            } else {
                let sel = min(page.count - 1, max(0, vp.selected ?? 0))
                vp.selected = sel
                if sel < vp.scroll { vp.scroll = sel }
                if sel >= vp.scroll + h { vp.scroll = sel - h + 1 }
            }
        } else if let sel = vp.selected, sel >= page.count || !page.isSelectable(sel) {
            vp.selected = nil
        }
        vp.scroll = max(0, min(vp.scroll, page.count - h))
        if !page.isList, let sel = vp.selected, sel < vp.scroll || sel >= vp.scroll + h {
            vp.selected = (vp.scroll..<min(page.count, vp.scroll + h)).first { page.isSelectable($0) }
        }
        state.viewport = vp
    }

    static func open(_ state: inout AppState) -> [Effect] {
        let (page, _) = context(state)
        guard let sel = state.viewport.selected, sel < page.count, let target = page.row(sel).target else { return [] }
        switch target {
        case .festival: push(&state, .festival)
        case .query(let text):
            state.search.field = TextField(text)
            state.mode = .search
            SearchController.run(&state, narrowing: false)
        case .film(let id): push(&state, .film(id))
        case .person(let id): push(&state, .person(id))
        case .quote(let id): push(&state, .quote(id))
        case .link(let url): return [.openURL(url)]
        case .screening(let id):
            // A single film opens its page; a programme, the screening's.
            let films = state.catalog.screening(id)?.films ?? []
            push(&state, films.count == 1 ? .film(films[0]) : .screening(id))
        }
        return []
    }

    static func push(_ state: inout AppState, _ screen: Screen) {
        var stack = state.history
        if stack.last == screen { return }
        stack.append(screen)
        if stack.count > AppState.maxHistory { stack.remove(at: 1) }
        state.stacks[state.section] = stack
        state.find = nil
        clamp(&state)
    }

    static func back(_ state: inout AppState) {
        if state.find != nil { state.find = nil; return }
        var stack = state.history
        guard stack.count > 1 else { return }
        let left = stack.removeLast()
        state.stacks[state.section] = stack
        if !stack.contains(left) { state.viewports[left] = nil }
        clamp(&state)
    }

    static func switchSection(_ state: inout AppState, by delta: Int) {
        let all = Section.allCases
        let i = (state.section.rawValue + delta + all.count) % all.count
        switchSection(&state, to: all[i])
    }

    static func switchSection(_ state: inout AppState, to section: Section) {
        state.section = section
        state.find = nil
        clamp(&state)
    }

    /// Wheel scrolls, a click selects (on the tab bar: switches section), a double click opens.
    static func mouse(_ state: inout AppState, _ event: MouseEvent) -> [Effect] {
        let (page, layout) = context(state)
        switch event.kind {
        case .wheelDown, .wheelUp:
            let delta = event.kind == .wheelDown ? 3 : -3
            var vp = state.viewport
            vp.scroll += delta
            if page.isList, let sel = vp.selected { vp.selected = sel + delta }
            state.viewport = vp
            clamp(&state, page: page, layout: layout)
            return []
        case .click, .doubleClick:
            if event.y == 0 {
                if let section = TabBar.section(at: event.x, state) { switchSection(&state, to: section) }
                return []
            }
            let row = state.viewport.scroll + event.y - layout.contentTop
            guard event.x < layout.contentWidth, event.y >= layout.contentTop,
                  event.y < layout.contentTop + layout.contentHeight, row >= 0, row < page.count,
                  page.isSelectable(row) else { return [] }
            state.viewport.selected = row
            return event.kind == .doubleClick ? open(&state) : []
        case .press, .release:
            return []
        }
    }
}

extension Navigator {
    /// Shows `screen` in the section it belongs to (the search on top of the current one).
    static func show(_ state: inout AppState, _ screen: Screen) {
        switch screen {
        case .films, .film: state.section = .films
        case .quotes, .quote: state.section = .quotes
        case .people, .person: state.section = .people
        case .festival: state.section = .festival
        case .shelf: state.section = .shelf
        case .schedule, .myPlan, .screening: state.section = .schedule
        case .search: break
        }
        if screen != state.section.root { push(&state, screen) }
        clamp(&state)
    }
}
