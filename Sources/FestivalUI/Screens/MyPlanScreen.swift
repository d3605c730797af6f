import FestivalCatalog
import FestivalExport
import FestivalPlanner
import FestivalSchedule
import FestivalText
import TextGrid

/// My plan: the picks in time order, each after a line with the travel before it (and a
/// warning for a tight connection or an unknown time), under a running count of films and
/// weight.
enum MyPlanScreen {
    static func summary(_ state: AppState, _ picks: [Timetable.Entry]) -> String {
        let l = state.language
        let films = Set(picks.flatMap(\.screening.films))
        let weight = films.reduce(0) { $0 + PlanWeights.weight(priority: state.shelf.priority(film: $1) ?? 0) }
        let wanted = state.catalog.films.filter { (state.shelf.priority(film: $0.id) ?? 0) > 0 }.count
        return UIString.myPlan.text(l) + " · \(films.count) " + UIString.filmsSeen.text(l) + " · " + UIString.weight.text(l)
            + " \(weight) · " + UIString.wantedFilms.text(l) + " \(wanted)"
    }

    static func page(_ state: AppState, width: Int) -> Page {
        let l = state.language, c = state.catalog
        let picks = state.timetable.entries.filter { state.shelf.isPicked(screening: $0.id) }
        var rows: [Row] = []
        var previous: Timetable.Entry?
        for e in picks {
            if let p = previous { rows.append(gap(from: p, to: e, state)) }
            else if e.start == nil { rows.append(Row([Span("    ⚠ " + UIString.timeUnknown.text(l), Style(.error))])) }
            let text = PlanText.when(e, l) + "  " + PlanText.venue(e, l) + "  " + PlanText.films(e, in: c, l)
            rows.append(Row([Span(ScheduleScreen.mark(e, state, conflict: false) + " ", Style(.highlight, bold: true)),
                             Span(Wrap.truncate(text, width: max(1, width - 2)))], target: .screening(e.id)))
            previous = e
        }
        let header = Row([Span(Wrap.truncate(summary(state, picks), width: width), Style(.heading, bold: true))])
        var page = Page(rows: rows)
        page.header = header
        page.empty = Row([Span(UIString.noScreenings.text(l) + " — " + UIString.commandPlan.text(l) + " (A)", Style(.muted, dim: true))])
        return page
    }

    /// The line between two picks: the travel, with a warning when it is tight or the time unknown.
    static func gap(from a: Timetable.Entry, to b: Timetable.Entry, _ state: AppState) -> Row {
        let l = state.language
        guard let end = a.end, let start = b.start, let v = a.venue, let w = b.venue else {
            return Row([Span("    ⚠ " + UIString.timeUnknown.text(l), Style(.error))])
        }
        let travel = state.planning.request.travelMinutes(from: v, to: w, in: state.catalog)
        let spare = (start - end) / 60 - travel
        var text = "    ↓ " + UIString.travel.text(l) + " \(travel) " + UIString.minutesShort.text(l)
        if spare < 0 { return Row([Span(text + " ⚠ " + UIString.overlapsPrevious.text(l), Style(.error))]) }
        if a.day == b.day && spare < PlanRequest.tightMinutes { return Row([Span(text + " ⚠ " + UIString.tightConnection.text(l) + " (\(spare))", Style(.error))]) }
        if a.day != b.day { text = "    " + (b.day?.description ?? "") }
        return Row([Span(text, Style(.muted, dim: true))])
    }
}
