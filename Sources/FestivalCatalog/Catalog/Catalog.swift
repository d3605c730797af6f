/// A festival catalog: the festival, its films, the people behind them, what they said,
/// and where each fact comes from. Build one with `CatalogLoader`.
public struct Catalog: Sendable, Equatable {
    public static let schemaVersion = 1

    public var id: String
    public var festival: Festival
    public var topics: [Topic] { didSet { lookup = CatalogLookup() } }
    public var people: [Person] { didSet { lookup = CatalogLookup() } }
    public var films: [Film] { didSet { lookup = CatalogLookup() } }
    /// Where screenings happen, the screenings, and minutes between venues (all may be empty).
    public var venues: [Venue] { didSet { lookup = CatalogLookup() } }
    public var screenings: [Screening] { didSet { lookup = CatalogLookup() } }
    public var travel: [Travel]
    public var quotes: [Quote] { didSet { lookup = CatalogLookup() } }
    public var sources: [Source] { didSet { lookup = CatalogLookup() } }
    /// Positions by id and quotes by speaker and film, built on first use; any change to
    /// the arrays starts a fresh one (a cache: not part of the value).
    private var lookup = CatalogLookup()

    public init(id: String, festival: Festival, topics: [Topic], people: [Person], films: [Film],
                venues: [Venue] = [], screenings: [Screening] = [], travel: [Travel] = [],
                quotes: [Quote], sources: [Source]) {
        self.id = id
        self.festival = festival
        self.topics = topics
        self.people = people
        self.films = films
        self.venues = venues
        self.screenings = screenings
        self.travel = travel
        self.quotes = quotes
        self.sources = sources
    }

    public static func == (a: Catalog, b: Catalog) -> Bool {
        a.id == b.id && a.festival == b.festival && a.topics == b.topics && a.people == b.people
            && a.films == b.films && a.venues == b.venues && a.screenings == b.screenings && a.travel == b.travel
            && a.quotes == b.quotes && a.sources == b.sources
    }

    public func film(_ id: String) -> Film? { lookup.find(id, in: films, \.film) }
    public func person(_ id: String) -> Person? { lookup.find(id, in: people, \.person) }
    public func quote(_ id: String) -> Quote? { lookup.find(id, in: quotes, \.quote) }
    public func venue(_ id: String) -> Venue? { lookup.find(id, in: venues, \.venue) }
    public func screening(_ id: String) -> Screening? { lookup.find(id, in: screenings, \.screening) }

    /// The screenings that show a film (alone or in a programme), in catalog order.
    public func screenings(ofFilm filmID: String) -> [Screening] {
        lookup.screenings(of: filmID, in: screenings).map { screenings[$0] }
    }

    /// Builds the lookup tables now (e.g. on a background thread after loading).
    public func prepareLookups() {
        lookup.prepare(films: films, people: people, quotes: quotes)
    }
    public func topic(_ id: String) -> Topic? { lookup.find(id, in: topics, \.topic) }
    public func source(_ id: String) -> Source? { lookup.find(id, in: sources, \.source) }
    public func prizeTier(_ id: String) -> PrizeTier? { festival.prizeTiers.first { $0.id == id } }

    /// Films a person directed.
    public func films(directedBy personID: String) -> [Film] {
        films.filter { $0.directors.contains(personID) }
    }

    /// Quotes a person said.
    public func quotes(by personID: String) -> [Quote] {
        lookup.quotes(of: personID, in: quotes, byFilm: false).map { quotes[$0] }
    }

    /// Quotes from or about a film (those whose `film` is its id).
    public func quotes(aboutFilm filmID: String) -> [Quote] {
        lookup.quotes(of: filmID, in: quotes, byFilm: true).map { quotes[$0] }
    }

    /// A person's name in a language, or the id when unknown.
    public func personName(_ id: String, _ language: Language) -> String {
        person(id)?.name.text(language) ?? id
    }
}

/// What the festival is, where and when it took place, its prizes and jury.
public struct Festival: Sendable, Equatable {
    public var name: LocalizedText
    public var shortName: String
    /// nil: the organizer is not known.
    public var organizer: LocalizedText?
    public var edition: LocalizedText?
    public var description: LocalizedText
    public var website: String?
    public var submissions: Submissions?
    public var finalistCount: Int?
    public var events: [Event]
    public var prizeTiers: [PrizeTier]
    public var jury: [String]
    public var juryNote: LocalizedText?
    public var sources: [String]

    public init(name: LocalizedText, shortName: String, organizer: LocalizedText?, edition: LocalizedText?,
                description: LocalizedText, website: String?, submissions: Submissions?, finalistCount: Int?,
                events: [Event], prizeTiers: [PrizeTier], jury: [String], juryNote: LocalizedText?,
                sources: [String]) {
        self.name = name
        self.shortName = shortName
        self.organizer = organizer
        self.edition = edition
        self.description = description
        self.website = website
        self.submissions = submissions
        self.finalistCount = finalistCount
        self.events = events
        self.prizeTiers = prizeTiers
        self.jury = jury
        self.juryNote = juryNote
        self.sources = sources
    }
}

/// How many works were submitted.
public struct Submissions: Sendable, Equatable {
    public var count: Int
    public var approximate: Bool
    public var note: LocalizedText?

    public init(count: Int, approximate: Bool, note: LocalizedText?) {
        self.count = count
        self.approximate = approximate
        self.note = note
    }
}

/// A screening, gala or run of the festival.
public struct Event: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var date: PartialDate?
    public var dateNote: LocalizedText?
    public var venue: LocalizedText?
    public var city: LocalizedText?
    public var sources: [String]

    public init(id: String, name: LocalizedText, date: PartialDate?, dateNote: LocalizedText?,
                venue: LocalizedText?, city: LocalizedText?, sources: [String]) {
        self.id = id
        self.name = name
        self.date = date
        self.dateNote = dateNote
        self.venue = venue
        self.city = city
        self.sources = sources
    }
}

/// A prize level (Grand Prix, Gold, …); rank 1 is the top.
public struct PrizeTier: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var rank: Int
    public var places: LocalizedText?
    public var prize: LocalizedText?
    public var note: LocalizedText?

    public init(id: String, name: LocalizedText, rank: Int, places: LocalizedText?, prize: LocalizedText?,
                note: LocalizedText?) {
        self.id = id
        self.name = name
        self.rank = rank
        self.places = places
        self.prize = prize
        self.note = note
    }
}

/// A subject quotes are about.
public struct Topic: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: LocalizedText

    public init(id: String, name: LocalizedText) {
        self.id = id
        self.name = name
    }
}

/// Where a fact or quote comes from.
public struct Source: Sendable, Equatable, Identifiable {
    public var id: String
    public var title: String
    public var author: String?
    public var person: String?
    public var publisher: String?
    public var url: String?
    public var date: PartialDate?
    public var language: String
    public var note: LocalizedText?

    public init(id: String, title: String, author: String?, person: String?, publisher: String?, url: String?,
                date: PartialDate?, language: String, note: LocalizedText?) {
        self.id = id
        self.title = title
        self.author = author
        self.person = person
        self.publisher = publisher
        self.url = url
        self.date = date
        self.language = language
        self.note = note
    }

    /// The shape of a BCP 47 language tag: a language of 2–3 letters (or 4–8), then subtags
    /// of 1–8 letters and digits, each after a `-` (`en`, `zh-Hant`, `zh-Hant-TW`, `es-419`).
    public static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
