import FestivalCatalog
import Foundation

/// An iCalendar file (RFC 5545) as a catalog. The mapping (README, "Importing"):
///
/// | iCalendar | catalog |
/// |---|---|
/// | `X-WR-CALNAME` (else the file's name) | the festival's name; the catalog's id is `ics-` and its slug |
/// | each distinct `SUMMARY` (case and spaces folded) | a film, id the title's slug |
/// | `DESCRIPTION` (HTML reduced to text) | the film's synopsis (the first event's) |
/// | `CATEGORIES` | the film's styles |
/// | `URL` | the film's link (`info`) |
/// | `LOCATION` | a venue, id its slug; `GEO` its position |
/// | each VEVENT, and each occurrence of a recurring one | a screening, id from the `UID` (and the occurrence's start) |
/// | `DTSTART`, `DTEND` or `DURATION` | the start in the venue's zone, the duration (nil past a day: noted) |
/// | `STATUS:CANCELLED` | `cancelled` |
///
/// Nothing else is filled in: directors, countries, runtimes and the organizer stay
/// unknown. Texts go into `zh-Hant` when they hold Han characters, else `en`.
public enum ICSImport {
    /// The years an event may start in (wider is refused with its line: no wall clock
    /// computed from it can leave the years a date may have).
    static let years = 1900...2200

    public static func catalog(_ bytes: [UInt8], file: String, timeZone: String?) throws(CatalogError) -> (catalog: Catalog, warnings: [CatalogIssue]) {
        var log = ImportLog(file: file)
        var tree = ICSComponent.tree(bytes, log: &log)
        guard var calendar = tree.first(where: { $0.name == "VCALENDAR" }) else {
            log.add(line: nil, "", "no BEGIN:VCALENDAR: not an iCalendar file")
            throw log.error
        }
        var builder = CatalogBuilder(file: file, name: calendar.property("X-WR-CALNAME").map { ICSValues.text($0.value) })
        let fallback = calendar.property("X-WR-TIMEZONE").map(\.value).flatMap { LocalTime.zone($0) != nil ? $0 : nil } ?? timeZone
        if let tz = timeZone, LocalTime.zone(tz) == nil { log.add(line: nil, "--time-zone", "unknown time zone \"\(tz)\"") }
        let zones = ICSTimeZones(calendar, fallback: fallback, log: &log)
        // Held only here from now on, and each freed once read (see below).
        var events = calendar.children.filter { $0.name == "VEVENT" }
        tree = []
        calendar.children = []
        // Overrides of single occurrences, by UID and the start they replace.
        var overrides: [String: Set<LocalStart>] = [:]
        for e in events {
            if let uid = e.property("UID")?.value, let rid = e.property("RECURRENCE-ID").flatMap({ ICSValues.stamp($0.value) }) {
                overrides[uid, default: []].insert(rid.start)
            }
        }
        var customOffsets: [String: [(instant: Int, offset: Int)]] = [:]
        var pending: [(event: CatalogBuilder.Event, tzid: String?)] = []
        // A film's description is read from its first event only.
        var titled = Set<String>()
        events.reverse()
        while let e = events.popLast() {
            guard let startLine = e.property("DTSTART") else { log.add(line: e.line, "VEVENT", "no DTSTART"); continue }
            guard let start = ICSValues.stamp(startLine.value) else {
                log.add(line: startLine.line, "DTSTART", "\"\(startLine.value)\" is not a DATE or DATE-TIME")
                continue
            }
            guard years.contains(start.start.year) else {
                log.add(line: startLine.line, "DTSTART", "\(start.start.year) is outside the years festival plans for (\(years.lowerBound)–\(years.upperBound))")
                continue
            }
            let tzid = startLine.param("TZID")
            // The length: DTEND minus DTSTART (same zone), else DURATION.
            var seconds: Int?
            if let endLine = e.property("DTEND"), let end = ICSValues.stamp(endLine.value) {
                if case .success(let a) = zones.place(start, tzid: tzid), case .success(let b) = zones.place(end, tzid: endLine.param("TZID") ?? tzid),
                   let x = a.instant, let y = b.instant {
                    seconds = y - x
                } else if start.start.minute == nil, end.start.minute == nil {
                    seconds = (LocalTime.naive(end.start, minute: 0) - LocalTime.naive(start.start, minute: 0))
                }
            } else if let d = e.property("DURATION") {
                seconds = ICSValues.duration(d.value)
                if seconds == nil { log.add(line: d.line, "DURATION", "\"\(d.value)\" is not a duration (P1DT2H30M)") }
            }
            if let s = seconds, s < 0 { log.add(line: e.line, "DTEND", "the event ends before it starts"); seconds = nil }
            var starts = [start.start]
            var isRecurring = false
            if let rule = e.property("RRULE") {
                isRecurring = true
                let untilAllows = { (candidate: LocalStart, until: ICSValues.Stamp) -> Bool in
                    if until.utc, case .success(let p) = zones.place(ICSValues.Stamp(start: candidate, utc: false), tzid: tzid), let t = p.instant {
                        return t <= LocalTime.naive(until.start, minute: until.start.minute ?? 0)
                    }
                    return candidate.minute == nil || until.start.minute == nil ? candidate.date <= until.start.date : !(until.start < candidate)
                }
                switch ICSRecurrence.expand(rule.value, from: start.start, untilAllows: untilAllows) {
                case .success(let list): starts = list
                case .failure(let refused): log.add(line: rule.line, "RRULE", refused.reason); continue
                }
            }
            for rdate in e.all("RDATE") {
                isRecurring = true
                starts += rdate.value.split(separator: ",").compactMap { ICSValues.stamp(String($0))?.start }.filter { years.contains($0.year) }
            }
            var excluded = Set<LocalStart>()
            for ex in e.all("EXDATE") {
                for value in ex.value.split(separator: ",") {
                    guard let stamp = ICSValues.stamp(String(value)) else { continue }
                    if stamp.utc, case .success(let p) = zones.place(stamp, tzid: nil), let t = p.instant,
                       let zoneName = tzid ?? zones.fallback, let zone = LocalTime.zone(zoneName) {
                        excluded.insert(ICSTimeZones.wallClock(t, zone))
                    } else {
                        excluded.insert(stamp.start)
                    }
                }
            }
            let uid = e.property("UID")?.value ?? ""
            for s in Set(starts).sorted() where !excluded.contains(s) && years.contains(s.year) {
                if e.property("RECURRENCE-ID") == nil, isRecurring, overrides[uid]?.contains(s) == true { continue }
                switch zones.place(ICSValues.Stamp(start: s, utc: start.utc), tzid: tzid) {
                case .success(var placed):
                    if start.utc, let zone = placed.zone.flatMap(LocalTime.zone), let t = placed.instant { placed.local = ICSTimeZones.wallClock(t, zone) }
                    if placed.zone == nil, let raw = tzid, let t = placed.instant, let o = zones.custom[raw]?.offset(atNaive: LocalTime.naive(s, minute: s.minute ?? 0)) {
                        customOffsets[raw, default: []].append((t, o))
                    }
                    let minutes = seconds.map { ($0 + 59) / 60 }
                    // Longer than a day: the last day it runs (a DATE's DTEND is the day after).
                    var endDay: PartialDate?
                    if let m = minutes, m > Screening.maxDuration {
                        if let t = placed.instant, let zone = (placed.zone ?? "UTC").isEmpty ? nil : LocalTime.zone(placed.zone ?? "UTC") {
                            endDay = ICSTimeZones.wallClock(t + m * 60, zone).date
                        } else if s.minute == nil {
                            let d = LocalTime.civil(LocalTime.daysSince1970(year: s.year, month: s.month, day: s.day) + m / 1_440 - 1)
                            endDay = PartialDate(year: d.year, month: d.month, day: d.day)
                        }
                    }
                    var event = event(e, placed: placed, minutes: minutes, endDay: endDay, occurrence: isRecurring ? s : nil)
                    if titled.insert(CatalogBuilder.key(event.works.first?.title ?? "untitled")).inserted {
                        let description = event.works[0].description()
                        event.works[0].description = { description }
                    } else {
                        event.works[0].description = { nil }
                    }
                    // Into the catalog now, unless its zone waits to be matched (a custom
                    // VTIMEZONE's): then it and every later event wait, keeping the file's order.
                    if pending.isEmpty, event.zone != nil || tzid.map({ zones.custom[$0] == nil }) ?? true {
                        if log.issues.isEmpty { builder.add(event) }
                    } else {
                        pending.append((event, tzid))
                    }
                case .failure(.unknownZone(let name)):
                    log.add(line: startLine.line, "DTSTART", "TZID \"\(name)\" is neither a time zone this system knows nor a VTIMEZONE of the file")
                case .failure(.needsZone):
                    log.add(line: startLine.line, "DTSTART", "a floating time (no TZID, no Z) and the calendar has no X-WR-TIMEZONE: give --time-zone")
                case .failure(.skipped):
                    log.add(line: startLine.line, "DTSTART", "\(s) does not exist in \(tzid ?? zones.fallback ?? "") (the clocks skip it)")
                }
                if !log.issues.isEmpty && log.issues.count > 200 { throw log.error }
            }
        }
        // Custom zones: the IANA zone that agrees with each.
        var matched: [String: String] = [:]
        for (tzid, offsets) in customOffsets {
            if let name = ICSTimeZones.matchingZone(offsets: offsets, tzid: tzid, preferred: zones.fallback) { matched[tzid] = name }
            else { log.add(line: nil, "VTIMEZONE", "the VTIMEZONE \"\(tzid)\" agrees with no time zone this system knows") }
        }
        guard log.issues.isEmpty else { throw log.error }
        // Taken from the end of a reversed list, so each event's lines are freed once added.
        pending.reverse()
        while var p = pending.popLast() {
            if p.event.zone == nil, let raw = p.tzid, let name = matched[raw], let zone = LocalTime.zone(name), let t = p.event.instant {
                p.event.zone = name
                p.event.start = ICSTimeZones.wallClock(t, zone)
            }
            builder.add(p.event)
        }
        return (try builder.validCatalog(log: &log), log.warnings)
    }

    static func event(_ e: ICSComponent, placed: ICSTimeZones.Placed, minutes: Int?, endDay: PartialDate?, occurrence: LocalStart?) -> CatalogBuilder.Event {
        let text = { (name: String) in e.property(name).map { ICSValues.text($0.value).trimmed }.flatMap { $0.isEmpty ? nil : $0 } }
        return CatalogBuilder.Event(
            uid: e.property("UID")?.value, occurrence: occurrence ?? e.property("RECURRENCE-ID").flatMap { ICSValues.stamp($0.value)?.start },
            works: [CatalogBuilder.Work(title: text("SUMMARY"), description: { text("DESCRIPTION").map(ICSValues.plainText) },
                                        categories: e.all("CATEGORIES").flatMap { ICSValues.textList($0.value) },
                                        links: e.property("URL").map { [$0.value.trimmed] } ?? [])],
            location: text("LOCATION"), geo: e.property("GEO").flatMap { ICSValues.geo($0.value) },
            start: placed.local, instant: placed.instant, zone: placed.zone, minutes: minutes.flatMap { $0 <= Screening.maxDuration ? $0 : nil }, endDay: endDay,
            status: e.property("STATUS")?.value.uppercased() == "CANCELLED" ? .cancelled : .scheduled, line: e.line)
    }
}
