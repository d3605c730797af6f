import FestivalCatalog
import Foundation

/// Times as frab and JSON-LD give them: ISO 8601 with a UTC offset, and the zone the
/// catalog shows them in.
enum FeedTimes {
    /// A date or date-time as `2030-06-01`, `2030-06-01T19:30`, `2030-06-01T19:30:00+02:00`,
    /// `2030-06-01T17:30:00Z` (seconds and fractions dropped); `offset` in seconds east of
    /// UTC, nil for a floating time or a date.
    struct Stamp: Equatable {
        var start: LocalStart
        var offset: Int?
    }

    static func stamp(_ text: String) -> Stamp? {
        let s = text.trimmed
        let parts = s.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false).flatMap { $0.split(separator: " ", maxSplits: 1) }
        guard let datePart = parts.first else { return nil }
        let ymd = datePart.split(separator: "-", omittingEmptySubsequences: false)
        guard ymd.count == 3, ymd[0].count == 4, ymd[1].count == 2, ymd[2].count == 2,
              let y = Int(ymd[0]), let m = Int(ymd[1]), let d = Int(ymd[2]) else { return nil }
        guard parts.count == 2 else { return LocalStart(year: y, month: m, day: d, minute: nil).map { Stamp(start: $0, offset: nil) } }
        var time = Substring(parts[1])
        var offset: Int?
        if time.hasSuffix("Z") || time.hasSuffix("z") {
            offset = 0
            time = time.dropLast()
        } else if let sign = time.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let zone = time[time.index(after: sign)...].replacingOccurrences(of: ":", with: "")
            guard zone.count == 4 || zone.count == 2, zone.allSatisfy(\.isASCII), let hh = Int(zone.prefix(2)),
                  let mm = zone.count == 4 ? Int(zone.suffix(2)) : 0, hh <= 18, mm < 60 else { return nil }
            offset = (hh * 3_600 + mm * 60) * (time[sign] == "-" ? -1 : 1)
            time = time[..<sign]
        }
        let hms = time.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(hms.count), hms[0].count == 2, hms[1].count == 2, let h = Int(hms[0]), let mi = Int(hms[1]),
              h < 24, mi < 60 else { return nil }
        if hms.count == 3 {
            let sec = hms[2].split(separator: ".", maxSplits: 1).first ?? ""
            guard sec.count == 2, let v = Int(sec), v < 61 else { return nil }
        }
        return LocalStart(year: y, month: m, day: d, minute: h * 60 + mi).map { Stamp(start: $0, offset: offset) }
    }

    /// The instant of a stamp with an offset and a time of day.
    static func instant(_ s: Stamp) -> Int? {
        guard let offset = s.offset, let minute = s.start.minute else { return nil }
        return LocalTime.naive(s.start, minute: minute) - offset
    }

    /// The zone to show offset times in: `named` (the feed's own, or `--time-zone`) when
    /// given; else `UTC` or a fixed `Etc/GMT±n` when every offset is the same whole hour
    /// (so no region is guessed); else the first IANA zone, in alphabetical order, with the
    /// same offset at every one (`ICSTimeZones.matchingZone`); nil when none does. A zone
    /// not named is `inferred`: the wall clocks are right, its name may not be the venue's.
    static func zone(named: String?, offsets: [(instant: Int, offset: Int)]) -> (name: String, inferred: Bool)? {
        if let named { return (named, false) }
        return (ICSTimeZones.fixedZone(offsets) ?? ICSTimeZones.matchingZone(offsets: offsets)).map { ($0, true) }
    }

    /// The warning for an inferred zone.
    static func inferredWarning(_ zone: String, file: String) -> CatalogIssue {
        CatalogIssue(file: file, path: "", line: nil, column: nil,
                     message: "the feed names no time zone; times are shown in \(zone), which agrees with every UTC offset it gives (name yours with --time-zone)")
    }

    /// Where a start is: its instant and its wall clock in `zone` (an offset stamp is moved
    /// to that zone's clock; a floating one is taken as that zone's); `.skipped` when the
    /// clocks skip a floating time; `.needsZone` for a floating time with no zone.
    enum Placed {
        case placed(LocalStart, instant: Int?)
        case needsZone
        case skipped
    }

    static func place(_ s: Stamp, in zoneName: String?) -> Placed {
        guard let minute = s.start.minute else { return .placed(s.start, instant: nil) }
        let zone = zoneName.flatMap(LocalTime.zone)
        if let t = instant(s) {
            guard let zone else { return .placed(s.start, instant: t) }
            return .placed(ICSTimeZones.wallClock(t, zone), instant: t)
        }
        guard let zone else { return .needsZone }
        switch LocalTime.resolve(s.start, minute: minute, in: zone) {
        case .exact(let t), .ambiguous(earlier: let t, later: _): return .placed(s.start, instant: t)
        case .skipped: return .skipped
        }
    }

    /// `00:30`, `1:45`, `01:45:00` (hours, minutes, seconds rounded up) as minutes.
    static func clockDuration(_ s: String) -> Int? {
        let parts = s.trimmed.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0 != nil && $0! >= 0 }), let h = parts[0], let m = parts[1], m < 60, h < 10_000 else { return nil }
        let seconds = parts.count == 3 ? parts[2]! : 0
        guard seconds < 60 else { return nil }
        return h * 60 + m + (seconds > 0 ? 1 : 0)
    }
}
