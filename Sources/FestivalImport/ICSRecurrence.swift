import FestivalCatalog

/// Recurring events: the subset of RRULE festival expands, and refuses the rest by name.
///
/// Read: `FREQ=DAILY` or `WEEKLY`, `INTERVAL`, `COUNT` or `UNTIL` (one of them: a rule
/// that never ends is refused), `BYDAY` of plain weekdays with `WEEKLY` (`MO,WE,FR`), and
/// `WKST=MO`. Anything else (`MONTHLY`, `BYMONTH`, `BYSETPOS`, an ordinal weekday…) is a
/// located error rather than a guess. `RDATE` adds dates, `EXDATE` removes them, and a
/// VEVENT with the same UID and a `RECURRENCE-ID` replaces the occurrence it names. At
/// most `maxOccurrences` come from one event.
enum ICSRecurrence {
    static let maxOccurrences = 10_000
    static let weekdays = ["SU": 0, "MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6]

    /// `FREQ=WEEKLY;COUNT=3` as a dictionary (keys upper-cased).
    static func parts(_ rule: String) -> [String: String] {
        var out: [String: String] = [:]
        for part in rule.split(separator: ";") {
            let kv = part.split(separator: "=", maxSplits: 1)
            if kv.count == 2 { out[kv[0].uppercased()] = String(kv[1]) }
        }
        return out
    }

    /// `2SU` → (2, 0), `-1SU` → (-1, 0).
    static func ordinalWeekday(_ text: String) -> (Int, Int)? {
        let digits = text.prefix { $0 == "-" || $0 == "+" || $0.isNumber }
        guard let day = weekdays[String(text.dropFirst(digits.count))], let n = Int(digits), n != 0, (-5...5).contains(n) else { return nil }
        return (n, day)
    }

    /// The day of the month of the nth (or, negative, nth last) weekday, if it exists.
    static func nthWeekday(_ nth: Int, _ weekday: Int, month: Int, year: Int) -> Int? {
        let days = PartialDate.days(inMonth: month, of: year)
        let first = weekdayOf(year: year, month: month, day: 1)
        let candidates = (1...days).filter { (first + $0 - 1) % 7 == weekday }
        let index = nth > 0 ? nth - 1 : candidates.count + nth
        return candidates.indices.contains(index) ? candidates[index] : nil
    }

    /// 0 Sunday … 6 Saturday.
    static func weekdayOf(year: Int, month: Int, day: Int) -> Int {
        ((LocalTime.daysSince1970(year: year, month: month, day: day) % 7) + 7 + 4) % 7
    }

    /// The wall-clock starts a rule gives from `start` (itself included), or why it is not read.
    /// `until` is compared as `isBefore(candidate)`.
    /// Why a rule is not expanded.
    struct Refused: Error, Equatable {
        var reason: String
    }

    static func expand(_ rule: String, from start: LocalStart, untilAllows: (LocalStart, ICSValues.Stamp) -> Bool) -> Result<[LocalStart], Refused> {
        let p = parts(rule)
        let known: Set<String> = ["FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "WKST"]
        if let other = p.keys.sorted().first(where: { !known.contains($0) }) { return .failure(Refused(reason: "RRULE part \(other) is not supported")) }
        guard let freq = p["FREQ"], freq == "DAILY" || freq == "WEEKLY" else {
            return .failure(Refused(reason: "RRULE FREQ=\(p["FREQ"] ?? "?") is not supported (DAILY and WEEKLY are)"))
        }
        if let w = p["WKST"], w != "MO" { return .failure(Refused(reason: "RRULE WKST=\(w) is not supported (MO is)")) }
        let interval = p["INTERVAL"].flatMap { Int($0) } ?? 1
        guard (1...1_000).contains(interval) else { return .failure(Refused(reason: "RRULE INTERVAL must be 1 to 1000")) }
        let count = p["COUNT"].flatMap { Int($0) }
        let until = p["UNTIL"].flatMap(ICSValues.stamp)
        if p["COUNT"] != nil && count == nil || p["UNTIL"] != nil && until == nil { return .failure(Refused(reason: "RRULE COUNT or UNTIL is malformed")) }
        guard count != nil || until != nil else { return .failure(Refused(reason: "an RRULE without COUNT or UNTIL never ends; festival expands only bounded rules")) }
        var byDay: [Int]?
        if let list = p["BYDAY"] {
            guard freq == "WEEKLY" else { return .failure(Refused(reason: "RRULE BYDAY is supported with FREQ=WEEKLY only")) }
            let days = list.split(separator: ",").map { weekdays[String($0)] }
            guard !days.isEmpty, days.allSatisfy({ $0 != nil }) else { return .failure(Refused(reason: "RRULE BYDAY=\(list): only plain weekdays (MO…SU) are supported")) }
            byDay = days.compactMap { $0 }.sorted { ($0 + 6) % 7 < ($1 + 6) % 7 }
        }
        let startDay = LocalTime.daysSince1970(year: start.year, month: start.month, day: start.day)
        func at(_ day: Int) -> LocalStart? {
            let d = LocalTime.civil(day)
            return d.year > ICSImport.years.upperBound ? nil : LocalStart(year: d.year, month: d.month, day: d.day, minute: start.minute)
        }
        var out: [LocalStart] = []
        let limit = min(count ?? maxOccurrences, maxOccurrences)
        if freq == "DAILY" || byDay == nil {
            var k = 0
            while out.count < limit {
                let day = startDay + k * interval * (freq == "DAILY" ? 1 : 7)
                guard let candidate = at(day) else { break }
                if let until, !untilAllows(candidate, until) { break }
                out.append(candidate)
                k += 1
                if k > maxOccurrences * 7 { break }
            }
        } else {
            // Weeks start on Monday; the first week is DTSTART's; days before DTSTART are skipped.
            let mondayOffset = (weekdayOf(year: start.year, month: start.month, day: start.day) + 6) % 7
            var week = 0
            outer: while out.count < limit {
                let monday = startDay - mondayOffset + week * 7 * interval
                for wd in byDay! {
                    let day = monday + (wd + 6) % 7
                    if day < startDay { continue }
                    guard let candidate = at(day) else { break outer }
                    if let until, !untilAllows(candidate, until) { break outer }
                    out.append(candidate)
                    if out.count >= limit { break outer }
                }
                week += 1
                if week > maxOccurrences { break }
            }
        }
        // DTSTART is the first occurrence even when the rule would not give it.
        if out.first != start { out.insert(start, at: 0); if let count, out.count > count { out.removeLast() } }
        return .success(out)
    }
}
