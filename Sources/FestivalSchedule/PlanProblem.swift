import FestivalCatalog
import FestivalLibrary
import FestivalPlanner
import Foundation

/// The planner's instance made from a catalog, its timetable, the shelf and a request:
/// which screenings may be chosen, what each is worth, the travel between venues; and
/// why every other screening may not.
///
/// What is planned is a *unit*: one film, or a programme (the films a screening shows
/// together). A unit is worth the sum of its films' weights (`PlanWeights`: priority 5 →
/// 16, 4 → 8, 3 → 4, 2 → 2, 1 → 1, 0 or none → 0) and is seen at most once; a film shown
/// alone and in a programme counts in each unit. Held tickets, and picks that started
/// before `request.from`, are kept. Travel: the catalog's minutes for a pair, else the
/// request's defaults, and a day (1,440 minutes) between venues in different cities.
public struct PlanProblem: Sendable {
    public let instance: PlanInstance
    /// The screening of each of the instance's screenings.
    public let screeningIDs: [String]
    /// The films of each unit (the instance's films).
    public let units: [[String]]
    /// Screenings that may not be planned, and why.
    public let excluded: [String: Exclusion]
    /// Screenings kept whatever the plan: tickets and past picks.
    public let kept: Set<String>

    public init(catalog: Catalog, timetable: Timetable, shelf: Shelf, request: PlanRequest) {
        let from = request.from.map { Int($0.timeIntervalSince1970) }
        var unitIndex: [[String]: Int] = [:]
        var units: [[String]] = []
        var venueIndex: [String: Int] = [:]
        for (i, v) in catalog.venues.enumerated() { venueIndex[v.id] = i }
        let spans = shelf.unavailable.map(\.seconds)
        var screenings: [PlanInstance.Screening] = []
        var ids: [String] = []
        var excluded: [String: Exclusion] = [:]
        var kept = Set<String>()
        for entry in timetable.entries {
            let s = entry.screening
            let ticket = shelf.hasTicket(screening: s.id)
            let pastPick = from.map { f in (entry.start ?? Int.max) < f } == true && shelf.isPicked(screening: s.id)
            let keep = ticket || pastPick
            guard let start = entry.start, let end = entry.end, let venue = s.venue.flatMap({ venueIndex[$0] }),
                  let minute = entry.minute, let day = entry.day else { excluded[s.id] = .unknownTime; continue }
            if !keep {
                var reason: Exclusion?
                if let f = from, start < f { reason = .past }
                else if s.status == .cancelled { reason = .cancelled }
                else if s.status == .soldOut { reason = .soldOut }
                else if s.status == .standby && !request.standby { reason = .standby }
                else if let w = request.window, minute < w.lowerBound || minute + (entry.duration ?? 0) > w.upperBound { reason = .outsideWindow }
                else if spans.contains(where: { $0.lowerBound < end && start < $0.upperBound }) { reason = .unavailable }
                else if s.films.allSatisfy({ (shelf.priority(film: $0) ?? 0) == 0 }) { reason = .notWanted }
                if let reason { excluded[s.id] = reason; continue }
            }
            let unit: Int
            if let u = unitIndex[s.films] { unit = u } else {
                unit = units.count
                unitIndex[s.films] = unit
                units.append(s.films)
            }
            if keep { kept.insert(s.id) }
            let endMinute = minute + (entry.duration ?? 0)
            screenings.append(PlanInstance.Screening(
                film: unit, start: start / 60, end: end / 60, venue: venue, ticketed: keep,
                late: endMinute > request.lateAfter, day: LocalTime.daysSince1970(year: day.year, month: day.month!, day: day.day!)))
            ids.append(s.id)
        }
        let weights = units.map { films in films.reduce(0) { $0 + PlanWeights.weight(priority: shelf.priority(film: $1) ?? 0) } }
        instance = PlanInstance(screenings: screenings, weights: weights,
                                travel: Self.travel(catalog, venueIndex, request), maxPerDay: request.maxPerDay)
        screeningIDs = ids
        self.units = units
        self.excluded = excluded
        self.kept = kept
    }

    /// `PlanRequest.travelMinutes` for every pair of venues, as the planner's table: the
    /// defaults, then a day between cities, then the catalog's minutes.
    static func travel(_ catalog: Catalog, _ venueIndex: [String: Int], _ request: PlanRequest) -> TravelTimes {
        var pairs: [Int: [Int: Int]] = [:]
        let cities = catalog.venues.map(PlanRequest.city)
        if Set(cities.compactMap { $0 }).count > 1 {
            for (a, ca) in cities.enumerated() {
                guard let ca else { continue }
                for (b, cb) in cities.enumerated() where a != b {
                    if let cb, cb != ca { pairs[a, default: [:]][b] = PlanRequest.betweenCities }
                }
            }
        }
        for trip in catalog.travel {
            if let a = venueIndex[trip.from], let b = venueIndex[trip.to] { pairs[a, default: [:]][b] = trip.minutes }
        }
        return TravelTimes(sameVenue: request.sameVenueMinutes, betweenVenues: request.betweenVenuesMinutes, pairs: pairs)
    }
}
