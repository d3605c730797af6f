import Foundation

/// What the user asks of the planner besides the shelf: from when, within which hours,
/// how many a day, whether standby screenings count, the travel defaults, and how long to
/// search.
public struct PlanRequest: Sendable, Equatable {
    /// Re-plan from this moment: what started before it is kept if picked, else left out.
    public var from: Date?
    /// Local minutes of the day: no screening starts before `window.lowerBound` or ends
    /// after `window.upperBound` (which may pass 1,440 for after midnight).
    public var window: ClosedRange<Int>?
    public var maxPerDay: Int?
    /// Standby screenings may be planned.
    public var standby: Bool
    public var sameVenueMinutes: Int
    public var betweenVenuesMinutes: Int
    /// A screening ending after this local minute (or past midnight) is a late night.
    public var lateAfter: Int
    /// How long the exact search may take before it returns its best plan and bound.
    public var timeLimit: Double

    public init(from: Date? = nil, window: ClosedRange<Int>? = nil, maxPerDay: Int? = nil, standby: Bool = false,
                sameVenueMinutes: Int = 10, betweenVenuesMinutes: Int = 20, lateAfter: Int = 23 * 60, timeLimit: Double = 2) {
        self.from = from
        self.window = window
        self.maxPerDay = maxPerDay
        self.standby = standby
        self.sameVenueMinutes = sameVenueMinutes
        self.betweenVenuesMinutes = betweenVenuesMinutes
        self.lateAfter = lateAfter
        self.timeLimit = timeLimit
    }

    /// Parses `10:00-23:30` (the end may be up to `30:00`, 6 in the morning).
    public static func window(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let a = minute(String(parts[0]), most: 24 * 60 - 1), let b = minute(String(parts[1]), most: 30 * 60),
              a < b else { return nil }
        return a...b
    }

    /// `HH:MM` as minutes, at most `most`.
    static func minute(_ text: String, most: Int) -> Int? {
        let p = text.split(separator: ":", omittingEmptySubsequences: false)
        guard p.count == 2, p[0].count == 2, p[1].count == 2, let h = Int(p[0]), let m = Int(p[1]), h >= 0, (0..<60).contains(m) else { return nil }
        let total = h * 60 + m
        return total <= most ? total : nil
    }
}
