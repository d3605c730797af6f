import FestivalCatalog
import FestivalExport
import FestivalLibrary
import FestivalSchedule
import FestivalText
import TextGrid

/// One screening: when and where, its status and labels, its films (each opens), what
/// you marked, its note and sources.
enum ScreeningScreen {
    static func page(_ e: Timetable.Entry, _ state: AppState, width: Int, limit: Int = .max) -> Page {
        let l = state.language, c = state.catalog
        var d = DocumentBuilder(width: width, language: l, limit: limit)
        d.title(PlanText.films(e, in: c, l), subtitle: nil)
        d.blank()
        d.field(.day, PlanText.day(e, l))
        d.field(.time, PlanText.time(e, l))
        d.field(.venue, PlanText.venue(e, l) + (e.venue?.city.map { " · " + $0.text(l) } ?? ""))
        if let address = e.venue?.address { d.field(.address, address) }
        d.field(.status, PlanText.status(e.screening.status, l))
        if !e.screening.labels.isEmpty { d.field(.labels, e.screening.labels.joined(separator: UIString.listSeparator.text(l))) }
        let mark = state.shelf.hasTicket(screening: e.id) ? UIString.ticketHeld : state.shelf.isPicked(screening: e.id) ? UIString.pickedScreening : nil
        if let mark { d.field(.myPlan, mark.text(l), style: Style(.highlight, bold: true)) }
        d.heading(.films, count: e.screening.films.count)
        for id in e.screening.films where !d.isFull {
            let film = c.film(id)
            let priority = state.shelf.priority(film: id).map { " · " + UIString.priority.text(l) + " \($0)" } ?? ""
            d.item((film?.title.text(l) ?? id) + priority, detail: film.map { Format.directors($0, in: c, l) }, target: .film(id))
        }
        if let note = e.screening.note {
            d.heading(.note)
            d.paragraph(note.text(l), style: DocumentBuilder.muted)
        }
        d.sources(e.screening.sources, in: c)
        return d.page
    }

    /// The most screenings a film page lists (the Schedule has them all).
    static let filmPageLimit = 8

    /// The film page's screenings: one line each, with your mark (picks first, then in time
    /// order, at most `filmPageLimit`, then how many more).
    static func list(_ film: String, _ state: AppState, _ d: inout DocumentBuilder) {
        let all = state.catalog.screenings(ofFilm: film).compactMap { state.timetable.entry($0.id) }
        guard !all.isEmpty else { return }
        let l = state.language
        let entries = all.sorted { a, b in
            let (pa, pb) = (state.shelf.isPicked(screening: a.id), state.shelf.isPicked(screening: b.id))
            return pa != pb ? pa : state.timetable.position(of: a.id) < state.timetable.position(of: b.id)
        }
        d.heading(.screenings, count: entries.count)
        for e in entries.prefix(filmPageLimit) where !d.isFull {
            let mark = ScheduleScreen.mark(e, state, conflict: false)
            var text = (mark == " " ? "" : mark + " ") + PlanText.when(e, l) + " · " + PlanText.venue(e, l)
            if let status = ScheduleScreen.status(e, l) { text += " · " + status }
            if e.screening.films.count > 1 { text += " · " + UIString.programme.text(l) }
            d.item(text, target: .screening(e.id))
        }
        if entries.count > filmPageLimit {
            d.paragraph("  … +\(entries.count - filmPageLimit) · 6 " + UIString.schedule.text(l), style: DocumentBuilder.muted)
        }
    }
}
