import FestivalCatalog

/// The one rule for the minutes from one venue to the next, used by the planner (for
/// every pair at once, `PlanProblem.travel`) and by whatever shows a trip (My plan, the
/// grid, the plan as text): the catalog's minutes for the pair; else, between venues in
/// different cities, a day (so two screenings there conflict unless a day apart); else
/// the request's minutes within one venue or between venues.
extension PlanRequest {
    /// Minutes between different cities.
    public static let betweenCities = 1_440
    /// Less time to spare than this between two picks, after travel, is a tight connection.
    public static let tightMinutes = 10

    public func travelMinutes(from a: Venue, to b: Venue, in catalog: Catalog) -> Int {
        if let given = catalog.travelMinutes(from: a.id, to: b.id) { return given }
        if a.id == b.id { return sameVenueMinutes }
        if let x = Self.city(a), let y = Self.city(b), x != y { return Self.betweenCities }
        return betweenVenuesMinutes
    }

    /// What tells two venues' cities apart (nil: not known).
    static func city(_ venue: Venue) -> String? { venue.city.map { $0.en ?? $0.zhHant ?? "" } }
}
