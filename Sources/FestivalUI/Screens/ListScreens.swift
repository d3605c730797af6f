import FestivalLibrary
import FestivalCatalog
import FestivalText
import TextGrid

/// The three lists: films, quotes, people. Rows are built only when shown.
enum ListScreens {
    /// Films after the current filters, in the current order.
    static func films(_ state: AppState) -> [Film] {
        let c = state.catalog
        var films = c.films.filter { film in
            if let award = state.awardFilter {
                if award.isEmpty ? film.award != nil : film.award?.tier != award { return false }
            }
            if let style = state.styleFilter, !film.styles.contains(where: { styleKey($0) == style }) { return false }
            return true
        }
        let l = state.language
        switch state.filmSort {
        case .lineup: break
        case .award:
            films = stableSorted(films) { (c.prizeTier($0.award?.tier ?? "")?.rank ?? Int.max, $0.award?.place ?? Int.max) < (c.prizeTier($1.award?.tier ?? "")?.rank ?? Int.max, $1.award?.place ?? Int.max) }
        case .title:
            films = stableSorted(films) { $0.title.text(l).lowercased() < $1.title.text(l).lowercased() }
        case .runtime:
            films = stableSorted(films) { ($0.runtimeSeconds ?? Int.max) < ($1.runtimeSeconds ?? Int.max) }
        }
        return films
    }

    static func styleKey(_ style: LocalizedText) -> String { style.en ?? style.zhHant ?? "" }

    static func stableSorted<T>(_ items: [T], by less: (T, T) -> Bool) -> [T] {
        items.enumerated().sorted { less($0.element, $1.element) || (!less($1.element, $0.element) && $0.offset < $1.offset) }.map(\.element)
    }

    static func quotes(_ state: AppState) -> [Quote] {
        state.quoteFilter.apply(to: state.catalog.quotes)
    }

    /// Column widths for a list: the first column takes what the others leave.
    static func layout(_ width: Int, fixed: [Int]) -> [Int] {
        var cols = fixed
        var rest = width - fixed.reduce(0, +) - 2 * fixed.count
        while rest < max(12, width / 3), let i = cols.indices.last(where: { cols[$0] > 0 }) {
            rest += cols[i] + 2   // drop the rightmost column when space is short
            cols[i] = 0
        }
        return [max(1, rest)] + cols
    }

    static func cells(_ values: [(String, Style)], widths: [Int]) -> [Span] {
        var spans: [Span] = []
        for (i, (text, style)) in values.enumerated() where i < widths.count && widths[i] > 0 {
            if !spans.isEmpty { spans.append(Span("  ")) }
            spans.append(Span(Wrap.pad(text, width: widths[i]), style))
        }
        return spans
    }

    static func filmPage(_ state: AppState) -> Page {
        let films = Self.films(state)
        let l = state.language, c = state.catalog
        let widths = layout(state.size.width, fixed: [16, 14, 7])
        let header = Row(cells([(UIString.title.text(l), .plain), (UIString.director.text(l), .plain),
                                (UIString.award.text(l), .plain), (UIString.runtime.text(l), .plain)], widths: widths)
            .map { Span($0.text, Style(.heading, bold: true)) })
        return Page(count: films.count, isList: true, header: header) { i in
            let film = films[i]
            var title = ShelfScreen.marks(.film(film.id), state.shelf) + film.title.text(l)
            if let sub = film.title.subtitle(l) { title += "  " + sub }
            return Row(cells([(title, Style(.title, bold: true)), (Format.directors(film, in: c, l), .plain),
                              (Format.award(film, in: c, l), Style(.accent)), (Format.runtime(film, l), Style(.muted))],
                             widths: widths), target: .film(film.id))
        }
    }

    static func quotePage(_ state: AppState) -> Page {
        let quotes = Self.quotes(state)
        let l = state.language, c = state.catalog
        let widths = layout(state.size.width, fixed: [18])
        let header = Row(cells([(UIString.quote.text(l), .plain), (UIString.speaker.text(l), .plain)], widths: widths)
            .map { Span($0.text, Style(.heading, bold: true)) })
        if let loading = state.loading {
            return Page(count: 0, isList: true, header: header, empty: Row([Span(loading.text(l), Style(.muted, dim: true))]))
        }
        return Page(count: quotes.count, isList: true, header: header) { i in
            let q = quotes[i]
            return Row(cells([(ShelfScreen.marks(.quote(q.id), state.shelf) + Format.quoteLine(q, l), .plain), (c.personName(q.speaker, l), Style(.accent))], widths: widths),
                       target: .quote(q.id))
        }
    }

    static func peoplePage(_ state: AppState) -> Page {
        let people = state.catalog.people
        let l = state.language
        let widths = layout(state.size.width, fixed: [22, 24])
        let header = Row(cells([(UIString.name.text(l), .plain), (UIString.roles.text(l), .plain), (UIString.position.text(l), .plain)], widths: widths)
            .map { Span($0.text, Style(.heading, bold: true)) })
        return Page(count: people.count, isList: true, header: header) { i in
            let p = people[i]
            var name = p.name.text(l)
            if let sub = p.name.subtitle(l) { name += "  " + sub }
            return Row(cells([(name, Style(.title, bold: true)), (Format.list(p.roles.map { Format.role($0, l) }, l), .plain),
                              (p.title?.text(l) ?? "", Style(.muted))], widths: widths), target: .person(p.id))
        }
    }
}
