import FestivalCatalog
import FestivalLibrary
import FestivalPlanner
import Foundation

/// A plan for the shelf: the screenings to pick, how it differs from the picks now, what it
/// is worth, whether it is proven best, and why each wanted film is left out.
public struct PlanOutcome: Sendable, Equatable {
    /// Screening ids in time order (kept ones included).
    public var picks: [String]
    /// Against the shelf's picks now.
    public var added: [String]
    public var removed: [String]
    public var weight: Int
    /// No plan is worth more than this (the weight itself when proven).
    public var bound: Int
    public var proven: Bool
    public var travelMinutes: Int
    public var lateNights: Int
    /// Wanted films (priority 1–5) no pick shows, with the reason.
    public var leftOut: [LeftOut]

    public struct LeftOut: Sendable, Equatable {
        public var film: String
        public var reason: Reason
    }

    public enum Reason: Sendable, Equatable {
        /// The catalog has no screening of it.
        case noScreening
        /// Every screening is ruled out; the reasons found, in order.
        case excluded([Exclusion])
        /// Every screening it could have overlaps these picks (travel included).
        case conflicts([String])
        /// A screening fits, but its day already holds the most screenings asked for.
        case dayFull
        /// The search stopped at its time limit before it found room.
        case searchStopped
    }
}

/// Why no plan exists: the kept screenings (tickets, past picks) alone break a rule.
public enum PlanFailure: Error, Sendable, Equatable {
    /// These two overlap once travel is added.
    case clash(String, String)
    /// This local day holds more kept screenings than the limit.
    case overfullDay(PartialDate, limit: Int, [String])
}

extension PlanProblem {
    /// Solves the problem within the request's time limit and explains the result.
    public func solve(catalog: Catalog, shelf: Shelf, timeLimit: Double) -> Result<PlanOutcome, PlanFailure> {
        switch Planner.solve(instance, deadline: Date().addingTimeInterval(timeLimit)) {
        case .failure(let conflict):
            let ids = conflict.tickets.map { screeningIDs[$0] }
            if case .overfullDay(let day, let limit) = conflict.reason {
                let d = LocalTime.civil(day)
                return .failure(.overfullDay(PartialDate(year: d.year, month: d.month, day: d.day), limit: limit, ids))
            }
            return .failure(.clash(ids[0], ids.count > 1 ? ids[1] : ids[0]))
        case .success(let plan):
            return .success(outcome(plan, catalog: catalog, shelf: shelf))
        }
    }

    func outcome(_ plan: Plan, catalog: Catalog, shelf: Shelf) -> PlanOutcome {
        let picks = plan.chosen.map { screeningIDs[$0] }
        let now = Set(shelf.pickedScreenings), next = Set(picks)
        let seen = Set(plan.chosen.flatMap { units[instance.screenings[$0].film] })
        var leftOut: [PlanOutcome.LeftOut] = []
        let positions = Dictionary(screeningIDs.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        for film in catalog.films where (shelf.priority(film: film.id) ?? 0) > 0 && !seen.contains(film.id) {
            let shows = catalog.screenings(ofFilm: film.id)
            guard !shows.isEmpty else { leftOut.append(.init(film: film.id, reason: .noScreening)); continue }
            let candidates = shows.compactMap { positions[$0.id] }
            guard !candidates.isEmpty else {
                let reasons = Set(shows.compactMap { excluded[$0.id] }).sorted()
                leftOut.append(.init(film: film.id, reason: .excluded(reasons)))
                continue
            }
            var blockers = Set<Int>()
            var free = false
            for c in candidates {
                let s = instance.screenings[c]
                let blocking = plan.chosen.filter { k in
                    let o = instance.screenings[k]
                    return !(instance.canFollow(o, s) || instance.canFollow(s, o))
                }
                if blocking.isEmpty { free = true } else { blockers.formUnion(blocking) }
            }
            let reason: PlanOutcome.Reason = free ? (instance.maxPerDay != nil && plan.proven ? .dayFull : .searchStopped)
                : .conflicts(plan.chosen.filter { blockers.contains($0) }.map { screeningIDs[$0] })
            leftOut.append(.init(film: film.id, reason: reason))
        }
        return PlanOutcome(picks: picks, added: picks.filter { !now.contains($0) }, removed: now.subtracting(next).sorted(),
                           weight: plan.weight, bound: plan.bound, proven: plan.proven, travelMinutes: plan.travel,
                           lateNights: plan.lateNights, leftOut: leftOut)
    }

    /// What picking screening `id` by hand drops: the picks it overlaps (travel included) and
    /// the other picks of its films, in time order. Works on screenings the plan may not
    /// choose too (it only needs a time and a venue).
    public static func pickDrops(_ id: String, catalog: Catalog, timetable: Timetable, shelf: Shelf, request: PlanRequest) -> [String] {
        guard let entry = timetable.entry(id) else { return [] }
        let films = Set(entry.screening.films)
        return shelf.pickedScreenings.compactMap(timetable.entry).filter { other in
            guard other.id != id else { return false }
            if !films.isDisjoint(with: other.screening.films) { return true }
            guard let a = entry.start, let ae = entry.end, let b = other.start, let be = other.end,
                  let va = entry.venue, let vb = other.venue else { return false }
            let follows = ae / 60 + request.travelMinutes(from: va, to: vb, in: catalog) <= b / 60
            let precedes = be / 60 + request.travelMinutes(from: vb, to: va, in: catalog) <= a / 60
            return !(follows || precedes)
        }.sorted { timetable.position(of: $0.id) < timetable.position(of: $1.id) }.map(\.id)
    }
}
