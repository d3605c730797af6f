import FestivalCatalog
import Foundation

/// schema.org JSON-LD as a catalog: a `.jsonld`/`.json` document, or a web page whose
/// `<script type="application/ld+json">` blocks hold it. The mapping (README, "Importing"):
///
/// | JSON-LD | catalog |
/// |---|---|
/// | a `Festival`'s `name`, `organizer`, `url` (else an event's `superEvent`) | the festival; the catalog's id is `jsonld-` and its slug |
/// | every node whose `@type` ends in `Event` (`ScreeningEvent`, …), wherever it is nested | a screening, id from `@id` (else `identifier`, else its title and start; never its `url`, which is usually its film's page) |
/// | its `workPresented` `Movie`s, in order (else the event's own `name`) | its films: several make a programme; the event's `name` is then its note |
/// | a Movie's `name`, `director`, `description`, `duration`, `countryOfOrigin`, `genre`, `url`/`sameAs` | title, directors, synopsis, runtime, country, styles, links |
/// | `startDate`, `endDate` (else `duration`, else a lone Movie's) | the start, in `--time-zone` (else a zone agreeing with the offsets: see `FeedTimes.zone`), and the duration |
/// | `location` (`Place`: `name`, `address`, `geo`; or text) | a venue with its address, city and position |
/// | `eventStatus` `EventCancelled`; an offer `SoldOut` | `cancelled`; `sold-out` |
/// | `EventPostponed`, `EventRescheduled` | a label |
enum JSONLDImport {
    static func catalog(_ bytes: [UInt8], file: String, timeZone: String?) throws(CatalogError) -> (catalog: Catalog, warnings: [CatalogIssue]) {
        var log = ImportLog(file: file)
        if let tz = timeZone, LocalTime.zone(tz) == nil { log.add(line: nil, "--time-zone", "unknown time zone \"\(tz)\"") }
        var roots: [JSONNode] = []
        for block in documents(bytes) {
            var blockLog = ImportLog(file: file)
            guard let root = try? ImportJSON.parse(block.bytes, log: &blockLog) else {
                for i in blockLog.issues { log.add(line: i.line.map { $0 + block.line - 1 }, column: i.column, i.path, i.message) }
                continue
            }
            roots.append(shifted(root, by: block.line - 1))
        }
        var events: [JSONNode] = [], festival: JSONNode?
        for root in roots { collect(root, into: &events, festival: &festival) }
        // Nodes named by `@id`, for references (`"workPresented": {"@id": …}`).
        var byID: [String: JSONNode] = [:]
        for root in roots { index(root, into: &byID) }
        let resolve = { (n: JSONNode) -> JSONNode in
            guard let members = n.members, members.count == 1, let id = n["@id"]?.text, let target = byID[id] else { return n }
            return target
        }
        guard log.issues.isEmpty else { throw log.error }
        guard !events.isEmpty else {
            log.add(line: nil, "@type", "no schema.org event (ScreeningEvent, …) in the document")
            throw log.error
        }
        let stamps = events.map { $0["startDate"]?.text.flatMap(FeedTimes.stamp) }
        let offsets = stamps.compactMap { s in s.flatMap { s in FeedTimes.instant(s).map { ($0, s.offset!) } } }
        let chosen = FeedTimes.zone(named: timeZone, offsets: offsets)
        let zone = chosen?.name
        if let chosen, chosen.inferred { log.warnings.append(FeedTimes.inferredWarning(chosen.name, file: file)) }
        let host = festival ?? events.lazy.compactMap { $0["superEvent"] }.first
        var builder = CatalogBuilder(file: file, name: host?["name"]?.text)
        builder.prefix = "jsonld-"
        builder.organizer = host?["organizer"].flatMap { $0["name"]?.text ?? $0.text }
        builder.website = host?["url"]?.text
        for (e, stamp) in zip(events, stamps) {
            let where_ = e["startDate"].map { ($0.line, $0.column) }
            guard let text = e["startDate"]?.text else { log.add(line: e.line, column: e.column, "startDate", "an event with no startDate"); continue }
            guard let stamp else { log.add(line: where_?.0, column: where_?.1, "startDate", "\"\(text)\" is not an ISO 8601 date or date-time"); continue }
            guard ICSImport.years.contains(stamp.start.year) else {
                log.add(line: where_?.0, column: where_?.1, "startDate", "\(stamp.start.year) is outside the years festival plans for (1900–2200)")
                continue
            }
            var start: LocalStart, instant: Int?
            switch FeedTimes.place(stamp, in: zone) {
            case .placed(let s, let t): start = s; instant = t
            case .needsZone: log.add(line: where_?.0, column: where_?.1, "startDate", "a time with no UTC offset: give --time-zone"); continue
            case .skipped: log.add(line: where_?.0, column: where_?.1, "startDate", "\(stamp.start) does not exist in \(zone ?? "") (the clocks skip it)"); continue
            }
            // A work with no name (an unresolved reference) is left out; with none, the event's name is the film.
            let works = list(e["workPresented"]).map(resolve).filter { $0.members != nil && $0["name"]?.text != nil }.map(work)
            var minutes: Int?, endDay: PartialDate?
            if let endText = e["endDate"]?.text {
                guard let end = FeedTimes.stamp(endText) else {
                    log.add(line: e["endDate"]?.line, column: e["endDate"]?.column, "endDate", "\"\(endText)\" is not an ISO 8601 date or date-time")
                    continue
                }
                if case .placed(_, let t?) = FeedTimes.place(end, in: zone), let instant {
                    minutes = (t - instant + 59) / 60
                } else if end.start.minute == nil, start.minute == nil, end.start > start {
                    endDay = end.start.date
                }
                if let m = minutes, m < 0 { log.add(line: e["endDate"]?.line, "endDate", "the event ends before it starts"); continue }
                if let m = minutes, m > Screening.maxDuration, let zone = zone.flatMap(LocalTime.zone), let instant {
                    endDay = ICSTimeZones.wallClock(instant + m * 60, zone).date
                }
            } else if let d = e["duration"]?.text {
                minutes = ICSValues.duration(d).map { ($0 + 59) / 60 }
            } else if works.count == 1 {
                minutes = works[0].runtimeMinutes
            }
            let status = e["eventStatus"]?.text ?? ""
            let soldOut = list(e["offers"]).contains { ($0["availability"]?.text ?? "").hasSuffix("SoldOut") }
            var labels: [String] = []
            if status.hasSuffix("EventPostponed") { labels.append("postponed") }
            if status.hasSuffix("EventRescheduled") { labels.append("rescheduled") }
            let place = list(e["location"]).first.map(resolve)
            let address = place?["address"]
            builder.add(CatalogBuilder.Event(
                // Not `url`: a screening's link is usually its film's page, shared by all its screenings.
                uid: e["@id"]?.text ?? e["identifier"]?.text, occurrence: nil, works: works,
                location: place.flatMap { $0["name"]?.text ?? $0.text }, address: address.flatMap { $0["streetAddress"]?.text ?? $0.text },
                city: address?["addressLocality"]?.text, geo: place?["geo"].flatMap(geo),
                start: start, instant: instant, zone: start.minute != nil ? zone : nil,
                minutes: minutes.flatMap { $0 > 0 && $0 <= Screening.maxDuration ? $0 : nil }, endDay: endDay,
                status: status.hasSuffix("EventCancelled") ? .cancelled : soldOut ? .soldOut : .scheduled,
                labels: labels, line: e.line, name: e["name"]?.text))
            if log.issues.count > 200 { break }
        }
        guard log.issues.isEmpty else { throw log.error }
        return (try builder.validCatalog(log: &log), log.warnings)
    }

    /// A `Movie` (or any work) as a film.
    static func work(_ m: JSONNode) -> CatalogBuilder.Work {
        let people = list(m["director"]).compactMap { $0["name"]?.text ?? $0.text }
        let links = (list(m["url"]) + list(m["sameAs"])).compactMap(\.text)
        return CatalogBuilder.Work(
            title: m["name"]?.text, description: { m["description"]?.text.map(ICSValues.plainText) },
            categories: list(m["genre"]).compactMap(\.text), links: links, people: people, role: .director,
            country: list(m["countryOfOrigin"]).first.flatMap { $0["name"]?.text ?? $0.text },
            runtimeMinutes: m["duration"]?.text.flatMap(ICSValues.duration).map { ($0 + 59) / 60 }.flatMap { $0 > 0 ? $0 : nil })
    }

    static func geo(_ g: JSONNode) -> Geo? {
        func number(_ n: JSONNode?) -> Double? {
            switch n?.value {
            case .double(let d): return d
            case .int(let i): return Double(i)
            case .string(let s): return Double(s)
            default: return nil
            }
        }
        guard let lat = number(g["latitude"]), let lon = number(g["longitude"]), (-90...90).contains(lat), (-180...180).contains(lon) else { return nil }
        return Geo(lat: lat, lon: lon)
    }

    /// A value that may be one thing or a list of them.
    static func list(_ n: JSONNode?) -> [JSONNode] {
        guard let n else { return [] }
        return n.elements ?? [n]
    }

    /// The node's types without a vocabulary prefix (`schema:`, `https://schema.org/`).
    static func types(_ n: JSONNode) -> [String] {
        list(n["@type"]).compactMap(\.string).map { t in String(t.split(whereSeparator: { $0 == "/" || $0 == ":" }).last ?? Substring(t)) }
    }

    /// Every event in the tree (an event's own sub-events too), and the first `Festival`.
    static func collect(_ n: JSONNode, into events: inout [JSONNode], festival: inout JSONNode?) {
        switch n.value {
        case .array(let items): for i in items { collect(i, into: &events, festival: &festival) }
        case .object(let members):
            let t = types(n)
            if t.contains("Festival") { if festival == nil { festival = n } }
            else if t.contains(where: { $0.hasSuffix("Event") }), n["startDate"] != nil { events.append(n) }
            for (key, value) in members where key != "superEvent" && key != "workPresented" && key != "location" {
                collect(value, into: &events, festival: &festival)
            }
        default: break
        }
    }

    /// Every object with an `@id` and more than that id, by its id (the first of each).
    static func index(_ n: JSONNode, into byID: inout [String: JSONNode]) {
        switch n.value {
        case .array(let items): for i in items { index(i, into: &byID) }
        case .object(let members):
            if members.count > 1, let id = n["@id"]?.text, byID[id] == nil { byID[id] = n }
            for (_, value) in members { index(value, into: &byID) }
        default: break
        }
    }

    /// The JSON documents in the bytes: the whole file, or each ld+json script of a web page
    /// with the line it starts on.
    static func documents(_ bytes: [UInt8]) -> [(bytes: [UInt8], line: Int)] {
        let first = bytes.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        guard first == UInt8(ascii: "<") else { return [(bytes, 1)] }
        var out: [(bytes: [UInt8], line: Int)] = []
        var i = 0, line = 1, counted = 0
        while let open = find(Array("<script".utf8), in: bytes, from: i) {
            guard let close = find(Array(">".utf8), in: bytes, from: open) else { break }
            let tag = String(decoding: bytes[open...close], as: UTF8.self).lowercased()
            guard let end = find(Array("</script".utf8), in: bytes, from: close + 1) else { break }
            if tag.contains("application/ld+json") {
                line += bytes[counted...close].lazy.filter { $0 == 0x0A }.count
                counted = close + 1
                out.append((Array(bytes[(close + 1)..<end]), line))
            }
            i = end + 1
        }
        return out
    }

    /// Where `needle` (lower-case ASCII) first is in `hay` from `from`, letters compared
    /// without case.
    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard needle.count <= hay.count, let first = needle.first else { return nil }
        @inline(__always) func lower(_ b: UInt8) -> UInt8 { (0x41...0x5A).contains(b) ? b + 0x20 : b }
        var i = from
        while i + needle.count <= hay.count {
            if lower(hay[i]) == first {
                var j = 1
                while j < needle.count, lower(hay[i + j]) == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// The tree with its lines moved down (a script's JSON starts on a page's line `n + 1`).
    static func shifted(_ n: JSONNode, by lines: Int) -> JSONNode {
        guard lines > 0 else { return n }
        var copy = n
        copy.line += lines
        switch n.value {
        case .array(let a): copy.value = .array(a.map { shifted($0, by: lines) })
        case .object(let m): copy.value = .object(m.map { ($0.key, shifted($0.value, by: lines)) })
        default: break
        }
        return copy
    }
}

extension JSONNode {
    /// A string, a number as text, or a language-tagged value's `@value` (the first of a list).
    var text: String? {
        switch value {
        case .string(let s):
            let t = s.trimmed
            return t.isEmpty ? nil : t
        case .int(let i): return String(i)
        case .object: return self["@value"]?.text
        case .array(let a): return a.lazy.compactMap(\.text).first
        default: return nil
        }
    }
}
