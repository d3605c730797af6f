/// What the planner is given: the screenings it may choose among, each film's weight, and
/// the travel minutes between venues. Pure values; the catalog and the shelf are turned into
/// one by their callers.
public struct PlanInstance: Sendable, Equatable {
    /// One screening that may be chosen. Times are minutes on one clock (UTC), so that
    /// screenings in different time zones compare.
    public struct Screening: Sendable, Equatable {
        /// The film (or programme) it shows: an index into `weights`.
        public var film: Int
        public var start: Int
        public var end: Int
        /// An index into the travel table's venues.
        public var venue: Int
        /// A ticket is held: the plan must keep it.
        public var ticketed: Bool
        /// It ends late (after the night's limit, in its venue's local time).
        public var late: Bool
        /// The festival day it belongs to (its local date, as the caller counts days): what
        /// `maxPerDay` counts by. Defaults to `start / 1440` (the UTC day).
        public var day: Int

        public init(film: Int, start: Int, end: Int, venue: Int, ticketed: Bool = false, late: Bool = false, day: Int? = nil) {
            self.film = film
            self.start = start
            self.end = end
            self.venue = venue
            self.ticketed = ticketed
            self.late = late
            self.day = day ?? Int((Double(start) / 1_440).rounded(.down))
        }
    }

    public var screenings: [Screening]
    /// Each film's weight (see `PlanWeights`); a film of weight 0 is never planned unless
    /// ticketed.
    public var weights: [Int]
    public var travel: TravelTimes
    /// At most this many screenings a day (held tickets count); nil: no limit.
    public var maxPerDay: Int?

    public init(screenings: [Screening], weights: [Int], travel: TravelTimes = TravelTimes(), maxPerDay: Int? = nil) {
        self.screenings = screenings
        self.weights = weights
        self.travel = travel
        self.maxPerDay = maxPerDay
    }

    /// Whether `b` can follow `a` in one plan: `a` ends, the travel is made, `b` starts.
    public func canFollow(_ a: Screening, _ b: Screening) -> Bool {
        a.end + travel.minutes(from: a.venue, to: b.venue) <= b.start
    }
}

/// Minutes from one venue to the next: given pairs (either direction may differ), else the
/// defaults (10 within one venue: leaving and finding a seat; 20 between venues).
public struct TravelTimes: Sendable, Equatable {
    public var sameVenue: Int
    public var betweenVenues: Int
    /// `pairs[from]?[to]`: minutes given for that trip.
    public var pairs: [Int: [Int: Int]]

    public init(sameVenue: Int = 10, betweenVenues: Int = 20, pairs: [Int: [Int: Int]] = [:]) {
        self.sameVenue = sameVenue
        self.betweenVenues = betweenVenues
        self.pairs = pairs
    }

    public func minutes(from a: Int, to b: Int) -> Int {
        pairs[a]?[b] ?? (a == b ? sameVenue : betweenVenues)
    }

    /// The least any trip takes (for bounds that must never overestimate what fits).
    public var least: Int {
        pairs.values.flatMap(\.values).reduce(min(sameVenue, betweenVenues)) { min($0, $1) }
    }
}

/// How a film's priority becomes its weight in the objective: 5 → 16, 4 → 8, 3 → 4, 2 → 2,
/// 1 → 1, 0 → 0 (never planned). Doubling per step makes one film of priority p worth more
/// than any one film of lower priority and as much as two of the next lower: a 5 outweighs
/// fifteen 1s, or three 3s.
public enum PlanWeights {
    public static func weight(priority: Int) -> Int {
        priority <= 0 ? 0 : 1 << (min(priority, 5) - 1)
    }
}
