import FestivalCatalog
import FestivalExport
import FestivalLibrary
import FestivalSchedule
import FestivalText
import Foundation
import TextGrid

/// `P` priority, `c` pick, `T` ticket, `A` plan (shown before it is applied, `u` undoes
/// it), `[` `]` the schedule's days.
enum PlanActions {
    /// The screening selected (or shown).
    static func screening(_ state: AppState) -> String? {
        if case .screening(let id)? = Selection.subject(state) { return id }
        return nil
    }

    /// The films a priority is for: the film selected or shown, or a screening's films.
    static func films(_ state: AppState) -> [String]? {
        switch Selection.subject(state) {
        case .film(let id): return [id]
        case .screening(let id): return state.catalog.screening(id)?.films
        default: return nil
        }
    }

    static func startPriority(_ state: inout AppState) -> [Effect] {
        guard let films = films(state), !films.isEmpty else { return ShelfActions.notHere(&state, films: true) }
        state.mode = .priority(films)
        state.message = UIString.priorityPrompt.text(state.language)
        return []
    }

    /// The key after `P`: 0–5 sets the priority, Backspace clears it, anything else cancels.
    static func finishPriority(_ state: inout AppState, _ films: [String], _ key: Key, now: Date) -> [Effect] {
        state.mode = .browse
        let value: Int?
        switch key {
        case .char(let c) where ("0"..."5").contains(c): value = Int(String(c))
        case .backspace, .delete: value = nil
        default: return []
        }
        var effects: [Effect] = []
        for id in films { effects += ShelfActions.change(&state, .priority(film: id, value), now: now) }
        state.message = value.map { UIString.prioritySet.text(state.language) + " \($0)" } ?? UIString.priorityCleared.text(state.language)
        return effects
    }

    /// `c`: unpicks a picked screening; picks another, first saying what that drops (the
    /// picks it overlaps, other picks of its films) and waiting for a second `c`.
    static func pick(_ state: inout AppState, now: Date) -> [Effect] {
        guard let id = screening(state) else { return notAScreening(&state) }
        let l = state.language
        if state.shelf.isPicked(screening: id) {
            state.planning.pendingPick = nil
            return ShelfActions.change(&state, .picked(screening: id, false), now: now, message: .unpickedScreening)
        }
        let drops = PlanProblem.pickDrops(id, catalog: state.catalog, timetable: state.timetable, shelf: state.shelf,
                                          request: state.planning.request)
        if !drops.isEmpty && state.planning.pendingPick?.id != id {
            state.planning.pendingPick = (id, drops)
            let names = drops.compactMap(state.timetable.entry).map { PlanText.films($0, in: state.catalog, l) + " " + PlanText.time($0, l) }
            state.message = UIString.pickDrops.text(l) + " " + names.joined(separator: UIString.listSeparator.text(l)) + " — c"
            return []
        }
        state.planning.pendingPick = nil
        var effects: [Effect] = []
        for other in drops { effects += ShelfActions.change(&state, .picked(screening: other, false), now: now) }
        effects += ShelfActions.change(&state, .picked(screening: id, true), now: now, message: .pickedScreening)
        return effects
    }

    /// `T`: marks a held ticket (which picks it), or unmarks it.
    static func ticket(_ state: inout AppState, now: Date) -> [Effect] {
        guard let id = screening(state) else { return notAScreening(&state) }
        let on = !state.shelf.hasTicket(screening: id)
        return ShelfActions.change(&state, .ticket(screening: id, on), now: now, message: on ? .ticketMarked : .ticketUnmarked)
    }

    static func notAScreening(_ state: inout AppState) -> [Effect] {
        state.message = UIString.noScreenings.text(state.language)
        return []
    }

    /// `A`: plan in the background (the keys keep answering). While the festival is on
    /// (screenings before and after `now`), it plans from now: what has started stays as it is.
    static func plan(_ state: inout AppState, now: Date) -> [Effect] {
        guard !state.planning.running else { return [] }
        state.planning.running = true
        state.message = UIString.planning.text(state.language)
        var request = state.planning.request
        let t = Int(now.timeIntervalSince1970)
        let starts = state.timetable.entries.compactMap(\.start)
        if starts.contains(where: { $0 < t }) && starts.contains(where: { $0 > t }) { request.from = now }
        return [.plan(state.shelf, request)]
    }

    /// The plan came: shown for Enter (apply) or Esc (keep the picks as they are).
    static func planned(_ state: inout AppState, _ result: Result<PlanOutcome, PlanFailure>) {
        state.planning.running = false
        let l = state.language
        switch result {
        case .success(let outcome):
            state.message = nil
            if case .browse = state.mode { state.mode = .planPreview(PlanPreview(outcome: outcome)) }
            else { state.message = UIString.planReady.text(l) }
        case .failure(.clash(let a, let b)):
            let names = [a, b].compactMap(state.timetable.entry).map { PlanText.line($0, in: state.catalog, l) }
            state.message = UIString.planFailed.text(l) + ": " + UIString.ticketsClash.text(l) + ": " + names.joined(separator: "; ")
        case .failure(.overfullDay(let day, _, _)):
            state.message = UIString.planFailed.text(l) + ": " + day.description + " " + UIString.dayOverfull.text(l)
        }
    }

    /// Keys while a plan is shown: Enter applies it (`u` undoes), Esc or q keeps yours, j/k scroll.
    static func previewKey(_ state: inout AppState, _ preview: PlanPreview, _ key: Key, now: Date) -> [Effect] {
        var preview = preview
        switch key {
        case .enter:
            state.mode = .browse
            state.planning.undo = state.shelf.pickedScreenings
            return ShelfActions.change(&state, .picks(preview.outcome.picks), now: now, message: .planApplied)
        case .escape, .char("q"), .ctrl("c"), .ctrl("g"):
            state.mode = .browse
            return []
        case .down, .char("j"): preview.scroll += 1
        case .up, .char("k"): preview.scroll = max(0, preview.scroll - 1)
        default: break
        }
        state.mode = .planPreview(preview)
        return []
    }

    /// `u`: the picks as they were before the last plan applied.
    static func undo(_ state: inout AppState, now: Date) -> [Effect] {
        guard let before = state.planning.undo else {
            state.message = UIString.planNoChange.text(state.language)
            return []
        }
        state.planning.undo = nil
        return ShelfActions.change(&state, .picks(before), now: now, message: .planUndone)
    }

    /// `[` `]`: the schedule's previous or next day.
    static func day(_ state: inout AppState, by delta: Int) {
        let count = ScheduleScreen.pageCount(state)
        guard count > 0 else { return }
        state.planning.day = max(0, min(count - 1, state.planning.day + delta))
        state.viewport = Viewport(selected: 0)
        Navigator.clamp(&state)
    }
}
