import FestivalLibrary
import FestivalText
import TextGrid

/// Sorting and filtering of the film and quote lists: `S` cycles through the orders, each
/// filter key opens a menu of its values (`FilterPicker`).
enum Filters {
    static func cycleSort(_ state: inout AppState) {
        let all = FilmSort.allCases
        state.filmSort = all[((all.firstIndex(of: state.filmSort) ?? 0) + 1) % all.count]
        reset(&state)
    }

    /// `a`, `t`, `p`: opens the menu of a filter's values (or says why there is none).
    static func choose(_ filter: FilterPicker.Filter, _ state: inout AppState) {
        let quotes = filter == .speaker || filter == .topic
        if quotes, let loading = state.loading {
            state.message = loading.text(state.language)
            return
        }
        guard var picker = FilterPicker.make(filter, state) else {
            state.message = UIString.nothingToFilter.text(state.language)
            return
        }
        picker.move(by: 0, rows: FilterPicker.rows(height: state.size.height))
        state.mode = .picker(picker)
    }

    /// A key in the menu: typing narrows it, ↑/↓ (Ctrl-p/n, the wheel) move, Enter applies
    /// the highlighted value, Esc leaves the filter as it was.
    static func pick(_ state: inout AppState, _ picker: FilterPicker, _ key: Key) -> [Effect] {
        var picker = picker
        let rows = FilterPicker.rows(height: state.size.height)
        switch key {
        case .escape, .ctrl("c"), .ctrl("g"):
            state.mode = .browse
            return []
        case .enter:
            state.mode = .browse
            if let choice = picker.choice { set(picker.filter, to: choice.value, &state) }
            return []
        case .down, .ctrl("n"): picker.move(by: 1, rows: rows)
        case .up, .ctrl("p"): picker.move(by: -1, rows: rows)
        case .pageDown: picker.move(by: rows, rows: rows)
        case .pageUp: picker.move(by: -rows, rows: rows)
        case .mouse(let event) where event.kind == .wheelDown || event.kind == .wheelUp:
            picker.move(by: event.kind == .wheelDown ? 3 : -3, rows: rows)
        default:
            let before = picker.field.text
            guard picker.field.edit(key) else { return [] }
            if picker.field.text != before { picker.narrow() }
        }
        state.mode = .picker(picker)
        return []
    }

    static func set(_ filter: FilterPicker.Filter, to value: String?, _ state: inout AppState) {
        switch filter {
        case .award: state.awardFilter = value
        case .style: state.styleFilter = value
        case .speaker: state.quoteFilter.speaker = value
        case .topic: state.quoteFilter.topic = value
        }
        reset(&state)
    }

    /// Whether a filter narrows the list on this screen (its empty page then says how to clear it).
    static func narrowing(_ state: AppState) -> Bool {
        switch state.screen {
        case .films: return state.awardFilter != nil || state.styleFilter != nil
        case .quotes: return state.quoteFilter.speaker != nil || state.quoteFilter.topic != nil
        default: return false
        }
    }

    /// What an empty list says when filters emptied it, with the key that clears them.
    static func emptyRow(_ state: AppState, keymap: Keymap) -> Row {
        let l = state.language
        var spans = [Span(UIString.noneMatchFilters.text(l), Style(.muted))]
        if let key = keymap.keys(for: .clearFilters).first(where: { keymap.command(for: $0, on: state.screen.kind) == .clearFilters }) {
            spans += [Span(key.label, Style(.accent, bold: true)), Span(UIString.clearsThem.text(l), Style(.muted))]
        }
        return Row(spans)
    }

    static func clear(_ state: inout AppState) {
        state.awardFilter = nil
        state.styleFilter = nil
        state.quoteFilter = QuoteFilter()
        state.filmSort = .lineup
        reset(&state)
    }

    /// A changed list starts at its top.
    static func reset(_ state: inout AppState) {
        state.viewport = Viewport(selected: 0, scroll: 0)
        Navigator.clamp(&state)
        Finder.refresh(&state)
    }
}
