import FestivalLibrary
import FestivalCatalog
import FestivalText
import TextGrid

/// The three lists: films, quotes, people. Rows are built only when shown.
enum ListScreens {
    /// Films after the current filters, in the current order.
    static func films(_ state: AppState) -> [Film] {
        filmsMemo.value(for: FilmListKey(state)) { computeFilms(state) }
    }

    /// What the film list depends on (the people and prizes too, for its cells).
    struct FilmListKey: Equatable, Sendable {
        var films: StorageIdentity<Film>
        var people: StorageIdentity<Person>
        var tiers: StorageIdentity<PrizeTier>
        var award: String?, style: String?
        var sort: FilmSort
        var language: Language

        init(_ state: AppState) {
            films = StorageIdentity(state.catalog.films)
            people = StorageIdentity(state.catalog.people)
            tiers = StorageIdentity(state.catalog.festival.prizeTiers)
            (award, style, sort, language) = (state.awardFilter, state.styleFilter, state.filmSort, state.language)
        }
    }

    private static let filmsMemo = ListMemo<FilmListKey, [Film]>()
    /// The film list's widest title (with its marks), director, award and runtime.
    private static let filmWidthsMemo = ListMemo<FilmWidthsKey, [Int]>()
    private static let personWidthsMemo = ListMemo<PeopleKey, [Int]>()
    private static let speakerWidthMemo = ListMemo<PeopleKey, Int>()

    struct FilmWidthsKey: Equatable, Sendable {
        var list: FilmListKey
        var shelf: Shelf
    }

    struct PeopleKey: Equatable, Sendable {
        var people: StorageIdentity<Person>
        var language: Language
    }

    private static func computeFilms(_ state: AppState) -> [Film] {
        let c = state.catalog
        var films = c.films.filter { film in
            if let award = state.awardFilter {
                if award.isEmpty ? film.award?.tier != nil : film.award?.tier != award { return false }
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

    /// Column widths for a list. `first` is the room the first column wants; `others`
    /// the other columns. Each other column starts at its minimum (or its widest cell, when
    /// narrower), rightmost columns drop out when the first would get less than a third,
    /// the first takes the rest, and what the first does not need goes to the columns that
    /// are cut. On a wide screen a cut column also grows to a sixth of the width while the
    /// first keeps half.
    static func layout(_ width: Int, first: Int, others: [ListColumn]) -> [Int] {
        var cols = others.map { min($0.minimum, $0.natural) }
        var rest = width - cols.reduce(0, +) - 2 * cols.count
        while rest < max(12, width / 3), let i = cols.indices.last(where: { cols[$0] > 0 }) {
            rest += cols[i] + 2   // drop the rightmost column when space is short
            cols[i] = 0
        }
        func grow(_ room: (Int) -> Int) {
            for i in cols.indices where cols[i] > 0 {
                let more = max(0, min(others[i].natural - cols[i], room(i)))
                cols[i] += more
                rest -= more
            }
        }
        grow { _ in rest - first }
        grow { i in min(width / 6 - cols[i], rest - width / 2) }
        return [max(1, rest)] + cols
    }

    /// A cell's text: `primary`, then `secondary` (a name in the other script) two spaces
    /// after it when at least a few of its characters fit in `width`; never a lone "…".
    static func withSecondary(_ primary: String, _ secondary: String?, width: Int) -> String {
        guard let secondary else { return primary }
        let room = width - DisplayWidth.of(primary) - 2
        return room >= min(DisplayWidth.of(secondary), 4) ? primary + "  " + secondary : primary
    }

    /// A film's directors, all when they fit, else the first and how many more ("A +1").
    static func directors(_ film: Film, in c: Catalog, _ l: Language, width: Int) -> String {
        let all = Format.directors(film, in: c, l)
        guard film.directors.count > 1, DisplayWidth.of(all) > width else { return all }
        let more = " +\(film.directors.count - 1)"
        return Wrap.truncate(c.personName(film.directors[0], l), width: max(1, width - more.count)) + more
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
        func widest(_ label: UIString, _ cell: (Film) -> String) -> Int {
            films.reduce(DisplayWidth.of(label.text(l))) { max($0, DisplayWidth.of(cell($1))) }
        }
        let natural = filmWidthsMemo.value(for: FilmWidthsKey(list: FilmListKey(state), shelf: state.shelf)) {
            // The other script's title is a luxury: the first column claims room only for the titles.
            [films.reduce(0) { max($0, DisplayWidth.of(ShelfScreen.marks(.film($1.id), state.shelf) + $1.title.text(l))) },
             widest(.director) { Format.directors($0, in: c, l) }, widest(.award) { Format.award($0, in: c, l) },
             widest(.runtime) { Format.runtime($0, l) }]
        }
        let widths = layout(state.size.width, first: natural[0], others: [
            ListColumn(minimum: 16, natural: natural[1]),
            ListColumn(minimum: 14, natural: natural[2]),
            ListColumn(minimum: 7, natural: natural[3]),
        ])
        let header = Row(cells([(UIString.title.text(l), .plain), (UIString.director.text(l), .plain),
                                (UIString.award.text(l), .plain), (UIString.runtime.text(l), .plain)], widths: widths)
            .map { Span($0.text, Style(.heading, bold: true)) })
        return Page(count: films.count, isList: true, header: header) { i in
            let film = films[i]
            let title = withSecondary(ShelfScreen.marks(.film(film.id), state.shelf) + film.title.text(l),
                                      film.title.subtitle(l), width: widths[0])
            return Row(cells([(title, Style(.title, bold: true)), (directors(film, in: c, l, width: widths[1]), .plain),
                              (Format.award(film, in: c, l), Style(.accent)), (Format.runtime(film, l), Style(.muted))],
                             widths: widths), target: .film(film.id))
        }
    }

    static func quotePage(_ state: AppState) -> Page {
        let quotes = Self.quotes(state)
        let l = state.language, c = state.catalog
        // Quotes are long: the speaker column grows only on wide screens, to the longest name.
        let names = speakerWidthMemo.value(for: PeopleKey(people: StorageIdentity(c.people), language: l)) {
            c.people.reduce(DisplayWidth.of(UIString.speaker.text(l))) { max($0, DisplayWidth.of($1.name.text(l))) }
        }
        let widths = layout(state.size.width, first: .max, others: [ListColumn(minimum: 18, natural: names)])
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
        func widest(_ label: UIString, _ cell: (Person) -> String) -> Int {
            people.reduce(DisplayWidth.of(label.text(l))) { max($0, DisplayWidth.of(cell($1))) }
        }
        let natural = personWidthsMemo.value(for: PeopleKey(people: StorageIdentity(people), language: l)) {
            [widest(.name) { $0.name.text(l) }, widest(.roles) { Self.roles($0, l) }, widest(.position) { $0.title?.text(l) ?? "" }]
        }
        let widths = layout(state.size.width, first: natural[0], others: [
            ListColumn(minimum: 22, natural: natural[1]),
            ListColumn(minimum: 24, natural: natural[2]),
        ])
        let header = Row(cells([(UIString.name.text(l), .plain), (UIString.roles.text(l), .plain), (UIString.position.text(l), .plain)], widths: widths)
            .map { Span($0.text, Style(.heading, bold: true)) })
        return Page(count: people.count, isList: true, header: header) { i in
            let p = people[i]
            let name = withSecondary(p.name.text(l), p.name.subtitle(l), width: widths[0])
            return Row(cells([(name, Style(.title, bold: true)), (roles(p, l), .plain),
                              (p.title?.text(l) ?? "", Style(.muted))], widths: widths), target: .person(p.id))
        }
    }

    static func roles(_ p: Person, _ l: Language) -> String { Format.list(p.roles.map { Format.role($0, l) }, l) }
}

/// A list column other than the first: the width it keeps while there is room, and the
/// width of its widest cell (header included).
struct ListColumn {
    let minimum: Int
    let natural: Int
}
