/// Why a screening cannot be planned.
public enum Exclusion: String, Sendable, CaseIterable, Comparable {
    /// It started before the moment planned from (and is not picked).
    case past
    case cancelled
    /// Sold out, and no ticket is held.
    case soldOut = "sold-out"
    /// Standby only, and standby screenings were not asked for.
    case standby
    /// No time of day, venue, time zone or duration is known.
    case unknownTime = "unknown-time"
    /// It starts before or ends after the daily window.
    case outsideWindow = "outside-window"
    /// It overlaps a time the user cannot attend.
    case unavailable
    /// None of its films has a priority above 0.
    case notWanted = "not-wanted"

    public static func < (a: Exclusion, b: Exclusion) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
