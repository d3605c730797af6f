import FestivalIO
/// Field by field encoding of every catalog type, in declaration order (see `CatalogBinary.swift`).
/// Bump `CatalogCache.formatVersion` whenever this changes.
extension CatalogBinaryEncoder {
    /// Every list item takes at least one 4-byte string index or count.
    static let minimumItemSize = 4

    mutating func catalog(_ c: Catalog) {
        unique(c.id)
        festival(c.festival)
        list(c.topics) { e, t in e.string(t.id); e.text(t.name) }
        list(c.people) { $0.person($1) }
        list(c.films) { $0.film($1) }
        list(c.venues) { $0.venue($1) }
        list(c.screenings) { $0.screening($1) }
        list(c.travel) { e, t in e.string(t.from); e.string(t.to); e.w.int(t.minutes) }
        quotes(c.quotes)
        list(c.sources) { $0.source($1) }
    }

    mutating func festival(_ f: Festival) {
        text(f.name, unique: true)
        unique(f.shortName)
        optionalText(f.organizer, unique: true)
        optionalText(f.edition, unique: true)
        text(f.description, unique: true)
        optionalString(f.website, unique: true)
        w.bool(f.submissions != nil)
        if let s = f.submissions {
            w.int(s.count)
            w.bool(s.approximate)
            optionalText(s.note)
        }
        w.optionalInt(f.finalistCount)
        list(f.events) { $0.event($1) }
        list(f.prizeTiers) { $0.prizeTier($1) }
        strings(f.jury)
        optionalText(f.juryNote)
        strings(f.sources)
    }

    mutating func event(_ e: Event) {
        unique(e.id)
        text(e.name, unique: true)
        date(e.date)
        optionalText(e.dateNote)
        optionalText(e.venue)
        optionalText(e.city)
        strings(e.sources)
    }

    mutating func prizeTier(_ p: PrizeTier) {
        unique(p.id)
        text(p.name, unique: true)
        w.int(p.rank)
        optionalText(p.places)
        optionalText(p.prize)
        optionalText(p.note)
    }

    mutating func source(_ s: Source) {
        unique(s.id)
        unique(s.title)
        optionalString(s.author)
        optionalString(s.person)
        optionalString(s.publisher)
        optionalString(s.url, unique: true)
        date(s.date)
        string(s.language)
        optionalText(s.note)
    }

    mutating func person(_ p: Person) {
        unique(p.id)
        enumValue(p.kind)
        text(p.name, unique: true)
        list(p.roles) { $0.enumValue($1) }
        optionalText(p.title)
        optionalText(p.affiliation)
        optionalText(p.note)
        strings(p.sources)
    }

    mutating func film(_ f: Film) {
        unique(f.id)
        text(f.title, unique: true)
        strings(f.directors)
        w.bool(f.award != nil)
        if let a = f.award {
            optionalString(a.tier)
            w.optionalInt(a.place)
        }
        w.optionalInt(f.runtimeSeconds)
        optionalText(f.country)
        list(f.styles) { $0.text($1) }
        optionalText(f.synopsis, unique: true)
        list(f.links) { e, l in
            e.enumValue(l.kind)
            e.unique(l.url)
            e.optionalText(l.label)
        }
        optionalText(f.note)
        strings(f.sources)
    }

    mutating func quote(_ q: Quote) {
        unique(q.id)
        string(q.speaker)
        text(q.text, unique: true)
        optionalText(q.textNote)
        enumValue(q.context.kind)
        text(q.context.place)
        date(q.context.date)
        strings(q.topics)
        optionalString(q.film)
        strings(q.sources)
    }

    /// A flags byte (bit 0: a date, bit 1: with a month, bit 2: with a day), then the parts.
    mutating func date(_ d: PartialDate?) {
        guard let d else { w.u8(0); return }
        w.u8(1 | (d.month != nil ? 2 : 0) | (d.day != nil ? 4 : 0))
        w.int(d.year)
        if let m = d.month { w.int(m) }
        if let day = d.day { w.int(day) }
    }
}

extension CatalogBinaryDecoder {
    private static var minimumItemSize: Int { CatalogBinaryEncoder.minimumItemSize }

    mutating func catalog() throws(BinaryReader.Corrupt) -> Catalog {
        let id = try string()
        let festival = try festival()
        let topics = try list(minimumSize: Self.minimumItemSize) { d throws(BinaryReader.Corrupt) in
            Topic(id: try d.string(), name: try d.text())
        }
        let people = try list(minimumSize: Self.minimumItemSize) { d throws(BinaryReader.Corrupt) in try d.person() }
        let films = try list(minimumSize: Self.minimumItemSize) { d throws(BinaryReader.Corrupt) in try d.film() }
        let venues = try list(minimumSize: Self.minimumItemSize) { d throws(BinaryReader.Corrupt) in try d.venue() }
        let screenings = try list(minimumSize: Self.minimumItemSize) { d throws(BinaryReader.Corrupt) in try d.screening() }
        let travel = try list(minimumSize: Self.minimumItemSize) { d throws(BinaryReader.Corrupt) in
            Travel(from: try d.string(), to: try d.string(), minutes: try d.r.int())
        }
        let quotes = try quotes()
        let sources = try list(minimumSize: Self.minimumItemSize) { d throws(BinaryReader.Corrupt) in try d.source() }
        return Catalog(id: id, festival: festival, topics: topics, people: people, films: films, venues: venues,
                       screenings: screenings, travel: travel, quotes: quotes, sources: sources)
    }

    mutating func festival() throws(BinaryReader.Corrupt) -> Festival {
        let name = try text()
        let shortName = try string()
        let organizer = try optionalText()
        let edition = try optionalText()
        let description = try text()
        let website = try optionalString()
        var submissions: Submissions?
        if try r.bool() {
            let count = try r.int()
            let approximate = try r.bool()
            submissions = Submissions(count: count, approximate: approximate, note: try optionalText())
        }
        let finalistCount = try r.optionalInt()
        let events = try list(minimumSize: Self.minimumItemSize) { d throws(BinaryReader.Corrupt) in try d.event() }
        let prizeTiers = try list(minimumSize: Self.minimumItemSize) { d throws(BinaryReader.Corrupt) in try d.prizeTier() }
        let jury = try strings()
        let juryNote = try optionalText()
        return Festival(name: name, shortName: shortName, organizer: organizer, edition: edition,
                        description: description, website: website, submissions: submissions,
                        finalistCount: finalistCount, events: events, prizeTiers: prizeTiers, jury: jury,
                        juryNote: juryNote, sources: try strings())
    }

    mutating func event() throws(BinaryReader.Corrupt) -> Event {
        let id = try string()
        let name = try text()
        let date = try date()
        let dateNote = try optionalText()
        let venue = try optionalText()
        let city = try optionalText()
        return Event(id: id, name: name, date: date, dateNote: dateNote, venue: venue, city: city, sources: try strings())
    }

    mutating func prizeTier() throws(BinaryReader.Corrupt) -> PrizeTier {
        let id = try string()
        let name = try text()
        let rank = try r.int()
        let places = try optionalText()
        let prize = try optionalText()
        return PrizeTier(id: id, name: name, rank: rank, places: places, prize: prize, note: try optionalText())
    }

    mutating func source() throws(BinaryReader.Corrupt) -> Source {
        let id = try string()
        let title = try string()
        let author = try optionalString()
        let person = try optionalString()
        let publisher = try optionalString()
        let url = try optionalString()
        let date = try date()
        let language = try string()
        return Source(id: id, title: title, author: author, person: person, publisher: publisher, url: url,
                      date: date, language: language, note: try optionalText())
    }

    mutating func person() throws(BinaryReader.Corrupt) -> Person {
        let id = try string()
        let kind = try enumValue(Person.Kind.self)
        let name = try text()
        let roles = try list(minimumSize: Self.minimumItemSize) { d throws(BinaryReader.Corrupt) in
            try d.enumValue(Person.Role.self)
        }
        let title = try optionalText()
        let affiliation = try optionalText()
        let note = try optionalText()
        return Person(id: id, kind: kind, name: name, roles: roles, title: title, affiliation: affiliation, note: note,
                      sources: try strings())
    }

    mutating func film() throws(BinaryReader.Corrupt) -> Film {
        let id = try string()
        let title = try text()
        let directors = try strings()
        var award: Award?
        if try r.bool() {
            let tier = try optionalString()
            award = Award(tier: tier, place: try r.optionalInt())
        }
        let runtime = try r.optionalInt()
        let country = try optionalText()
        let styles = try list(minimumSize: Self.minimumItemSize) { d throws(BinaryReader.Corrupt) in try d.text() }
        let synopsis = try optionalText()
        let links = try list(minimumSize: Self.minimumItemSize) { d throws(BinaryReader.Corrupt) in
            let kind = try d.enumValue(Link.Kind.self)
            let url = try d.string()
            return Link(kind: kind, url: url, label: try d.optionalText())
        }
        let note = try optionalText()
        return Film(id: id, title: title, directors: directors, award: award, runtimeSeconds: runtime, country: country,
                    styles: styles, synopsis: synopsis, links: links, note: note, sources: try strings())
    }

    mutating func quote() throws(BinaryReader.Corrupt) -> Quote {
        let id = try string()
        let speaker = try reference(.person)
        let text = try text()
        let textNote = try optionalText()
        let kind = try enumValue(QuoteContext.Kind.self)
        let place = try self.text()
        let date = try date()
        let topics = try references(.topic)
        let film = try optionalReference(.film)
        return Quote(id: id, speaker: speaker, text: text, textNote: textNote,
                     context: QuoteContext(kind: kind, place: place, date: date), topics: topics, film: film,
                     sources: try references(.source))
    }

    mutating func date() throws(BinaryReader.Corrupt) -> PartialDate? {
        let flags = try r.u8()
        if flags == 0 { return nil }
        guard flags & 1 == 1, flags <= 7 else { throw BinaryReader.Corrupt(description: "bad date flags \(flags)") }
        let year = try r.int()
        let month = flags & 2 != 0 ? try r.int() : nil
        let day = flags & 4 != 0 ? try r.int() : nil
        guard let date = PartialDate(checkedYear: year, month: month, day: day) else {
            throw BinaryReader.Corrupt(description: "impossible date at byte \(r.offset)")
        }
        return date
    }
}
