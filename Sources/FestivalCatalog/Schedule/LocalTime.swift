import Foundation
import Synchronization

/// Turning a venue's local time into one clock: time zones by IANA name, with daylight
/// saving's gaps (a local time that never happens) and folds (one that happens twice).
public enum LocalTime {
    /// What a local time means in a time zone.
    public enum Resolution: Sendable, Equatable {
        /// Seconds since 1970 (UTC).
        case exact(Int)
        /// It happens twice (clocks turned back); `earlier` is the one taken.
        case ambiguous(earlier: Int, later: Int)
        /// It never happens (clocks turned forward over it).
        case skipped
    }

    /// The zone for an IANA name, or nil when the name is malformed or the system does not
    /// know it. Only names of letters, digits, `_`, `+`, `-` and `/`-separated parts are
    /// looked up (never a path such as `../x`).
    public static func zone(_ name: String) -> TimeZone? {
        if let known = zones.withLock({ $0[name] }) { return known }
        let found = lookUp(name)
        zones.withLock { if $0.count < 1_024 { $0[name] = found } }
        return found
    }

    /// Zones looked up so far (nil: not a zone), so a feed of thousands of events asks the
    /// system once a name.
    private static let zones = Mutex<[String: TimeZone?]>([:])

    private static func lookUp(_ name: String) -> TimeZone? {
        guard (1...64).contains(name.utf8.count),
              name.split(separator: "/", omittingEmptySubsequences: false).allSatisfy({ part in
                  !part.isEmpty && part.first != "." && part.utf8.allSatisfy {
                      ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39)
                          || $0 == 0x5F || $0 == 0x2B || $0 == 0x2D
                  }
              }) else { return nil }
        return TimeZone(identifier: name)
    }

    /// Seconds since 1970 of a local day and minute, read as if in UTC.
    public static func naive(_ start: LocalStart, minute: Int) -> Int {
        daysSince1970(year: start.year, month: start.month, day: start.day) * 86_400 + minute * 60
    }

    /// What `start` (with its minute) means in `zone`.
    public static func resolve(_ start: LocalStart, minute: Int, in zone: TimeZone) -> Resolution {
        let local = naive(start, minute: minute)
        // Every offset in effect within a day of it: a local time's UTC moment is local - offset
        // for the offsets that agree with themselves.
        var offsets: [Int] = []
        for probe in [local - 86_400, local, local + 86_400] {
            let o = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(probe)))
            if !offsets.contains(o) { offsets.append(o) }
        }
        let moments = offsets.map { local - $0 }
            .filter { zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval($0))) == local - $0 }
        let distinct = Array(Set(moments)).sorted()
        switch distinct.count {
        case 0: return .skipped
        case 1: return .exact(distinct[0])
        default: return .ambiguous(earlier: distinct[0], later: distinct[distinct.count - 1])
        }
    }

    /// The UTC offset in effect at a moment, as `-04:00`.
    public static func offsetText(_ seconds: Int, in zone: TimeZone) -> String {
        let o = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
        let a = abs(o) / 60
        return (o < 0 ? "-" : "+") + LocalStart.clock(a).prefix(5)
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar.
    public static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date of a day number since 1970 (the inverse of `daysSince1970`).
    public static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
