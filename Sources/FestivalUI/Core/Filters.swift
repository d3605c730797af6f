import FestivalLibrary

/// Sorting and filtering of the film and quote lists; each key cycles through the values.
enum Filters {
    /// The next value after `current` in `values`, wrapping to nil ("all").
    static func next<T: Equatable>(_ current: T?, in values: [T]) -> T? {
        guard let current, let i = values.firstIndex(of: current) else { return values.first }
        return i + 1 < values.count ? values[i + 1] : nil
    }

    static func cycleSort(_ state: inout AppState) {
        let all = FilmSort.allCases
        state.filmSort = all[((all.firstIndex(of: state.filmSort) ?? 0) + 1) % all.count]
        reset(&state)
    }

    static func cycleAward(_ state: inout AppState) {
        var values = state.catalog.festival.prizeTiers.map(\.id).filter { id in state.catalog.films.contains { $0.award?.tier == id } }
        if state.catalog.films.contains(where: { $0.award == nil }) { values.append("") }
        state.awardFilter = next(state.awardFilter, in: values)
        reset(&state)
    }

    static func cycleStyle(_ state: inout AppState) {
        var seen: [String] = []
        for film in state.catalog.films {
            for style in film.styles where !seen.contains(ListScreens.styleKey(style)) { seen.append(ListScreens.styleKey(style)) }
        }
        state.styleFilter = next(state.styleFilter, in: seen)
        reset(&state)
    }

    static func cycleSpeaker(_ state: inout AppState) {
        var speakers: [String] = []
        for q in state.catalog.quotes where !speakers.contains(q.speaker) { speakers.append(q.speaker) }
        state.quoteFilter.speaker = next(state.quoteFilter.speaker, in: speakers)
        reset(&state)
    }

    static func cycleTopic(_ state: inout AppState) {
        let used = Set(state.catalog.quotes.flatMap(\.topics))
        state.quoteFilter.topic = next(state.quoteFilter.topic, in: state.catalog.topics.map(\.id).filter { used.contains($0) })
        reset(&state)
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
