import FestivalCatalog
import TextGrid

/// Turns the events a foreign format lists into a catalog: one film per distinct title,
/// one venue per distinct place, one screening per event, with ids that stay the same when
/// a newer version of the same feed is imported (so the shelf keeps its entries):
///
/// - a film's id is its title's slug (`Total Pixel Space` → `total-pixel-space`);
/// - a venue's id is `venue-` and its name's slug;
/// - a screening's id is `s-` and the slug of its UID (or guid) cut to 40 characters, then
///   8 hex digits of a hash of the whole UID (and of the occurrence's start, for a
///   recurring event), so that long or non-Latin UIDs stay distinct.
///
/// A slug is the lower-cased ASCII letters and digits, with `-` for every other run; a
/// title with none of those (all Chinese, say) gets `film-` and a hash instead; a slug
/// taken by another title gets `-2`, `-3`….
struct CatalogBuilder {
    /// A film (or talk) an event presents.
    struct Work {
        var title: String?
        /// The description, made only for the first event of a film (most repeat it).
        var description: () -> String?
        var categories: [String] = []
        var links: [String] = []
        /// People's names: directors (CSV, JSON-LD) or speakers (frab), as `role` says.
        var people: [String] = []
        var role: Person.Role = .director
        var country: String?
        var runtimeMinutes: Int?
    }

    struct Event {
        var uid: String?
        var occurrence: LocalStart?
        /// What it shows in running order: one film, or a programme of several.
        var works: [Work]
        var location: String?
        var address: String?
        var city: String?
        var geo: Geo?
        var start: LocalStart?
        /// The start on one clock, when it has a time of day.
        var instant: Int?
        /// The zone the feed gave the time in (nil: UTC with no zone of its own).
        var zone: String?
        var minutes: Int?
        var endDay: PartialDate?
        var status: Screening.Status
        var labels: [String] = []
        /// Where the event is in the file, for warnings.
        var line: Int?
        /// The event's own name when it is not its film's (a programme's, say).
        var name: String?
    }

    let file: String
    var name: String?
    /// The catalog id's prefix: `ics-`, `csv-`.
    var prefix = "ics-"
    private var films: [Film] = [], filmByKey: [String: Int] = [:]
    private var venues: [Venue] = [], venueByKey: [String: Int] = [:]
    private var screenings: [Screening] = [], screeningIDs: Set<String> = [], repeats: [String: Int] = [:]
    /// Each screening's instant, and the zones each venue's events were given in.
    private var instants: [Int?] = [], lines: [Int?] = [], venueZones: [String: [String: Int]] = [:]
    private var usedFilmIDs: Set<String> = []
    private var people: [Person] = [], personByName: [String: Int] = [:], usedPersonIDs: Set<String> = []
    private var usedVenueIDs: Set<String> = []
    /// The festival's short name (else its name), organizer and website, when the feed names them.
    var shortName: String?
    var organizer: String?
    var website: String?

    init(file: String, name: String?) {
        self.file = file
        self.name = name
    }

    static let sourceID = "imported-file"

    mutating func add(_ e: Event) {
        var filmIDs: [String] = []
        // Two works of one title in a programme are one film, listed once.
        for w in e.works.isEmpty ? [Work(title: e.name, description: { nil })] : e.works {
            let id = film(for: w)
            if !filmIDs.contains(id) { filmIDs.append(id) }
        }
        let title = e.works.first?.title ?? e.name ?? "untitled"
        var venueID: String?
        if let place = e.location {
            if let i = venueByKey[place] {
                venueID = venues[i].id
            } else {
                var id = "venue-" + (Self.slug(place) ?? Self.hash(place))
                while usedVenueIDs.contains(id) { id += "-" + Self.hash(place + id) }
                usedVenueIDs.insert(id)
                venues.append(Venue(id: id, name: Self.text(place), city: e.city.map(Self.text), address: e.address, timeZone: e.zone, geo: e.geo,
                                    sources: [Self.sourceID]))
                venueByKey[place] = venues.count - 1
                venueID = id
            }
        } else if e.start?.minute != nil {
            let zone = e.zone ?? "UTC"
            // A timed screening needs a venue for its zone: one "place unknown" venue per zone.
            let key = "\u{0}" + zone
            if let i = venueByKey[key] { venueID = venues[i].id } else {
                var id = "venue-unknown-" + (Self.slug(zone) ?? Self.hash(zone))
                while usedVenueIDs.contains(id) { id += "-" + Self.hash(zone + id) }
                usedVenueIDs.insert(id)
                venues.append(Venue(id: id, name: LocalizedText(zhHant: "地點不詳", en: "Place unknown"), city: nil, address: nil,
                                    timeZone: zone, geo: nil, sources: [Self.sourceID]))
                venueByKey[key] = venues.count - 1
                venueID = id
            }
        }
        let seed = (e.uid ?? "\(title)|\(e.start?.description ?? "")") + (e.occurrence.map { "|" + $0.description } ?? "")
        var id = "s-" + String((Self.slug(e.uid ?? title) ?? "event").prefix(40)) + "-" + Self.hash(seed)
        if screeningIDs.contains(id) {
            // The same UID again: `-2`, `-3`… in file order (counted per id, so many repeats stay linear).
            var n = repeats[id, default: 1]
            repeat { n += 1 } while screeningIDs.contains("\(id)-\(n)")
            repeats[id] = n
            id = "\(id)-\(n)"
        }
        screeningIDs.insert(id)
        var notes: [String] = []
        if let name = e.name, e.works.count > 1 || e.works.first?.title.map({ Self.key($0) != Self.key(name) }) == true { notes.append(name) }
        var zhNotes = notes, enNotes = notes
        if let day = e.endDay { zhNotes.append("持續至 \(day)"); enNotes.append("Runs until \(day)") }
        let note = notes.isEmpty && e.endDay == nil ? nil
            : LocalizedText(zhHant: zhNotes.joined(separator: "；"), en: enNotes.joined(separator: "; "))
        screenings.append(Screening(id: id, films: filmIDs, venue: venueID, start: e.start, duration: e.minutes, event: nil,
                                    status: e.status, labels: e.labels, note: note, sources: [Self.sourceID]))
        instants.append(e.instant)
        lines.append(e.line)
        if let venueID, let zone = e.zone { venueZones[venueID, default: [:]][zone, default: 0] += 1 }
    }

    /// The film a work is: the one of the same title (case and spaces folded), else a new one.
    private mutating func film(for w: Work) -> String {
        let title = w.title ?? "untitled"
        let key = Self.key(title)
        if let i = filmByKey[key] {
            for style in w.categories.map(Self.text) where !films[i].styles.contains(style) { films[i].styles.append(style) }
            if films[i].runtimeSeconds == nil { films[i].runtimeSeconds = w.runtimeMinutes.map { $0 * 60 } }
            return films[i].id
        }
        var id = Self.slug(title) ?? "film-" + Self.hash(title)
        if usedFilmIDs.contains(id) { var n = 2; while usedFilmIDs.contains("\(id)-\(n)") { n += 1 }; id = "\(id)-\(n)" }
        usedFilmIDs.insert(id)
        var styles: [LocalizedText] = []
        for style in w.categories.map(Self.text) where !styles.contains(style) { styles.append(style) }
        var links: [Link] = []
        for url in w.links where URLCheck.isWebURL(url) && !links.contains(where: { $0.url == url }) { links.append(Link(kind: .info, url: url, label: nil)) }
        var people: [String] = []
        for name in w.people where !name.isEmpty { let id = person(name, role: w.role); if !people.contains(id) { people.append(id) } }
        films.append(Film(id: id, title: Self.text(title), directors: people, award: nil, runtimeSeconds: w.runtimeMinutes.map { $0 * 60 },
                          country: w.country.map(Self.text), styles: styles,
                          synopsis: w.description().map(Self.text), links: links, note: nil, sources: [Self.sourceID]))
        filmByKey[key] = films.count - 1
        return id
    }

    /// Case and runs of spaces folded: how two titles are found the same.
    static func key(_ title: String) -> String {
        title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The id of the person of this name (made on first mention, in `role`).
    private mutating func person(_ name: String, role: Person.Role) -> String {
        if let i = personByName[name] {
            if !people[i].roles.contains(role) { people[i].roles.append(role) }
            return people[i].id
        }
        var id = "person-" + (Self.slug(name) ?? Self.hash(name))
        while usedPersonIDs.contains(id) { id += "-" + Self.hash(name + id) }
        usedPersonIDs.insert(id)
        people.append(Person(id: id, kind: .person, name: Self.text(name), roles: [role], title: nil, affiliation: nil, note: nil,
                             sources: [Self.sourceID]))
        personByName[name] = people.count - 1
        return id
    }

    /// Each venue's zone: the one most of its events were given in (the first of equals in
    /// name order), else UTC; each timed screening's start as the wall clock of that zone.
    private func placed(warnings: inout [CatalogIssue]) -> (venues: [Venue], screenings: [Screening]) {
        var venues = self.venues, screenings = self.screenings
        for i in venues.indices {
            let counts = venueZones[venues[i].id] ?? [:]
            let zone = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
            venues[i].timeZone = zone ?? (screenings.contains { $0.venue == venues[i].id && $0.start?.minute != nil } ? "UTC" : nil)
        }
        let zoneOf = Dictionary(uniqueKeysWithValues: venues.map { ($0.id, $0.timeZone) })
        for i in screenings.indices {
            guard let t = instants[i], let venue = screenings[i].venue, let name = zoneOf[venue] ?? nil, let zone = LocalTime.zone(name) else { continue }
            let local = ICSTimeZones.wallClock(t, zone)
            screenings[i].start = local
            // The format names a wall-clock time, and takes the first of a repeated hour.
            if case .ambiguous(let first, _) = LocalTime.resolve(local, minute: local.minute ?? 0, in: zone), first != t {
                warnings.append(CatalogIssue(file: file, path: "", line: lines[i], column: nil,
                                             message: "\(local) happens twice in \(name); this event is the second, but festival's format takes the first (an hour earlier)"))
            }
        }
        return (venues, screenings)
    }

    func catalog() -> Catalog {
        var warnings: [CatalogIssue] = []
        return catalog(warnings: &warnings)
    }

    /// The catalog, and what it could not say exactly (a start in a repeated hour).
    func catalog(warnings: inout [CatalogIssue]) -> Catalog {
        let base = name ?? file.split(separator: "/").last.map(String.init) ?? "calendar"
        let festival = Festival(
            name: Self.text(base), shortName: shortName ?? base, organizer: organizer.map(Self.text), edition: nil,
            description: LocalizedText(zhHant: "由 \(Self.fileName(file)) 匯入的節目（\(films.count) 部影片、\(screenings.count) 場放映）。",
                                       en: "Imported from \(Self.fileName(file)) (\(films.count) films, \(screenings.count) screenings)."),
            website: website.flatMap { URLCheck.isWebURL($0) ? $0 : nil }, submissions: nil, finalistCount: nil, events: [], prizeTiers: [], jury: [], juryNote: nil, sources: [Self.sourceID])
        let source = Source(id: Self.sourceID, title: Self.fileName(file), author: nil, person: nil, publisher: nil, url: nil, date: nil,
                            language: "und", note: nil)
        let (venues, screenings) = placed(warnings: &warnings)
        // By start (unknown last), then id.
        let sorted = screenings.sorted { a, b in
            switch (a.start, b.start) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.id < b.id
            }
        }
        return Catalog(id: prefix + (Self.slug(shortName ?? base) ?? Self.hash(base)), festival: festival, topics: [], people: people, films: films,
                       venues: venues, screenings: sorted, travel: [], quotes: [], sources: [source])
    }

    /// `catalog()`, checked as a loaded catalog is (an error in `log` otherwise).
    func validCatalog(log: inout ImportLog) throws(CatalogError) -> Catalog {
        let catalog = catalog(warnings: &log.warnings)
        if let problem = catalog.integrityProblem() {
            log.add(line: nil, "", "the imported catalog is not valid: \(problem)")
            throw log.error
        }
        return catalog
    }

    static func fileName(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }

    /// In `zh-Hant` when it holds Han characters, else `en`.
    static func text(_ s: String) -> LocalizedText {
        let han = s.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
        return han ? LocalizedText(zhHant: s, en: nil) : LocalizedText(zhHant: nil, en: s)
    }

    /// Lower-cased ASCII letters and digits, `-` between runs; nil when none (at most 60).
    static func slug(_ s: String) -> String? {
        var out = "", dash = false
        for scalar in s.unicodeScalars {
            let c = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
            if (c >= "a" && c <= "z") || (c >= "0" && c <= "9") {
                if dash && !out.isEmpty { out.append("-") }
                out.unicodeScalars.append(c)
                dash = false
                if out.count >= 60 { break }
            } else {
                dash = true
            }
        }
        return out.isEmpty ? nil : out
    }

    /// 8 hex digits of FNV-1a over the UTF-8 bytes.
    static func hash(_ s: String) -> String {
        var h: UInt32 = 0x811C_9DC5
        for b in s.utf8 { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
