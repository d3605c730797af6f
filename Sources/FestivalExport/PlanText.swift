import FestivalCatalog
import FestivalLibrary
import FestivalSchedule
import FestivalText

/// How screenings and plans read in a language: for the CLI, the browser and exports alike.
public enum PlanText {
    public static func status(_ s: Screening.Status, _ l: Language) -> String {
        switch s {
        case .scheduled: UIString.statusScheduled.text(l)
        case .soldOut: UIString.statusSoldOut.text(l)
        case .standby: UIString.statusStandby.text(l)
        case .cancelled: UIString.statusCancelled.text(l)
        }
    }

    public static func exclusion(_ e: Exclusion, _ l: Language) -> String {
        switch e {
        case .past: UIString.excludedPast.text(l)
        case .cancelled: UIString.excludedCancelled.text(l)
        case .soldOut: UIString.excludedSoldOut.text(l)
        case .standby: UIString.excludedStandby.text(l)
        case .unknownTime: UIString.excludedUnknownTime.text(l)
        case .outsideWindow: UIString.excludedOutsideWindow.text(l)
        case .unavailable: UIString.excludedUnavailable.text(l)
        case .notWanted: UIString.excludedNotWanted.text(l)
        }
    }

    /// `2025-06-05`, or "day unknown".
    public static func day(_ e: Timetable.Entry, _ l: Language) -> String {
        e.day?.description ?? UIString.dayUnknown.text(l)
    }

    /// `19:30–21:00` (the end when known), or "time unknown".
    public static func time(_ e: Timetable.Entry, _ l: Language) -> String {
        guard let m = e.minute else { return UIString.timeUnknown.text(l) }
        guard let end = e.endMinute else { return LocalStart.clock(m) }
        return LocalStart.clock(m) + "–" + LocalStart.clock(end % 1_440) + (end >= 1_440 ? "+1" : "")
    }

    /// `2025-06-05 19:30–21:00`, `2025-06-05 (time unknown)` (`（時間不詳）`), or "day unknown".
    public static func when(_ e: Timetable.Entry, _ l: Language) -> String {
        guard let day = e.day else { return UIString.dayUnknown.text(l) }
        return day.description + (e.minute == nil ? Format.parenthetical(time(e, l), l) : " " + time(e, l))
    }

    public static func venue(_ e: Timetable.Entry, _ l: Language) -> String {
        e.venue?.name.text(l) ?? UIString.venueUnknown.text(l)
    }

    /// The films' titles in running order.
    public static func films(_ e: Timetable.Entry, in catalog: Catalog, _ l: Language) -> String {
        e.screening.films.map { catalog.film($0)?.title.text(l) ?? $0 }.joined(separator: " / ")
    }

    /// One line: `2025-06-05 19:30–21:00 · Alice Tully Hall · Total Pixel Space / Jailbird`.
    public static func line(_ e: Timetable.Entry, in catalog: Catalog, _ l: Language) -> String {
        [when(e, l), venue(e, l), films(e, in: catalog, l)].joined(separator: " · ")
    }

    /// Why a wanted film is left out of the plan.
    public static func reason(_ r: PlanOutcome.Reason, timetable: Timetable, catalog: Catalog, _ l: Language) -> String {
        switch r {
        case .noScreening: return UIString.leftOutNoScreening.text(l)
        case .excluded(let list):
            return UIString.leftOutAllExcluded.text(l) + " " + list.map { exclusion($0, l) }.joined(separator: UIString.listSeparator.text(l))
        case .conflicts(let ids):
            let named = ids.compactMap(timetable.entry).map { films($0, in: catalog, l) + " (" + when($0, l) + ")" }
            return UIString.conflictsWith.text(l) + " " + named.joined(separator: UIString.listSeparator.text(l))
        case .dayFull: return UIString.leftOutDayFull.text(l)
        case .searchStopped: return UIString.leftOutSearchStopped.text(l)
        }
    }

    /// A plan for people: the picks with the travel before each, what changed, what it is
    /// worth, and why each wanted film is left out. `markdown` makes it a Markdown list.
    public static func plan(_ o: PlanOutcome, timetable: Timetable, catalog: Catalog, shelf: Shelf, request: PlanRequest,
                            _ l: Language, markdown: Bool = false) -> String {
        let bullet = markdown ? "- " : "  "
        func text(_ s: String) -> String { markdown ? MarkdownText.inline(s) : s }
        var out: [String] = []
        if markdown { out.append("# " + text(UIString.myPlan.text(l) + " — " + catalog.festival.name.text(l))); out.append("") }
        var previous: Timetable.Entry?
        for id in o.picks {
            guard let e = timetable.entry(id) else { continue }
            var line = bullet + text(line(e, in: catalog, l))
            if shelf.hasTicket(screening: id) { line += " · " + text(UIString.ticket.text(l)) }
            if let p = previous, let a = p.end, let b = e.start, let v = p.venue, let w = e.venue {
                let travel = request.travelMinutes(from: v, to: w, in: catalog)
                var note = " (" + UIString.travel.text(l) + " \(travel) " + UIString.minutesShort.text(l)
                if (b - a) / 60 - travel < PlanRequest.tightMinutes && p.day == e.day { note += ", " + UIString.tightConnection.text(l) }
                line += text(note + ")")
            }
            out.append(line)
            previous = e
        }
        out.append("")
        let seen = Set(o.picks.compactMap(timetable.entry).flatMap(\.screening.films)).count
        var summary = "\(seen) " + UIString.filmsSeen.text(l) + " · " + UIString.weight.text(l) + " \(o.weight)"
        summary += o.proven ? " (" + UIString.planProven.text(l) + ")" : " (" + UIString.planBound.text(l) + " \(o.bound))"
        summary += " · " + UIString.travel.text(l) + " \(o.travelMinutes) " + UIString.minutesShort.text(l)
        summary += " · " + UIString.lateNights.text(l) + " \(o.lateNights)"
        out.append(text(summary))
        if !o.added.isEmpty || !o.removed.isEmpty {
            out.append(text(UIString.planAdded.text(l) + ": \(o.added.count) · " + UIString.planRemoved.text(l) + ": \(o.removed.count)"))
        }
        if !o.leftOut.isEmpty {
            out.append("")
            for left in o.leftOut {
                let title = catalog.film(left.film)?.title.text(l) ?? left.film
                out.append(bullet + text(title + ": " + reason(left.reason, timetable: timetable, catalog: catalog, l)))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
