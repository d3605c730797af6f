import FestivalCatalog
import FestivalExport
import FestivalLibrary
import FestivalSchedule
import FestivalText
import TextGrid

/// The Schedule section: one day of screenings at a time (days as pages, `[` and `]`), as a
/// grid of venues where the width allows (`ScheduleGrid`) and else as this list by time.
/// Marks read without color: `●` picked, `◆` ticket held, `!` overlaps a pick, and the
/// status in words.
enum ScheduleScreen {
    /// The days that have pages: the timetable's, then one for screenings of no known day.
    static func pageCount(_ state: AppState) -> Int {
        state.timetable.days.count + (state.timetable.undated.isEmpty ? 0 : 1)
    }

    /// The screenings on the page shown, in time order.
    static func entries(_ state: AppState) -> [Timetable.Entry] {
        let days = state.timetable.days
        let day = min(state.planning.day, max(0, pageCount(state) - 1))
        return day < days.count ? state.timetable.entries(on: days[day]) : state.timetable.undated
    }

    /// "2030-06-02 · 2/10", or "day unknown · 11/11".
    static func dayTitle(_ state: AppState) -> String {
        let days = state.timetable.days, count = pageCount(state)
        guard count > 0 else { return UIString.noScreenings.text(state.language) }
        let day = min(state.planning.day, count - 1)
        let name = day < days.count ? days[day].description : UIString.undated.text(state.language)
        return name + " · \(day + 1)/\(count)"
    }

    /// Screenings on the page that overlap a pick (and are not picked themselves).
    static func conflicts(_ state: AppState, _ entries: [Timetable.Entry]) -> Set<String> {
        let picked = entries.filter { state.shelf.isPicked(screening: $0.id) }
        var found = Set<String>()
        for e in entries where !state.shelf.isPicked(screening: e.id) {
            guard let a = e.start, let b = e.end else { continue }
            if picked.contains(where: { p in p.start.map { $0 < b } == true && p.end.map { a < $0 } == true }) { found.insert(e.id) }
        }
        return found
    }

    /// `●` picked, `◆` ticket, `!` overlaps a pick, else a space.
    static func mark(_ e: Timetable.Entry, _ state: AppState, conflict: Bool) -> String {
        state.shelf.hasTicket(screening: e.id) ? "◆" : state.shelf.isPicked(screening: e.id) ? "●" : conflict ? "!" : " "
    }

    static func style(_ e: Timetable.Entry, _ state: AppState) -> Style {
        if state.shelf.isPicked(screening: e.id) { return Style(.highlight, bold: true) }
        switch e.screening.status {
        case .cancelled: return Style(.muted, dim: true)
        case .soldOut: return Style(.muted)
        default: return .plain
        }
    }

    /// The status when it is not "scheduled".
    static func status(_ e: Timetable.Entry, _ l: Language) -> String? {
        e.screening.status == .scheduled ? nil : PlanText.status(e.screening.status, l)
    }

    /// The list: a row a screening.
    static func page(_ state: AppState, width: Int) -> Page {
        let l = state.language
        let list = entries(state)
        let conflicts = conflicts(state, list)
        let venueWidth = min(24, max(6, width / 4))
        let timeWidth = (list.map { DisplayWidth.of(PlanText.time($0, l)) }.max() ?? 11) + 1
        return Page(count: list.count, isList: true,
                    header: Row([Span(Wrap.truncate(dayTitle(state), width: width), Style(.heading, bold: true))]),
                    empty: Row([Span(UIString.noScreenings.text(l), Style(.muted, dim: true))])) { i in
            let e = list[i]
            let style = style(e, state)
            let time = Wrap.pad(PlanText.time(e, l), width: timeWidth)
            let venue = Wrap.pad(Wrap.truncate(PlanText.venue(e, l), width: venueWidth - 1), width: venueWidth)
            return Row([Span(mark(e, state, conflict: conflicts.contains(e.id)) + " ", style), Span(time, style),
                        Span(venue, Style(.muted)), Span(PlanText.films(e, in: state.catalog, l), style)],
                       target: .screening(e.id), trailing: status(e, l).map { Span($0, Style(.muted, dim: true)) })
        }
    }
}
