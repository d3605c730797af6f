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
    struct Event {
        var uid: String?
        var occurrence: LocalStart?
        var title: String?
        /// The description, made only for the first event of a film (most repeat it).
        var description: () -> String?
        var categories: [String]
        var url: String?
        var location: String?
        var geo: Geo?
        var start: LocalStart?
        /// The start on one clock, when it has a time of day.
        var instant: Int?
        /// The zone the feed gave the time in (nil: UTC with no zone of its own).
        var zone: String?
        var minutes: Int?
        var endDay: PartialDate?
        var status: Screening.Status
        /// Directors' names (CSV); none from a calendar.
        var directors: [String] = []
        var country: String?
    }

    let file: String
    let name: String?
    /// The catalog id's prefix: `ics-`, `csv-`.
    var prefix = "ics-"
    private var films: [Film] = [], filmByKey: [String: Int] = [:]
    private var venues: [Venue] = [], venueByKey: [String: Int] = [:]
    private var screenings: [Screening] = [], screeningIDs: Set<String> = []
    /// Each screening's instant, and the zones each venue's events were given in.
    private var instants: [Int?] = [], venueZones: [String: [String: Int]] = [:]
    private var usedFilmIDs: Set<String> = []
    private var people: [Person] = [], personByName: [String: String] = [:]

    init(file: String, name: String?) {
        self.file = file
        self.name = name
    }

    static let sourceID = "imported-file"

    mutating func add(_ e: Event) {
        let title = e.title ?? "untitled"
        let key = title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let filmIndex: Int
        if let i = filmByKey[key] {
            filmIndex = i
            for style in e.categories.map(Self.text) where !films[i].styles.contains(style) { films[i].styles.append(style) }
        } else {
            var id = Self.slug(title) ?? "film-" + Self.hash(title)
            if usedFilmIDs.contains(id) { var n = 2; while usedFilmIDs.contains("\(id)-\(n)") { n += 1 }; id = "\(id)-\(n)" }
            usedFilmIDs.insert(id)
            var styles: [LocalizedText] = []
            for style in e.categories.map(Self.text) where !styles.contains(style) { styles.append(style) }
            let links = e.url.flatMap { URLCheck.isWebURL($0) ? [Link(kind: .info, url: $0, label: nil)] : nil } ?? []
            films.append(Film(id: id, title: Self.text(title), directors: e.directors.map { person($0) }, award: nil, runtimeSeconds: nil,
                              country: e.country.map(Self.text), styles: styles,
                              synopsis: e.description().map(Self.text), links: links, note: nil, sources: [Self.sourceID]))
            filmIndex = films.count - 1
            filmByKey[key] = filmIndex
        }
        var venueID: String?
        if let place = e.location {
            if let i = venueByKey[place] {
                venueID = venues[i].id
            } else {
                var id = "venue-" + (Self.slug(place) ?? Self.hash(place))
                while venues.contains(where: { $0.id == id }) { id += "-" + Self.hash(place + id) }
                venues.append(Venue(id: id, name: Self.text(place), city: nil, address: nil, timeZone: e.zone, geo: e.geo, sources: [Self.sourceID]))
                venueByKey[place] = venues.count - 1
                venueID = id
            }
        } else if e.start?.minute != nil {
            let zone = e.zone ?? "UTC"
            // A timed screening needs a venue for its zone: one "place unknown" venue per zone.
            let key = "\u{0}" + zone
            if let i = venueByKey[key] { venueID = venues[i].id } else {
                let id = "venue-unknown-" + (Self.slug(zone) ?? Self.hash(zone))
                venues.append(Venue(id: id, name: LocalizedText(zhHant: "地點不詳", en: "Place unknown"), city: nil, address: nil,
                                    timeZone: zone, geo: nil, sources: [Self.sourceID]))
                venueByKey[key] = venues.count - 1
                venueID = id
            }
        }
        let seed = (e.uid ?? "\(title)|\(e.start?.description ?? "")") + (e.occurrence.map { "|" + $0.description } ?? "")
        var id = "s-" + String((Self.slug(e.uid ?? title) ?? "event").prefix(40)) + "-" + Self.hash(seed)
        while screeningIDs.contains(id) { id += "-" + Self.hash(id) }
        screeningIDs.insert(id)
        let note = e.endDay.map { LocalizedText(zhHant: "持續至 \($0)", en: "Runs until \($0)") }
        screenings.append(Screening(id: id, films: [films[filmIndex].id], venue: venueID, start: e.start, duration: e.minutes, event: nil,
                                    status: e.status, labels: [], note: note, sources: [Self.sourceID]))
        instants.append(e.instant)
        if let venueID, let zone = e.zone { venueZones[venueID, default: [:]][zone, default: 0] += 1 }
    }

    /// The id of the person of this name (made on first mention, a director).
    private mutating func person(_ name: String) -> String {
        if let id = personByName[name] { return id }
        var id = "person-" + (Self.slug(name) ?? Self.hash(name))
        while people.contains(where: { $0.id == id }) { id += "-" + Self.hash(name + id) }
        people.append(Person(id: id, kind: .person, name: Self.text(name), roles: [.director], title: nil, affiliation: nil, note: nil,
                             sources: [Self.sourceID]))
        personByName[name] = id
        return id
    }

    /// Each venue's zone: the one most of its events were given in (the first of equals in
    /// name order), else UTC; each timed screening's start as the wall clock of that zone.
    private func placed() -> (venues: [Venue], screenings: [Screening]) {
        var venues = self.venues, screenings = self.screenings
        for i in venues.indices {
            let counts = venueZones[venues[i].id] ?? [:]
            let zone = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
            venues[i].timeZone = zone ?? (screenings.contains { $0.venue == venues[i].id && $0.start?.minute != nil } ? "UTC" : nil)
        }
        let zoneOf = Dictionary(uniqueKeysWithValues: venues.map { ($0.id, $0.timeZone) })
        for i in screenings.indices {
            guard let t = instants[i], let venue = screenings[i].venue, let name = zoneOf[venue] ?? nil, let zone = LocalTime.zone(name) else { continue }
            screenings[i].start = ICSTimeZones.wallClock(t, zone)
        }
        return (venues, screenings)
    }

    func catalog() -> Catalog {
        let base = name ?? file.split(separator: "/").last.map(String.init) ?? "calendar"
        let festival = Festival(
            name: Self.text(base), shortName: base, organizer: nil, edition: nil,
            description: LocalizedText(zhHant: "由 \(Self.fileName(file)) 匯入的節目（\(films.count) 部影片、\(screenings.count) 場放映）。",
                                       en: "Imported from \(Self.fileName(file)) (\(films.count) films, \(screenings.count) screenings)."),
            website: nil, submissions: nil, finalistCount: nil, events: [], prizeTiers: [], jury: [], juryNote: nil, sources: [Self.sourceID])
        let source = Source(id: Self.sourceID, title: Self.fileName(file), author: nil, person: nil, publisher: nil, url: nil, date: nil,
                            language: "und", note: nil)
        let (venues, screenings) = placed()
        let sorted = screenings.sorted { ($0.start?.description ?? "~", $0.id) < ($1.start?.description ?? "~", $1.id) }
        return Catalog(id: prefix + (Self.slug(base) ?? Self.hash(base)), festival: festival, topics: [], people: people, films: films,
                       venues: venues, screenings: sorted, travel: [], quotes: [], sources: [source])
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
