import FestivalCatalog
import FestivalText
import FestivalExport

/// `o` and `y`: what the selection (or the page you are on) offers to open or copy.
enum Selection {
    /// The thing selected: the selected row's target, else the detail page shown.
    static func subject(_ state: AppState) -> Target? {
        let (page, _) = Navigator.context(state)
        if let selected = state.viewport.selected, selected < page.count, let target = page.row(selected).target {
            return target
        }
        switch state.screen {
        case .film(let id): return .film(id)
        case .quote(let id): return .quote(id)
        case .person(let id): return .person(id)
        case .screening(let id): return .screening(id)
        default: return nil
        }
    }

    /// The web link `o` opens: a link row itself, a film's watch link (else its first
    /// link), a quote's or person's first source with a URL, the festival's website.
    static func link(_ state: AppState) -> String? {
        let c = state.catalog
        switch subject(state) {
        case .link(let url): return url
        case .festival: return c.festival.website
        case .query: return nil
        case .film(let id): return c.film(id).flatMap { $0.watchURL ?? $0.links.first?.url }
        case .quote(let id): return c.quote(id).flatMap { firstSourceURL($0.sources, c) }
        case .person(let id): return c.person(id).flatMap { firstSourceURL($0.sources, c) }
        case .screening(let id):
            return c.screening(id).flatMap { s in s.films.lazy.compactMap { c.film($0).flatMap { $0.watchURL ?? $0.links.first?.url } }.first }
        case nil: return nil
        }
    }

    static func firstSourceURL(_ ids: [String], _ c: Catalog) -> String? {
        ids.lazy.compactMap { c.source($0)?.url }.first
    }

    /// What `y` copies, and how the message names it: a quote with its speaker, context
    /// and source; a film's link (or title), the festival's (or its name); a link; a person's name.
    static func clip(_ state: AppState) -> (text: String, what: String)? {
        let c = state.catalog, l = state.language
        switch subject(state) {
        case .quote(let id):
            guard let q = c.quote(id) else { return nil }
            let speaker = c.personName(q.speaker, l)
            let comma = UIString.comma.text(l)
            var text = "“" + Format.quoteText(q, l) + "”\n— " + speaker + comma + Format.context(q, l)
            if !q.context.place.text(l).isEmpty { text += comma + q.context.place.text(l) }
            for source in q.sources.compactMap({ c.source($0) }) {
                text += "\n" + source.title + (source.url.map { " <" + $0 + ">" } ?? "")
            }
            return (text, UIString.quote.text(l).lowercased() + " " + id + " (" + speaker + ")")
        case .film(let id):
            guard let film = c.film(id) else { return nil }
            if let url = film.watchURL ?? film.links.first?.url { return (url, url) }
            return (film.title.text(l), film.title.text(l))
        case .link(let url): return (url, url)
        case .query: return nil
        case .festival:
            let name = c.festival.name.text(l)
            return c.festival.website.map { ($0, $0) } ?? (name, name)
        case .person(let id):
            let name = c.personName(id, l)
            return (name, name)
        case .screening(let id):
            guard let e = state.timetable.entry(id) else { return nil }
            let line = PlanText.line(e, in: c, l)
            return (line, line)
        case nil: return nil
        }
    }
}
