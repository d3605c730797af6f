/// Reads a JSON tree into a `Catalog`, collecting every problem instead of stopping at
/// the first, then checks ids and references across the whole catalog.
final class CatalogDecoder {
    enum IDKind: String { case film, person, quote, topic, source, event, prizeTier = "prize tier", venue, screening }

    /// A reference to an id, remembered with its place until all ids are known.
    struct Reference {
        var kind: IDKind
        var id: String
        var node: JSONNode
        var path: String
    }

    let log: IssueLog
    private var references: [Reference] = []
    private var definitions: [IDKind: [String: JSONNode]] = [:]

    init(log: IssueLog) { self.log = log }

    func decode(_ root: JSONNode) -> Catalog? {
        guard let r = FieldReader(root, "", log: log, allowed: ["schemaVersion", "id", "festival", "topics", "people", "films", "venues", "screenings", "travel", "quotes", "sources"]) else { return nil }
        let id = r.id()
        let fest = r.value("festival", .required).flatMap { self.festival($0, "festival") }
        let topics = r.array("topics").compactMap { topic($0.node, $0.path) }
        let people = r.array("people").compactMap { person($0.node, $0.path) }
        let films = r.array("films").compactMap { film($0.node, $0.path) }
        let venues = r.array("venues", .optional).compactMap { venue($0.node, $0.path) }
        let screenings = r.array("screenings", .optional).compactMap { item in screening(item.node, item.path).map { (item, $0) } }
        let travel = r.array("travel", .optional).compactMap { trip($0.node, $0.path) }
        let quotes = r.array("quotes").compactMap { quote($0.node, $0.path) }
        let sources = r.array("sources").compactMap { source($0.node, $0.path) }
        checkReferences()
        checkStarts(screenings, venues: venues)
        guard let id, let fest else { return nil }
        return Catalog(id: id, festival: fest, topics: topics, people: people, films: films, venues: venues,
                       screenings: screenings.map(\.1), travel: travel, quotes: quotes, sources: sources)
    }

    // MARK: - Ids and references

    /// Records an id definition; a second definition of the same id is an error.
    private func define(_ kind: IDKind, _ r: FieldReader) -> String? {
        guard let id = r.id(), let node = r.value("id", .required) else { return nil }
        if let first = definitions[kind]?[id] {
            log.add(node, r.sub("id"), "duplicate \(kind.rawValue) id \"\(id)\" (first defined at line \(first.line))")
            return nil
        }
        definitions[kind, default: [:]][id] = node
        return id
    }

    private func ref(_ kind: IDKind, _ r: FieldReader, _ key: String, _ presence: Presence = .required) -> String? {
        guard let v = r.value(key, presence) else { return nil }
        return ref(kind, v, r.sub(key))
    }

    private func ref(_ kind: IDKind, _ v: JSONNode, _ path: String) -> String? {
        guard let s = FieldReader.string(v, path, log), let id = FieldReader.checkID(s, v, path, log) else { return nil }
        references.append(Reference(kind: kind, id: id, node: v, path: path))
        return id
    }

    /// A list of references: at most `Catalog.maxReferences`, each id once.
    private func refs(_ kind: IDKind, _ r: FieldReader, _ key: String, nonEmpty: Bool = false) -> [String] {
        let items = r.array(key)
        if nonEmpty && items.isEmpty, let v = r.value(key, .optional) { log.add(v, r.sub(key), "needs at least one id") }
        if items.count > Catalog.maxReferences, let v = r.value(key, .optional) {
            log.add(v, r.sub(key), "lists \(items.count) ids; a list holds at most \(Catalog.maxReferences)")
            return []
        }
        var seen = Set<String>()
        return items.compactMap { item in
            guard let id = ref(kind, item.node, item.path) else { return nil }
            guard seen.insert(id).inserted else {
                log.add(item.node, item.path, "\(kind.rawValue) id \"\(id)\" is already in this list")
                return nil
            }
            return id
        }
    }

    private func checkReferences() {
        for reference in references where definitions[reference.kind]?[reference.id] == nil {
            log.add(reference.node, reference.path, "unknown \(reference.kind.rawValue) id \"\(reference.id)\"")
        }
    }

    /// Each timed screening's start on one clock (`Catalog.startProblem`), once venues are known.
    private func checkStarts(_ screenings: [((node: JSONNode, path: String), Screening)], venues: [Venue]) {
        let byID = Dictionary(venues.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (item, screening) in screenings {
            guard let problem = Catalog.startProblem(screening.start, venue: screening.venue.flatMap { byID[$0] }) else { continue }
            var node = item.node
            if case .object(let members) = node.value, let start = members.first(where: { $0.key == "start" }) { node = start.value }
            log.add(node, item.path + ".start", problem)
        }
    }

    // MARK: - Types

    private func festival(_ node: JSONNode, _ path: String) -> Festival? {
        guard let r = FieldReader(node, path, log: log, allowed: ["name", "shortName", "organizer", "edition", "description", "website", "submissions", "finalistCount", "events", "prizeTiers", "jury", "juryNote", "sources"]) else { return nil }
        let name = r.text("name"), shortName = r.string("shortName"), organizer = r.text("organizer", .nullable)
        let edition = r.text("edition", .nullable), description = r.text("description")
        let website = r.url("website")
        var submissions: Submissions?
        if let v = r.value("submissions", .nullable), let s = FieldReader(v, r.sub("submissions"), log: log, allowed: ["count", "approximate", "note"]) {
            if let count = s.int("count", min: 0), let approximate = s.bool("approximate") {
                submissions = Submissions(count: count, approximate: approximate, note: s.text("note", .optional))
            }
        }
        let finalistCount = r.int("finalistCount", .nullable, min: 1)
        let events = r.array("events").compactMap { event($0.node, $0.path) }
        let tiers = r.array("prizeTiers").compactMap { prizeTier($0.node, $0.path) }
        let jury = refs(.person, r, "jury")
        let juryNote = r.text("juryNote", .optional)
        let sources = refs(.source, r, "sources")
        guard let name, let shortName, let description else { return nil }
        return Festival(name: name, shortName: shortName, organizer: organizer, edition: edition, description: description,
                        website: website, submissions: submissions, finalistCount: finalistCount, events: events,
                        prizeTiers: tiers.sorted { $0.rank < $1.rank }, jury: jury, juryNote: juryNote, sources: sources)
    }

    private func event(_ node: JSONNode, _ path: String) -> Event? {
        guard let r = FieldReader(node, path, log: log, allowed: ["id", "name", "date", "dateNote", "venue", "city", "sources"]) else { return nil }
        let id = define(.event, r), name = r.text("name")
        let e = Event(id: id ?? "", name: name ?? LocalizedText(), date: r.date("date"), dateNote: r.text("dateNote", .optional),
                      venue: r.text("venue", .nullable), city: r.text("city", .nullable), sources: refs(.source, r, "sources"))
        return id != nil && name != nil ? e : nil
    }

    private func prizeTier(_ node: JSONNode, _ path: String) -> PrizeTier? {
        guard let r = FieldReader(node, path, log: log, allowed: ["id", "name", "rank", "places", "prize", "note"]) else { return nil }
        let id = define(.prizeTier, r), name = r.text("name"), rank = r.int("rank", min: 1)
        let places = r.text("places", .nullable), prize = r.text("prize", .nullable), note = r.text("note", .optional)
        guard let id, let name, let rank else { return nil }
        return PrizeTier(id: id, name: name, rank: rank, places: places, prize: prize, note: note)
    }

    private func topic(_ node: JSONNode, _ path: String) -> Topic? {
        guard let r = FieldReader(node, path, log: log, allowed: ["id", "name"]) else { return nil }
        let id = define(.topic, r), name = r.text("name")
        guard let id, let name else { return nil }
        return Topic(id: id, name: name)
    }

    private func person(_ node: JSONNode, _ path: String) -> Person? {
        guard let r = FieldReader(node, path, log: log, allowed: ["id", "kind", "name", "roles", "title", "affiliation", "note", "sources"]) else { return nil }
        let id = define(.person, r), kind = r.enumValue("kind", Person.Kind.self), name = r.text("name")
        let roles: [Person.Role] = r.array("roles").compactMap { item in
            guard let s = FieldReader.string(item.node, item.path, log) else { return nil }
            guard let role = Person.Role(rawValue: s) else {
                log.add(item.node, item.path, "\"\(s)\" is not a role (one of: \(Person.Role.allCases.map(\.rawValue).joined(separator: ", ")))")
                return nil
            }
            return role
        }
        let title = r.text("title", .nullable), affiliation = r.text("affiliation", .nullable), note = r.text("note", .optional)
        let sources = refs(.source, r, "sources")
        guard let id, let kind, let name else { return nil }
        return Person(id: id, kind: kind, name: name, roles: roles, title: title, affiliation: affiliation, note: note, sources: sources)
    }

    private func film(_ node: JSONNode, _ path: String) -> Film? {
        guard let r = FieldReader(node, path, log: log, allowed: ["id", "title", "directors", "award", "runtimeSeconds", "country", "styles", "synopsis", "links", "note", "sources"]) else { return nil }
        let id = define(.film, r), title = r.text("title")
        let directors = refs(.person, r, "directors")
        var award: Award?
        if let v = r.value("award", .nullable), let a = FieldReader(v, r.sub("award"), log: log, allowed: ["tier", "place"]) {
            let tierValue = a.value("tier", .nullable)
            let tier = tierValue.flatMap { ref(.prizeTier, $0, a.sub("tier")) }
            let place = a.int("place", .nullable, min: 1)
            if tierValue == nil, place == nil {
                log.add(v, r.sub("award"), "an award needs a tier or a place (write \"award\": null when neither is known)")
            } else if tierValue == nil || tier != nil {
                award = Award(tier: tier, place: place)
            }
        }
        let runtime = r.int("runtimeSeconds", .nullable, min: 1)
        let country = r.text("country", .nullable)
        let styles = r.array("styles").compactMap { FieldReader.text($0.node, $0.path, log) }
        let synopsis = r.text("synopsis", .nullable)
        let links: [Link] = r.array("links").compactMap { item in
            guard let l = FieldReader(item.node, item.path, log: log, allowed: ["kind", "url", "label"]) else { return nil }
            let kind = l.enumValue("kind", Link.Kind.self), url = l.url("url", .required), label = l.text("label", .optional)
            guard let kind, let url else { return nil }
            return Link(kind: kind, url: url, label: label)
        }
        let note = r.text("note", .optional)
        let sources = refs(.source, r, "sources")
        guard let id, let title else { return nil }
        return Film(id: id, title: title, directors: directors, award: award, runtimeSeconds: runtime, country: country,
                    styles: styles, synopsis: synopsis, links: links, note: note, sources: sources)
    }

    private func venue(_ node: JSONNode, _ path: String) -> Venue? {
        guard let r = FieldReader(node, path, log: log, allowed: ["id", "name", "city", "address", "timeZone", "geo", "sources"]) else { return nil }
        let id = define(.venue, r), name = r.text("name"), city = r.text("city", .nullable)
        let address = r.string("address", .nullable)
        var zone = r.string("timeZone", .nullable)
        if let name = zone, LocalTime.zone(name) == nil, let v = r.value("timeZone", .nullable) {
            log.add(v, r.sub("timeZone"), "\"\(name)\" is not a time zone this system knows (an IANA name such as \"America/New_York\")")
            zone = nil
        }
        var geo: Geo?
        if let v = r.value("geo", .nullable), let g = FieldReader(v, r.sub("geo"), log: log, allowed: ["lat", "lon"]),
           let lat = g.number("lat"), let lon = g.number("lon") {
            geo = Geo(lat: lat, lon: lon)
            if !geo!.isValid { log.add(v, r.sub("geo"), "lat must be within ±90 and lon within ±180"); geo = nil }
        }
        let sources = refs(.source, r, "sources")
        guard let id, let name else { return nil }
        return Venue(id: id, name: name, city: city, address: address, timeZone: zone, geo: geo, sources: sources)
    }

    private func screening(_ node: JSONNode, _ path: String) -> Screening? {
        guard let r = FieldReader(node, path, log: log, allowed: ["id", "films", "venue", "start", "duration", "event", "status", "labels", "note", "sources"]) else { return nil }
        let id = define(.screening, r), films = refs(.film, r, "films", nonEmpty: true)
        let venue = ref(.venue, r, "venue", .nullable)
        var start: LocalStart?
        if let v = r.value("start", .nullable), let s = FieldReader.string(v, r.sub("start"), log) {
            start = LocalStart(s)
            if start == nil { log.add(v, r.sub("start"), "\"\(s)\" is not a local date-time (YYYY-MM-DDTHH:MM) or a date (YYYY-MM-DD)") }
        }
        var duration = r.int("duration", .nullable, min: 1)
        if let d = duration, d > Screening.maxDuration, let v = r.value("duration", .nullable) {
            log.add(v, r.sub("duration"), "\(d) minutes is more than a day (at most \(Screening.maxDuration))")
            duration = nil
        }
        let event = ref(.event, r, "event", .optional)
        let status = r.enumValue("status", Screening.Status.self)
        let labels = r.array("labels", .optional).compactMap { FieldReader.string($0.node, $0.path, log) }
        if let problem = Catalog.labelsProblem(labels), let v = r.value("labels", .optional) { log.add(v, r.sub("labels"), problem) }
        let note = r.text("note", .optional)
        let sources = refs(.source, r, "sources")
        guard let id, let status, !films.isEmpty else { return nil }
        return Screening(id: id, films: films, venue: venue, start: start, duration: duration, event: event, status: status,
                         labels: labels, note: note, sources: sources)
    }

    private func trip(_ node: JSONNode, _ path: String) -> Travel? {
        guard let r = FieldReader(node, path, log: log, allowed: ["from", "to", "minutes"]) else { return nil }
        let from = ref(.venue, r, "from"), to = ref(.venue, r, "to")
        var minutes = r.int("minutes", min: 0)
        if let m = minutes, m > Travel.maxMinutes, let v = r.value("minutes", .required) {
            log.add(v, r.sub("minutes"), "\(m) minutes is more than a day (at most \(Travel.maxMinutes))")
            minutes = nil
        }
        guard let from, let to, let minutes else { return nil }
        return Travel(from: from, to: to, minutes: minutes)
    }

    private func quote(_ node: JSONNode, _ path: String) -> Quote? {
        guard let r = FieldReader(node, path, log: log, allowed: ["id", "speaker", "text", "textNote", "context", "topics", "film", "sources"]) else { return nil }
        let id = define(.quote, r), speaker = ref(.person, r, "speaker"), text = r.text("text")
        let textNote = r.text("textNote", .optional)
        var context: QuoteContext?
        if let v = r.value("context", .required), let c = FieldReader(v, r.sub("context"), log: log, allowed: ["kind", "where", "date"]) {
            let kind = c.enumValue("kind", QuoteContext.Kind.self), place = c.text("where"), date = c.date("date")
            if let kind, let place { context = QuoteContext(kind: kind, place: place, date: date) }
        }
        let topics = refs(.topic, r, "topics")
        let film = ref(.film, r, "film", .nullable)
        let sources = refs(.source, r, "sources", nonEmpty: true)
        guard let id, let speaker, let text, let context, !sources.isEmpty else { return nil }
        return Quote(id: id, speaker: speaker, text: text, textNote: textNote, context: context, topics: topics, film: film, sources: sources)
    }

    private func source(_ node: JSONNode, _ path: String) -> Source? {
        guard let r = FieldReader(node, path, log: log, allowed: ["id", "title", "author", "person", "publisher", "url", "date", "language", "note"]) else { return nil }
        let id = define(.source, r), title = r.string("title"), author = r.string("author", .nullable)
        let person = ref(.person, r, "person", .optional)
        let publisher = r.string("publisher", .nullable), url = r.url("url"), date = r.date("date")
        var language = r.string("language")
        if let tag = language, !Source.isLanguageTag(tag), let v = r.value("language", .required) {
            log.add(v, r.sub("language"), "\"\(tag)\" is not a language tag (BCP 47, such as \"en\", \"zh-Hant\" or \"zh-TW\")")
            language = nil
        }
        let note = r.text("note", .optional)
        guard let id, let title, let language else { return nil }
        return Source(id: id, title: title, author: author, person: person, publisher: publisher, url: url, date: date, language: language, note: note)
    }
}
