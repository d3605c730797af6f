import FestivalCatalog
import Foundation

/// A frab/Pentabarf schedule (`schedule.xml`, or its JSON twin `schedule.json`) as a
/// catalog. The mapping (README, "Importing"):
///
/// | frab | catalog |
/// |---|---|
/// | `conference` `title` (`acronym`) | the festival's name (short name); the catalog's id is `frab-` and the acronym's slug |
/// | each distinct event `title` | a film (or talk), id the title's slug |
/// | `subtitle`, `abstract`, `description` (HTML reduced to text) | the synopsis (the first event's) |
/// | `track` | a style |
/// | `persons` | the people, as speakers |
/// | `url`, `links` | links (`info`) |
/// | `room` | a venue, id its slug |
/// | each event | a screening, id from the `guid` (else the `id`) |
/// | `date` (with its offset), else the day's `date` and `start` | the start, in `time_zone_name` (else `--time-zone`, else a zone agreeing with the offsets: see `FeedTimes.zone`) |
/// | `duration` (`H:MM`) | the duration |
/// | `type` | a label |
enum FrabImport {
    /// The conference's own fields, as text.
    struct Schedule {
        var title: String?
        var acronym: String?
        var timeZoneName: String?
        var url: String?
    }

    struct Event {
        var line: Int?
        var fields: [String: String] = [:]
        var persons: [String] = []
        var links: [String] = []
        /// The day's `date` and `start` (when it begins, so 01:00 after a 10:00 start is the next day).
        var dayDate: String?
        var dayStart: String?
        /// The room it is listed under (used when the event names none).
        var room: String?

        /// The fields festival reads (the others are not kept).
        static let read: Set<String> = ["guid", "id", "date", "start", "duration", "room", "title", "subtitle", "track", "type",
                                        "abstract", "description", "url"]

        func text(_ name: String) -> String? {
            guard let v = fields[name]?.trimmed, !v.isEmpty else { return nil }
            return v
        }
    }

    /// Turns events into the catalog as they are read: each goes straight into the catalog
    /// once the zone is known (`time_zone_name`, which frab writes before the days, or
    /// `--time-zone`); until then (a schedule naming no zone) events wait, with their starts,
    /// for the zone their offsets agree on.
    struct Assembler {
        let file: String
        let timeZone: String?
        var conference = Schedule()
        private var builder: CatalogBuilder
        private var waiting: [(event: Event, stamp: FeedTimes.Stamp?)] = []
        private var zone: String?
        private var zoneKnown = false, warnedZone = false
        private var offsets: [(instant: Int, offset: Int)] = []

        init(file: String, timeZone: String?, log: inout ImportLog) {
            self.file = file
            self.timeZone = timeZone
            builder = CatalogBuilder(file: file, name: nil)
            builder.prefix = "frab-"
            if let tz = timeZone, LocalTime.zone(tz) == nil { log.add(line: nil, "--time-zone", "unknown time zone \"\(tz)\"") }
        }

        /// The conference's zone is settled: its `time_zone_name` (checked), else `--time-zone`.
        private mutating func settleNamedZone(log: inout ImportLog) {
            guard !zoneKnown else { return }
            var named = conference.timeZoneName.flatMap { $0.trimmed.isEmpty ? nil : $0.trimmed }
            // A name the system does not know ("CEST") is passed over, once and with a warning:
            // `--time-zone`, else the offsets, place the times.
            if let name = named, LocalTime.zone(name) == nil {
                if !warnedZone {
                    warnedZone = true
                    log.warnings.append(CatalogIssue(file: file, path: "conference.time_zone_name", line: nil, column: nil,
                                                     message: "\"\(name)\" is not a time zone this system knows; it is not used"))
                }
                named = nil
            }
            if let name = named ?? timeZone { zone = name; zoneKnown = true }
        }

        mutating func add(_ e: Event, log: inout ImportLog) {
            settleNamedZone(log: &log)
            let stamp = Self.stamp(e, log: &log)
            if zoneKnown { place(e, stamp, log: &log); return }
            if let s = stamp, let t = FeedTimes.instant(s) { offsets.append((t, s.offset!)) }
            waiting.append((e, stamp))
        }

        /// The event's start as written: its `date`, else its day's date and `start`.
        static func stamp(_ e: Event, log: inout ImportLog) -> FeedTimes.Stamp? {
            if let date = e.text("date") {
                guard let s = FeedTimes.stamp(date) else { log.add(line: e.line, "event.date", "\"\(date)\" is not an ISO 8601 date-time"); return nil }
                return s
            }
            guard let day = e.dayDate.flatMap(FeedTimes.stamp), let start = e.text("start") else { return e.dayDate.flatMap(FeedTimes.stamp) }
            guard let m = CSVImport.clock(start) else { log.add(line: e.line, "event.start", "\"\(start)\" is not a time (HH:MM)"); return nil }
            var days = LocalTime.daysSince1970(year: day.start.year, month: day.start.month, day: day.start.day)
            // frab days run past midnight: a start before the day's own start is the next morning.
            if let dayStart = e.dayStart.flatMap(FeedTimes.stamp)?.start.minute, m < dayStart { days += 1 }
            let d = LocalTime.civil(days)
            return LocalStart(year: d.year, month: d.month, day: d.day, minute: m).map { FeedTimes.Stamp(start: $0, offset: nil) }
        }

        private mutating func place(_ e: Event, _ stamp: FeedTimes.Stamp?, log: inout ImportLog) {
            guard log.issues.count <= 200 else { return }
            var start: LocalStart?, instant: Int?
            if let stamp {
                guard ICSImport.years.contains(stamp.start.year) else {
                    log.add(line: e.line, "event.date", "\(stamp.start.year) is outside the years festival plans for (1900–2200)")
                    return
                }
                switch FeedTimes.place(stamp, in: zone) {
                case .placed(let s, let t): start = s; instant = t
                case .needsZone: log.add(line: e.line, "event.start", "the schedule has no time_zone_name: give --time-zone"); return
                case .skipped: log.add(line: e.line, "event.start", "\(stamp.start) does not exist in \(zone ?? "") (the clocks skip it)"); return
                }
            }
            var minutes: Int?
            if let d = e.text("duration") {
                minutes = FeedTimes.clockDuration(d)
                if minutes == nil { log.add(line: e.line, "event.duration", "\"\(d)\" is not a duration (H:MM)") }
            }
            let description = { () -> String? in
                let parts = ["subtitle", "abstract", "description"].compactMap { e.text($0).map(ICSValues.plainText) }.filter { !$0.isEmpty }
                var seen: [String] = []
                for p in parts where !seen.contains(p) { seen.append(p) }
                return seen.isEmpty ? nil : seen.joined(separator: "\n\n")
            }
            let work = CatalogBuilder.Work(title: e.text("title"), description: description, categories: e.text("track").map { [$0] } ?? [],
                                           links: (e.text("url").map { [$0] } ?? []) + e.links, people: e.persons, role: .speaker)
            builder.add(CatalogBuilder.Event(
                uid: e.text("guid") ?? e.text("id").map { "frab-id-" + $0 }, occurrence: nil, works: [work],
                location: e.text("room") ?? e.room, geo: nil, start: start, instant: instant, zone: start?.minute != nil ? zone : nil,
                minutes: minutes.flatMap { $0 > 0 && $0 <= Screening.maxDuration ? $0 : nil }, endDay: nil, status: .scheduled,
                labels: e.text("type").map { [ImportText.prefix($0, bytes: 64)] } ?? [], line: e.line))
        }

        /// The catalog, once every event is in.
        mutating func finish(log: inout ImportLog) throws(CatalogError) -> (catalog: Catalog, warnings: [CatalogIssue]) {
            settleNamedZone(log: &log)
            if !zoneKnown, let chosen = FeedTimes.zone(named: nil, offsets: offsets) {
                zone = chosen.name
                log.warnings.append(FeedTimes.inferredWarning(chosen.name, file: file))
            }
            zoneKnown = true
            waiting.reverse()
            while let (e, stamp) = waiting.popLast() { place(e, stamp, log: &log) }
            guard log.issues.isEmpty else { throw log.error }
            builder.name = conference.title
            builder.shortName = conference.acronym
            builder.website = conference.url
            return (try builder.validCatalog(log: &log), log.warnings)
        }
    }
}
