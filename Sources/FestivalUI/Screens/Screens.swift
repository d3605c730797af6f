import FestivalCatalog
import FestivalText
import FestivalExport
import TextGrid

/// Builds the page and title of whatever screen the state shows.
public enum Screens {
    /// `limit`: detail pages build at most this many rows (for a preview).
    public static func page(_ state: AppState, screen: Screen? = nil, width: Int? = nil, limit: Int = .max) -> Page {
        let screen = screen ?? state.screen
        let w = width ?? Layout(state, screen: screen).contentWidth
        var s = state
        s.size.width = w
        let c = state.catalog, l = state.language, pending = state.loading != nil
        switch screen {
        case .films: return ListScreens.filmPage(s)
        case .quotes: return ListScreens.quotePage(s)
        case .people: return ListScreens.peoplePage(s)
        case .festival: return DetailScreens.festival(c, l, width: w, pending: pending)
        case .film(let id):
            return c.film(id).map {
                DetailScreens.film($0, c, l, width: w, shelf: state.shelf, limit: limit, pending: pending) { ScreeningScreen.list(id, s, &$0) }
            } ?? missing(id, w)
        case .quote(let id): return c.quote(id).map { DetailScreens.quote($0, c, l, width: w, shelf: state.shelf, limit: limit) } ?? missing(id, w)
        case .person(let id): return c.person(id).map { DetailScreens.person($0, c, l, width: w, limit: limit, pending: pending) } ?? missing(id, w)
        case .search: return SearchScreen.page(s)
        case .shelf: return ShelfScreen.page(s, width: w)
        case .schedule: return ScheduleScreen.page(s, width: w)
        case .myPlan: return MyPlanScreen.page(s, width: w)
        case .screening(let id):
            return state.timetable.entry(id).map { ScreeningScreen.page($0, s, width: w, limit: limit) } ?? missing(id, w)
        }
    }

    static func missing(_ id: String, _ width: Int) -> Page {
        Page(rows: [Row([Span(Wrap.truncate("? \(id)", width: width))])])
    }

    /// The status bar's description of a screen.
    public static func title(_ state: AppState, _ screen: Screen) -> String {
        let c = state.catalog, l = state.language, pending = state.loading != nil
        switch screen {
        case .films:
            var parts = [UIString.films.text(l)]
            if let a = state.awardFilter { parts.append(a.isEmpty ? Format.unknown(l) : c.prizeTier(a)?.name.text(l) ?? a) }
            if let s = state.styleFilter {
                parts.append(c.films.flatMap(\.styles).first { ListScreens.styleKey($0) == s }?.text(l) ?? s)
            }
            if state.filmSort != .lineup { parts.append("↕ " + sortName(state.filmSort, l)) }
            return parts.joined(separator: " · ")
        case .quotes:
            var parts = [UIString.quotes.text(l)]
            if let p = state.quoteFilter.speaker { parts.append(c.personName(p, l)) }
            if let t = state.quoteFilter.topic { parts.append(c.topic(t)?.name.text(l) ?? t) }
            return parts.joined(separator: " · ")
        case .people: return UIString.people.text(l)
        case .festival: return c.festival.name.text(l)
        case .film(let id): return c.film(id)?.title.text(l) ?? id
        case .person(let id): return c.personName(id, l)
        case .search: return SearchScreen.title(state)
        case .shelf: return UIString.shelf.text(l)
        case .schedule: return UIString.schedule.text(l) + " · " + ScheduleScreen.dayTitle(state)
        case .myPlan: return UIString.myPlan.text(l)
        case .screening(let id): return state.timetable.entry(id).map { PlanText.films($0, in: c, l) } ?? id
        case .quote(let id):
            guard let q = c.quote(id) else { return id }
            return UIString.quote.text(l) + " · " + c.personName(q.speaker, l)
        }
    }

    static func sortName(_ sort: FilmSort, _ l: Language) -> String {
        switch sort {
        case .lineup: return UIString.sortLineup.text(l)
        case .award: return UIString.award.text(l)
        case .title: return UIString.title.text(l)
        case .runtime: return UIString.runtime.text(l)
        }
    }
}
