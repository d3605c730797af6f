import FestivalCatalog
import Foundation

/// Where an iCalendar time is on one clock, and which IANA zone shows it.
///
/// - `TZID` naming a zone the system knows (`America/New_York`, also `/America/New_York`):
///   that zone.
/// - `TZID` naming the file's own `VTIMEZONE` (Outlook's "Eastern Standard Time"): its
///   STANDARD and DAYLIGHT observances (DTSTART, TZOFFSETFROM/TO, yearly RRULEs by month
///   and weekday, RDATEs) give the offset; the zone shown is the first IANA zone, in
///   alphabetical order, that has the same offset at every event of that TZID (and a
///   fixed `Etc/GMT±n` when the offset never changes).
/// - UTC (`…Z`): the instant, shown in the calendar's `X-WR-TIMEZONE`, else the
///   `--time-zone` given, else UTC.
/// - Floating (no `Z`, no TZID): in `X-WR-TIMEZONE`, else `--time-zone`; without either it
///   is an error that asks for `--time-zone`.
struct ICSTimeZones {
    /// The calendar's own VTIMEZONEs by TZID.
    var custom: [String: CustomZone] = [:]
    /// `X-WR-TIMEZONE`, else `--time-zone`: for UTC and floating times.
    var fallback: String?

    /// A VTIMEZONE's observances.
    struct CustomZone {
        struct Observance {
            var start: LocalStart
            var offsetTo: Int
            /// Yearly rule: the month and the nth weekday (1…5, or -1 for the last); nil: only `start` (and `dates`).
            var month: Int?, weekday: Int?, nth: Int?
            var until: Int?
            var dates: [LocalStart] = []
        }
        var observances: [Observance] = []

        /// The offset (seconds east of UTC) in force at a wall-clock time (naive seconds).
        func offset(atNaive local: Int) -> Int? {
            var best: (onset: Int, offset: Int)?
            for o in observances {
                for onset in onsets(o, upTo: local) where best.map({ onset > $0.onset }) ?? true { best = (onset, o.offsetTo) }
            }
            // Before the first onset: the earliest observance's offset.
            return best?.offset ?? observances.min { LocalTime.naive($0.start, minute: $0.start.minute ?? 0) < LocalTime.naive($1.start, minute: $1.start.minute ?? 0) }?.offsetTo
        }

        /// The onsets of an observance at or before `local`, as naive seconds (the last one a year).
        private func onsets(_ o: Observance, upTo local: Int) -> [Int] {
            let minute = o.start.minute ?? 0
            var found = ([o.start] + o.dates).map { LocalTime.naive($0, minute: $0.minute ?? minute) }.filter { $0 <= local }
            guard let month = o.month, let weekday = o.weekday, let nth = o.nth else { return found.max().map { [$0] } ?? [] }
            let lastYear = LocalTime.civil(local / 86_400).year
            let firstYear = max(o.start.year, lastYear - 1)
            guard firstYear <= lastYear else { return found.max().map { [$0] } ?? [] }
            for year in firstYear...lastYear {
                guard let day = ICSRecurrence.nthWeekday(nth, weekday, month: month, year: year) else { continue }
                let onset = LocalTime.daysSince1970(year: year, month: month, day: day) * 86_400 + minute * 60
                if onset <= local, onset >= LocalTime.naive(o.start, minute: minute), o.until.map({ onset <= $0 }) ?? true { found.append(onset) }
            }
            return found.max().map { [$0] } ?? []
        }
    }

    /// Reads the VTIMEZONEs of a calendar (a malformed one is reported and left out).
    init(_ calendar: ICSComponent, fallback: String?, log: inout ImportLog) {
        self.fallback = fallback
        for tz in calendar.children where tz.name == "VTIMEZONE" {
            guard let id = tz.property("TZID")?.value else { continue }
            var zone = CustomZone()
            for part in tz.children where part.name == "STANDARD" || part.name == "DAYLIGHT" {
                guard let startLine = part.property("DTSTART"), let start = ICSValues.stamp(startLine.value)?.start,
                      let to = part.property("TZOFFSETTO").flatMap({ Self.offset($0.value) }) else {
                    log.add(line: part.line, "VTIMEZONE", "\(part.name) of \(id) needs DTSTART and TZOFFSETTO")
                    continue
                }
                var o = CustomZone.Observance(start: start, offsetTo: to)
                if let rule = part.property("RRULE") {
                    let parts = ICSRecurrence.parts(rule.value)
                    if parts["FREQ"] == "YEARLY", let month = parts["BYMONTH"].flatMap({ Int($0) }), let byday = parts["BYDAY"],
                       let (nth, weekday) = ICSRecurrence.ordinalWeekday(byday) {
                        o.month = month; o.weekday = weekday; o.nth = nth
                        o.until = parts["UNTIL"].flatMap(ICSValues.stamp).map { LocalTime.naive($0.start, minute: $0.start.minute ?? 0) }
                    } else {
                        log.add(line: rule.line, "VTIMEZONE", "\(id): only yearly rules by month and weekday are read (got \(rule.value))")
                    }
                }
                for rdate in part.all("RDATE") { o.dates += rdate.value.split(separator: ",").compactMap { ICSValues.stamp(String($0))?.start } }
                zone.observances.append(o)
            }
            if !zone.observances.isEmpty { custom[id] = zone }
        }
    }

    /// `+0530`, `-0400` as seconds.
    static func offset(_ text: String) -> Int? {
        let v = Array(text.utf8)
        guard v.count == 5 || v.count == 7, v[0] == 0x2B || v[0] == 0x2D,
              let h = Int(String(decoding: v[1..<3], as: UTF8.self)), let m = Int(String(decoding: v[3..<5], as: UTF8.self)) else { return nil }
        let s = v.count == 7 ? Int(String(decoding: v[5..<7], as: UTF8.self)) ?? 0 : 0
        return (v[0] == 0x2D ? -1 : 1) * (h * 3_600 + m * 60 + s)
    }

    /// What a time means: the instant (when it has a time of day) and the wall clock in `zone`.
    struct Placed: Equatable {
        var instant: Int?
        var local: LocalStart
        var zone: String?
    }

    enum Failure: Error, Equatable {
        case unknownZone(String)
        case needsZone
        case skipped
    }

    /// A DTSTART-like property placed: its TZID, its `Z`, or the fallback.
    func place(_ stamp: ICSValues.Stamp, tzid: String?) -> Result<Placed, Failure> {
        guard let minute = stamp.start.minute else { return .success(Placed(instant: nil, local: stamp.start, zone: fallback)) }
        if stamp.utc {
            // The zone shown: the calendar's, else the venue's other events' (nil here), else UTC.
            let instant = LocalTime.naive(stamp.start, minute: minute)
            let zone = fallback.flatMap(LocalTime.zone) ?? TimeZone(identifier: "UTC")!
            return .success(Placed(instant: instant, local: Self.wallClock(instant, zone), zone: fallback))
        }
        if let raw = tzid {
            let name = raw.hasPrefix("/") ? String(raw.dropFirst()) : raw
            if let zone = LocalTime.zone(name) { return Self.resolve(stamp.start, minute, zone, name) }
            guard let custom = custom[raw], let offset = custom.offset(atNaive: LocalTime.naive(stamp.start, minute: minute)) else {
                return .failure(.unknownZone(raw))
            }
            return .success(Placed(instant: LocalTime.naive(stamp.start, minute: minute) - offset, local: stamp.start, zone: nil))
        }
        guard let name = fallback, let zone = LocalTime.zone(name) else { return .failure(.needsZone) }
        return Self.resolve(stamp.start, minute, zone, name)
    }

    static func resolve(_ local: LocalStart, _ minute: Int, _ zone: TimeZone, _ name: String) -> Result<Placed, Failure> {
        switch LocalTime.resolve(local, minute: minute, in: zone) {
        case .exact(let t), .ambiguous(earlier: let t, later: _): return .success(Placed(instant: t, local: local, zone: name))
        case .skipped: return .failure(.skipped)
        }
    }

    /// The wall clock of an instant in a zone.
    static func wallClock(_ instant: Int, _ zone: TimeZone) -> LocalStart {
        let local = instant + zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
        let days = Int((Double(local) / 86_400).rounded(.down))
        let d = LocalTime.civil(days)
        return LocalStart(year: d.year, month: d.month, day: d.day, minute: (local - days * 86_400) / 60)!
    }

    /// The IANA zone for a custom VTIMEZONE: one with the same offset at each of `offsets`
    /// (a sample of at most 64) — the calendar's own zone (`preferred`) if it agrees, else
    /// the first, alphabetically, of the region the TZID names ("W. Europe Standard Time":
    /// `Europe/…`), else the first of all — and `Etc/GMT±n` for a fixed offset none has.
    static func matchingZone(offsets: [(instant: Int, offset: Int)], tzid: String = "", preferred: String? = nil) -> String? {
        guard !offsets.isEmpty else { return nil }
        let step = max(1, offsets.count / 64)
        let sample = stride(from: 0, to: offsets.count, by: step).map { offsets[$0] }
        let words = Set(tzid.split { !$0.isLetter }.map { $0.lowercased() })
        let all = TimeZone.knownTimeZoneIdentifiers.sorted()
        let regional = all.filter { words.contains(String($0.split(separator: "/").first ?? "").lowercased()) }
        for name in (preferred.map { [$0] } ?? []) + regional + all {
            guard let zone = TimeZone(identifier: name) else { continue }
            let agrees = { (o: (instant: Int, offset: Int)) in zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(o.instant))) == o.offset }
            // The sample rules most zones out quickly; the one chosen must agree at every time.
            if sample.allSatisfy(agrees), offsets.allSatisfy(agrees) { return name }
        }
        return fixedZone(offsets)
    }

    /// `UTC` or `Etc/GMT±n` when every offset is the same whole hour; else nil.
    static func fixedZone(_ offsets: [(instant: Int, offset: Int)]) -> String? {
        guard let first = offsets.first?.offset, offsets.allSatisfy({ $0.offset == first }), first % 3_600 == 0 else { return nil }
        let hours = first / 3_600
        return hours == 0 ? "UTC" : "Etc/GMT" + (hours > 0 ? "-" : "+") + String(abs(hours))
    }
}
