import FestivalCatalog
import FestivalLibrary
import FestivalSchedule
import FestivalText
import Foundation
import TextGrid

/// Screenings as an iCalendar file (RFC 5545): one `VEVENT` each, its `UID` the catalog's
/// and the screening's ids (so a calendar that imports it again updates instead of
/// duplicating), local times with a `VTIMEZONE` per zone (its transitions over the years
/// the screenings span), a day alone as an all-day event; text escaped, lines folded at
/// 75 octets, CRLF. A screening with no known day cannot be in a calendar and is skipped
/// (`skipped` says which).
public enum ICalendar {
    public static func calendar(_ entries: [Timetable.Entry], catalog: Catalog, shelf: Shelf, language l: Language,
                                stamp: Date, productVersion: String?) -> (text: String, skipped: [String]) {
        let product = "festival" + (productVersion.map { " " + $0 } ?? "")
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//festival//\(product)//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(catalog.festival.name.text(l))]
        let dated = entries.filter { $0.day != nil }
        let zones = Set(dated.compactMap { $0.start != nil ? $0.venue?.timeZone : nil }).sorted()
        for name in zones {
            let instants = dated.filter { $0.venue?.timeZone == name }.compactMap(\.start)
            if let zone = LocalTime.zone(name), let first = instants.min(), let last = instants.max() {
                lines += timeZone(name, zone, from: first, to: last)
            }
        }
        for entry in dated { lines += event(entry, catalog: catalog, shelf: shelf, l, stamp: stamp) }
        lines.append("END:VCALENDAR")
        let text = lines.map(fold).joined(separator: "\r\n") + "\r\n"
        return (text, entries.filter { $0.day == nil }.map(\.id))
    }

    /// A calendar of these screenings (in time order), stamped now.
    public static func screenings(_ ids: [String], _ catalog: Catalog, _ shelf: Shelf, _ l: Language, stamp: Date = Date()) -> String {
        let wanted = Set(ids)
        let entries = Timetable(catalog: catalog).entries.filter { wanted.contains($0.id) }
        return calendar(entries, catalog: catalog, shelf: shelf, language: l, stamp: stamp, productVersion: nil).text
    }

    /// A calendar of every screening that shows one of these films.
    public static func screenings(ofFilms films: [String], _ catalog: Catalog, _ shelf: Shelf, _ l: Language, stamp: Date = Date()) -> String {
        let wanted = Set(films)
        let ids = catalog.screenings.filter { !wanted.isDisjoint(with: $0.films) }.map(\.id)
        return screenings(ids, catalog, shelf, l, stamp: stamp)
    }


    static func event(_ e: Timetable.Entry, catalog: Catalog, shelf: Shelf, _ l: Language, stamp: Date) -> [String] {
        let s = e.screening
        let films = s.films.compactMap(catalog.film)
        var lines = ["BEGIN:VEVENT", "UID:\(s.id)@\(catalog.id).festival", "DTSTAMP:" + utc(Int(stamp.timeIntervalSince1970))]
        if let start = e.start, let zone = e.venue?.timeZone.flatMap(LocalTime.zone), let name = e.venue?.timeZone {
            lines.append("DTSTART;TZID=\(name):" + local(start, zone))
            if let end = e.end { lines.append("DTEND;TZID=\(name):" + local(end, zone)) }
        } else if let day = e.day {
            let n = LocalTime.daysSince1970(year: day.year, month: day.month!, day: day.day!)
            lines.append("DTSTART;VALUE=DATE:" + date(n))
            lines.append("DTEND;VALUE=DATE:" + date(n + 1))
        }
        lines.append("SUMMARY:" + escape(films.map { $0.title.text(l) }.joined(separator: " / ")))
        if let venue = e.venue {
            let place = [venue.name.text(l), venue.address, venue.city?.text(l)].compactMap { $0 }
            lines.append("LOCATION:" + escape(place.joined(separator: ", ")))
            if let geo = venue.geo { lines.append("GEO:\(geo.lat);\(geo.lon)") }
        }
        var about: [String] = []
        for film in films {
            var line = film.title.text(l) + " — " + Format.directors(film, in: catalog, l) + " (" + Format.runtime(film, l) + ")"
            if let p = shelf.priority(film: film.id) { line += " · " + UIString.priority.text(l) + " \(p)" }
            about.append(line)
            if let note = shelf.note(.film(film.id)) { about.append(UIString.note.text(l) + ": " + note) }
        }
        if !s.labels.isEmpty { about.append(s.labels.joined(separator: ", ")) }
        if let note = s.note { about.append(note.text(l)) }
        if shelf.hasTicket(screening: s.id) { about.append(UIString.ticketHeld.text(l)) }
        lines.append("DESCRIPTION:" + escape(about.joined(separator: "\n")))
        if let url = films.lazy.compactMap({ $0.links.first { URLCheck.isWebURL($0.url) }?.url }).first { lines.append("URL:" + url) }
        lines.append("STATUS:" + (s.status == .cancelled ? "CANCELLED" : s.status == .standby ? "TENTATIVE" : "CONFIRMED"))
        if !s.labels.isEmpty { lines.append("CATEGORIES:" + s.labels.map(escape).joined(separator: ",")) }
        lines.append("END:VEVENT")
        return lines
    }

    /// The zone's offsets from a year before `first` to a year after `last`: each
    /// transition as its own `STANDARD` or `DAYLIGHT` part; a zone without any as one part.
    static func timeZone(_ name: String, _ zone: TimeZone, from first: Int, to last: Int) -> [String] {
        var lines = ["BEGIN:VTIMEZONE", "TZID:" + name]
        var at = Date(timeIntervalSince1970: TimeInterval(first - 366 * 86_400))
        let end = Date(timeIntervalSince1970: TimeInterval(last + 366 * 86_400))
        var parts = 0
        while let t = zone.nextDaylightSavingTimeTransition(after: at), t < end, parts < 200 {
            let before = zone.secondsFromGMT(for: t.addingTimeInterval(-1)), after = zone.secondsFromGMT(for: t)
            let kind = zone.isDaylightSavingTime(for: t) ? "DAYLIGHT" : "STANDARD"
            let seconds = Int(t.timeIntervalSince1970)
            lines += ["BEGIN:" + kind, "DTSTART:" + naive(seconds + before), "TZOFFSETFROM:" + offset(before),
                      "TZOFFSETTO:" + offset(after), "END:" + kind]
            at = t
            parts += 1
        }
        if parts == 0 {
            let o = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(first)))
            lines += ["BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:" + offset(o), "TZOFFSETTO:" + offset(o), "END:STANDARD"]
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    /// Text as a property value: controls shown (never acted on), `\` `;` `,` and line
    /// breaks escaped.
    static func escape(_ text: String) -> String {
        var out = ""
        for ch in Sanitize.text(text) {
            switch ch {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            default: out.append(ch)
            }
        }
        return out
    }

    /// A content line folded after 75 octets (never inside a character), each further
    /// piece after a CRLF and a space.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var pieces: [String] = [], current = "", size = 0, limit = 75
        for scalar in line.unicodeScalars {
            let n = String(scalar).utf8.count
            if size + n > limit {
                pieces.append(current)
                current = ""
                size = 0
                limit = 74
            }
            current.unicodeScalars.append(scalar)
            size += n
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n ")
    }

    static func utc(_ seconds: Int) -> String { naive(seconds) + "Z" }

    static func local(_ seconds: Int, _ zone: TimeZone) -> String {
        naive(seconds + zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
    }

    /// `20250605T193000` for seconds since 1970 read as a wall clock.
    static func naive(_ seconds: Int) -> String {
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let rest = seconds - days * 86_400
        return date(days) + "T" + two(rest / 3_600) + two(rest % 3_600 / 60) + two(rest % 60)
    }

    static func date(_ days: Int) -> String {
        let d = LocalTime.civil(days)
        return String(d.year) + two(d.month) + two(d.day)
    }

    static func offset(_ seconds: Int) -> String {
        let a = abs(seconds)
        return (seconds < 0 ? "-" : "+") + two(a / 3_600) + two(a % 3_600 / 60)
    }

    static func two(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }
}
