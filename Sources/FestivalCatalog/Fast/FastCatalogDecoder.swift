/// Reads a valid catalog straight from its bytes into the model, with no JSON tree and no
/// positions — most of a load's time and memory went to the tree. It checks what the
/// loader checks (`CatalogDecoder` and `FieldReader`, member by member) and bails at the
/// first thing that is not valid; `CatalogLoader` then reads the file the slow way, so
/// every problem is still reported, located, all at once. Ids and references are checked
/// afterwards by `Catalog.integrityProblem()`.
enum FastCatalogDecoder {
    static func keys(_ names: String...) -> [[UInt8]] { names.map { Array($0.utf8) } }

    /// The catalog in `bytes`, or nil when the slow path must read them.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, progress: LoadProgress? = nil) -> Catalog? {
        var j = FastJSON(bytes, at: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
        do throws(FastJSON.Bail) {
            let catalog = try j.catalog(progress: progress)
            j.skipSpace()
            guard j.i == bytes.count, catalog.integrityProblem() == nil else { return nil }
            return catalog
        } catch {
            return nil
        }
    }
}

extension FastJSON {
    static let rootKeys = FastCatalogDecoder.keys("schemaVersion", "id", "festival", "topics", "people", "films", "venues",
                                                  "screenings", "travel", "quotes", "sources")
    /// The number in `rootKeys` of the first member after a catalog's start (`quotes`).
    static let restKey = 9

    /// What the root object has given so far.
    struct CatalogParts {
        var seen = SeenKeys()
        var id = "", festival: Festival?
        var topics: [Topic] = [], people: [Person] = [], films: [Film] = [], quotes: [Quote] = [], sources: [Source] = []
        var venues: [Venue] = [], screenings: [Screening] = [], travel: [Travel] = []

        /// The catalog, with the members that were there (all but venues, screenings and
        /// travel required; quotes and sources not for a `start`).
        func catalog(start: Bool = false) throws(Bail) -> Catalog {
            try seen.require(Array(0..<6) + (start ? [] : [9, 10]))
            guard let festival else { throw Bail() }
            return Catalog(id: id, festival: festival, topics: topics, people: people, films: films, venues: venues,
                           screenings: screenings, travel: travel, quotes: quotes, sources: sources)
        }
    }

    /// Reads one member of the root object into `parts`; `k` is its key's number in `rootKeys`.
    mutating func rootMember(_ k: Int, into parts: inout CatalogParts, progress: LoadProgress?) throws(Bail) {
        try parts.seen.mark(k)
        switch k {
        case 0: guard try int() == Catalog.schemaVersion else { throw Bail() }
        case 1: parts.id = try id()
        case 2: parts.festival = try festival()
        case 3: try array { j throws(Bail) in parts.topics.append(try j.topic()) }
        case 4: parts.people = try elements { j throws(Bail) in try j.person() }
        case 5: parts.films = try elements { j throws(Bail) in try j.film() }
        case 6: parts.venues = try elements { j throws(Bail) in try j.venue() }
        case 7: parts.screenings = try elements { j throws(Bail) in try j.screening() }
        case 8: parts.travel = try elements { j throws(Bail) in try j.trip() }
        case 9: parts.quotes = try quotes(progress: progress)
        default: try array { j throws(Bail) in parts.sources.append(try j.source()) }
        }
    }

    mutating func catalog(progress: LoadProgress?) throws(Bail) -> Catalog {
        var parts = CatalogParts()
        try object { j, key throws(Bail) in
            guard let k = key.index(in: Self.rootKeys) else { throw Bail() }
            try j.rootMember(k, into: &parts, progress: progress)
        }
        return try parts.catalog()
    }

    static let festivalKeys = FastCatalogDecoder.keys("name", "shortName", "organizer", "edition", "description", "website",
                                                      "submissions", "finalistCount", "events", "prizeTiers", "jury",
                                                      "juryNote", "sources")

    mutating func festival() throws(Bail) -> Festival {
        var seen = SeenKeys()
        var name = LocalizedText(), shortName = "", organizer: LocalizedText?, edition: LocalizedText?
        var description = LocalizedText(), website: String?, submissions: Submissions?, finalistCount: Int?
        var events: [Event] = [], tiers: [PrizeTier] = [], jury: [String] = [], juryNote: LocalizedText?, sources: [String] = []
        try object { j, key throws(Bail) in
            guard let k = key.index(in: Self.festivalKeys) else { throw Bail() }
            try seen.mark(k)
            switch k {
            case 0: name = try j.text()
            case 1: shortName = try j.nonEmpty()
            case 2: organizer = try j.nullableText()
            case 3: edition = try j.nullableText()
            case 4: description = try j.text()
            case 5: website = try j.nullableURL()
            case 6: submissions = j.null() ? nil : try j.submissions()
            case 7: finalistCount = try j.nullablePositive(min: 1)
            case 8: try j.array { j throws(Bail) in events.append(try j.event()) }
            case 9: try j.array { j throws(Bail) in tiers.append(try j.prizeTier()) }
            case 10: jury = try j.ids()
            case 11: juryNote = try j.nullableText()
            default: sources = try j.ids()
            }
        }
        try seen.require([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12])
        return Festival(name: name, shortName: shortName, organizer: organizer, edition: edition, description: description,
                        website: website, submissions: submissions, finalistCount: finalistCount, events: events,
                        prizeTiers: tiers.sorted { $0.rank < $1.rank }, jury: jury, juryNote: juryNote, sources: sources)
    }

    static let submissionKeys = FastCatalogDecoder.keys("count", "approximate", "note")

    mutating func submissions() throws(Bail) -> Submissions {
        var seen = SeenKeys()
        var count = 0, approximate = false, note: LocalizedText?
        try object { j, key throws(Bail) in
            guard let k = key.index(in: Self.submissionKeys) else { throw Bail() }
            try seen.mark(k)
            switch k {
            case 0: count = try j.positive(min: 0)
            case 1: approximate = try j.bool()
            default: note = try j.nullableText()
            }
        }
        try seen.require([0, 1])
        return Submissions(count: count, approximate: approximate, note: note)
    }

    static let eventKeys = FastCatalogDecoder.keys("id", "name", "date", "dateNote", "venue", "city", "sources")

    mutating func event() throws(Bail) -> Event {
        var seen = SeenKeys()
        var id = "", name = LocalizedText(), date: PartialDate?, dateNote: LocalizedText?, venue: LocalizedText?
        var city: LocalizedText?, sources: [String] = []
        try object { j, key throws(Bail) in
            guard let k = key.index(in: Self.eventKeys) else { throw Bail() }
            try seen.mark(k)
            switch k {
            case 0: id = try j.id()
            case 1: name = try j.text()
            case 2: date = try j.nullableDate()
            case 3: dateNote = try j.nullableText()
            case 4: venue = try j.nullableText()
            case 5: city = try j.nullableText()
            default: sources = try j.ids()
            }
        }
        try seen.require([0, 1, 2, 4, 5, 6])
        return Event(id: id, name: name, date: date, dateNote: dateNote, venue: venue, city: city, sources: sources)
    }

    static let tierKeys = FastCatalogDecoder.keys("id", "name", "rank", "places", "prize", "note")

    mutating func prizeTier() throws(Bail) -> PrizeTier {
        var seen = SeenKeys()
        var id = "", name = LocalizedText(), rank = 0, places: LocalizedText?, prize: LocalizedText?, note: LocalizedText?
        try object { j, key throws(Bail) in
            guard let k = key.index(in: Self.tierKeys) else { throw Bail() }
            try seen.mark(k)
            switch k {
            case 0: id = try j.id()
            case 1: name = try j.text()
            case 2: rank = try j.positive(min: 1)
            case 3: places = try j.nullableText()
            case 4: prize = try j.nullableText()
            default: note = try j.nullableText()
            }
        }
        try seen.require([0, 1, 2, 3, 4])
        return PrizeTier(id: id, name: name, rank: rank, places: places, prize: prize, note: note)
    }

    static let topicKeys = FastCatalogDecoder.keys("id", "name")

    mutating func topic() throws(Bail) -> Topic {
        var seen = SeenKeys()
        var id = "", name = LocalizedText()
        try object { j, key throws(Bail) in
            guard let k = key.index(in: Self.topicKeys) else { throw Bail() }
            try seen.mark(k)
            if k == 0 { id = try j.id() } else { name = try j.text() }
        }
        try seen.require([0, 1])
        return Topic(id: id, name: name)
    }

    static let personKeys = FastCatalogDecoder.keys("id", "kind", "name", "roles", "title", "affiliation", "note", "sources")

    mutating func person() throws(Bail) -> Person {
        var seen = SeenKeys()
        var id = "", kind = Person.Kind.person, name = LocalizedText(), roles: [Person.Role] = []
        var title: LocalizedText?, affiliation: LocalizedText?, note: LocalizedText?, sources: [String] = []
        try object { j, key throws(Bail) in
            guard let k = key.index(in: Self.personKeys) else { throw Bail() }
            try seen.mark(k)
            switch k {
            case 0: id = try j.id()
            case 1: kind = try j.enumValue(Person.Kind.self)
            case 2: name = try j.text()
            case 3: try j.array { j throws(Bail) in roles.append(try j.enumValue(Person.Role.self)) }
            case 4: title = try j.nullableText()
            case 5: affiliation = try j.nullableText()
            case 6: note = try j.nullableText()
            default: sources = try j.ids()
            }
        }
        try seen.require([0, 1, 2, 3, 4, 5, 7])
        return Person(id: id, kind: kind, name: name, roles: roles, title: title, affiliation: affiliation, note: note, sources: sources)
    }

    static let filmKeys = FastCatalogDecoder.keys("id", "title", "directors", "award", "runtimeSeconds", "country", "styles",
                                                  "synopsis", "links", "note", "sources")
    static let awardKeys = FastCatalogDecoder.keys("tier", "place")
    static let linkKeys = FastCatalogDecoder.keys("kind", "url", "label")

    mutating func film() throws(Bail) -> Film {
        var seen = SeenKeys()
        var id = "", title = LocalizedText(), directors: [String] = [], award: Award?, runtime: Int?, country: LocalizedText?
        var styles: [LocalizedText] = [], synopsis: LocalizedText?, links: [Link] = [], note: LocalizedText?, sources: [String] = []
        try object { j, key throws(Bail) in
            guard let k = key.index(in: Self.filmKeys) else { throw Bail() }
            try seen.mark(k)
            switch k {
            case 0: id = try j.id()
            case 1: title = try j.text()
            case 2: directors = try j.ids()
            case 3: award = j.null() ? nil : try j.award()
            case 4: runtime = try j.nullablePositive(min: 1)
            case 5: country = try j.nullableText()
            case 6: try j.array { j throws(Bail) in styles.append(try j.text()) }
            case 7: synopsis = try j.nullableText()
            case 8: try j.array { j throws(Bail) in links.append(try j.link()) }
            case 9: note = try j.nullableText()
            default: sources = try j.ids()
            }
        }
        try seen.require([0, 1, 2, 3, 4, 5, 6, 7, 8, 10])
        return Film(id: id, title: title, directors: directors, award: award, runtimeSeconds: runtime, country: country,
                    styles: styles, synopsis: synopsis, links: links, note: note, sources: sources)
    }

    mutating func award() throws(Bail) -> Award {
        var seen = SeenKeys()
        var tier: String?, place: Int?
        try object { j, key throws(Bail) in
            guard let k = key.index(in: Self.awardKeys) else { throw Bail() }
            try seen.mark(k)
            if k == 0 { tier = try j.nullableID() } else { place = try j.nullablePositive(min: 1) }
        }
        try seen.require([0, 1])
        guard tier != nil || place != nil else { throw Bail() }
        return Award(tier: tier, place: place)
    }

    mutating func link() throws(Bail) -> Link {
        var seen = SeenKeys()
        var kind = Link.Kind.watch, url = "", label: LocalizedText?
        try object { j, key throws(Bail) in
            guard let k = key.index(in: Self.linkKeys) else { throw Bail() }
            try seen.mark(k)
            switch k {
            case 0: kind = try j.enumValue(Link.Kind.self)
            case 1: url = try j.url()
            default: label = try j.nullableText()
            }
        }
        try seen.require([0, 1])
        return Link(kind: kind, url: url, label: label)
    }

    static let quoteKeys = FastCatalogDecoder.keys("id", "speaker", "text", "textNote", "context", "topics", "film", "sources")
    static let contextKeys = FastCatalogDecoder.keys("kind", "where", "date")

    mutating func quote() throws(Bail) -> Quote {
        var seen = SeenKeys()
        var id = "", speaker = "", text = LocalizedText(), textNote: LocalizedText?
        var context = QuoteContext(kind: .other, place: LocalizedText(), date: nil), topics: [String] = [], film: String?
        var sources: [String] = []
        try object { j, key throws(Bail) in
            guard let k = key.index(in: Self.quoteKeys) else { throw Bail() }
            try seen.mark(k)
            switch k {
            case 0: id = try j.id()
            case 1: speaker = try j.id(shared: true)
            case 2: text = try j.text()
            case 3: textNote = try j.nullableText(shared: true)
            case 4: context = try j.context()
            case 5: topics = try j.ids(shared: true)
            case 6: film = try j.nullableID(shared: true)
            default: sources = try j.ids(shared: true)
            }
        }
        try seen.require([0, 1, 2, 4, 5, 6, 7])
        guard !sources.isEmpty else { throw Bail() }
        return Quote(id: id, speaker: speaker, text: text, textNote: textNote, context: context, topics: topics, film: film, sources: sources)
    }

    mutating func context() throws(Bail) -> QuoteContext {
        var seen = SeenKeys()
        var kind = QuoteContext.Kind.other, place = LocalizedText(), date: PartialDate?
        try object { j, key throws(Bail) in
            guard let k = key.index(in: Self.contextKeys) else { throw Bail() }
            try seen.mark(k)
            switch k {
            case 0: kind = try j.enumValue(QuoteContext.Kind.self)
            case 1: place = try j.text(shared: true)
            default: date = try j.nullableDate()
            }
        }
        try seen.require([0, 1, 2])
        return QuoteContext(kind: kind, place: place, date: date)
    }

    static let sourceKeys = FastCatalogDecoder.keys("id", "title", "author", "person", "publisher", "url", "date", "language", "note")

    mutating func source() throws(Bail) -> Source {
        var seen = SeenKeys()
        var id = "", title = "", author: String?, person: String?, publisher: String?, url: String?, date: PartialDate?
        var language = "", note: LocalizedText?
        try object { j, key throws(Bail) in
            guard let k = key.index(in: Self.sourceKeys) else { throw Bail() }
            try seen.mark(k)
            switch k {
            case 0: id = try j.id()
            case 1: title = try j.nonEmpty()
            case 2: author = try j.nullableString()
            case 3: person = try j.nullableID()
            case 4: publisher = try j.nullableString()
            case 5: url = try j.nullableURL()
            case 6: date = try j.nullableDate()
            case 7: language = try j.nonEmpty()
            default: note = try j.nullableText()
            }
        }
        try seen.require([0, 1, 2, 4, 5, 6, 7])
        return Source(id: id, title: title, author: author, person: person, publisher: publisher, url: url, date: date,
                      language: language, note: note)
    }
}
