/// Writes a `Catalog` back in the documented JSON format; the loader reads it back equal.
public enum CatalogEncoder {
    public static func json(_ catalog: Catalog) -> String { JSONWriter.string(node(catalog)) }

    public static func node(_ c: Catalog) -> JSONNode {
        var members: [(String, JSONNode)] = [
            ("schemaVersion", .int(Catalog.schemaVersion)),
            ("id", .string(c.id)),
            ("festival", festival(c.festival)),
            ("topics", .array(c.topics.map { .object([("id", .string($0.id)), ("name", text($0.name))]) })),
            ("people", .array(c.people.map(person))),
            ("films", .array(c.films.map(film))),
        ]
        members += schedule(c)
        members += [("quotes", .array(c.quotes.map(quote))), ("sources", .array(c.sources.map(source)))]
        return .object(members)
    }

    /// `venues`, `screenings` and `travel`, each only when it has items (a catalog without
    /// a schedule is written as before).
    static func schedule(_ c: Catalog) -> [(String, JSONNode)] {
        var members: [(String, JSONNode)] = []
        if !c.venues.isEmpty { members.append(("venues", .array(c.venues.map(venue)))) }
        if !c.screenings.isEmpty { members.append(("screenings", .array(c.screenings.map(screening)))) }
        if !c.travel.isEmpty { members.append(("travel", .array(c.travel.map(travel)))) }
        return members
    }

    static func travel(_ t: Travel) -> JSONNode {
        .object([("from", .string(t.from)), ("to", .string(t.to)), ("minutes", .int(t.minutes))])
    }

    static func venue(_ v: Venue) -> JSONNode {
        .object([
            ("id", .string(v.id)), ("name", text(v.name)), ("city", text(v.city)), ("address", string(v.address)),
            ("timeZone", string(v.timeZone)),
            ("geo", v.geo.map { .object([("lat", .double($0.lat)), ("lon", .double($0.lon))]) } ?? .null),
            ("sources", ids(v.sources)),
        ])
    }

    static func screening(_ s: Screening) -> JSONNode {
        var m: [(String, JSONNode)] = [
            ("id", .string(s.id)), ("films", ids(s.films)), ("venue", string(s.venue)),
            ("start", s.start.map { .string($0.description) } ?? .null), ("duration", s.duration.map(JSONNode.int) ?? .null),
        ]
        if let event = s.event { m.append(("event", .string(event))) }
        m.append(("status", .string(s.status.rawValue)))
        if !s.labels.isEmpty { m.append(("labels", ids(s.labels))) }
        optional(&m, "note", s.note)
        m.append(("sources", ids(s.sources)))
        return .object(m)
    }

    static func text(_ t: LocalizedText) -> JSONNode {
        var members: [(String, JSONNode)] = []
        if let z = t.zhHant { members.append(("zh-Hant", .string(z))) }
        if let e = t.en { members.append(("en", .string(e))) }
        return .object(members)
    }

    static func text(_ t: LocalizedText?) -> JSONNode { t.map(text) ?? .null }
    static func string(_ s: String?) -> JSONNode { s.map(JSONNode.string) ?? .null }
    static func ids(_ list: [String]) -> JSONNode { .array(list.map(JSONNode.string)) }
    static func date(_ d: PartialDate?) -> JSONNode { d.map { .string($0.description) } ?? .null }

    /// Appends an optional member only when it has a value.
    static func optional(_ members: inout [(String, JSONNode)], _ key: String, _ t: LocalizedText?) {
        if let t { members.append((key, text(t))) }
    }

    static func festival(_ f: Festival) -> JSONNode {
        var m: [(String, JSONNode)] = [
            ("name", text(f.name)), ("shortName", .string(f.shortName)), ("organizer", text(f.organizer)),
            ("edition", text(f.edition)), ("description", text(f.description)), ("website", string(f.website)),
        ]
        if let s = f.submissions {
            var sm: [(String, JSONNode)] = [("count", .int(s.count)), ("approximate", .bool(s.approximate))]
            optional(&sm, "note", s.note)
            m.append(("submissions", .object(sm)))
        } else {
            m.append(("submissions", .null))
        }
        m.append(("finalistCount", f.finalistCount.map(JSONNode.int) ?? .null))
        m.append(("events", .array(f.events.map { e in
            var em: [(String, JSONNode)] = [("id", .string(e.id)), ("name", text(e.name)), ("date", date(e.date))]
            optional(&em, "dateNote", e.dateNote)
            em += [("venue", text(e.venue)), ("city", text(e.city)), ("sources", ids(e.sources))]
            return .object(em)
        })))
        m.append(("prizeTiers", .array(f.prizeTiers.map { t in
            var tm: [(String, JSONNode)] = [("id", .string(t.id)), ("name", text(t.name)), ("rank", .int(t.rank)),
                                            ("places", text(t.places)), ("prize", text(t.prize))]
            optional(&tm, "note", t.note)
            return .object(tm)
        })))
        m.append(("jury", ids(f.jury)))
        optional(&m, "juryNote", f.juryNote)
        m.append(("sources", ids(f.sources)))
        return .object(m)
    }

    static func person(_ p: Person) -> JSONNode {
        var m: [(String, JSONNode)] = [
            ("id", .string(p.id)), ("kind", .string(p.kind.rawValue)), ("name", text(p.name)),
            ("roles", .array(p.roles.map { .string($0.rawValue) })), ("title", text(p.title)),
            ("affiliation", text(p.affiliation)),
        ]
        optional(&m, "note", p.note)
        m.append(("sources", ids(p.sources)))
        return .object(m)
    }

    static func film(_ f: Film) -> JSONNode {
        var m: [(String, JSONNode)] = [
            ("id", .string(f.id)), ("title", text(f.title)), ("directors", ids(f.directors)),
            ("award", f.award.map { .object([("tier", $0.tier.map(JSONNode.string) ?? .null), ("place", $0.place.map(JSONNode.int) ?? .null)]) } ?? .null),
            ("runtimeSeconds", f.runtimeSeconds.map(JSONNode.int) ?? .null), ("country", text(f.country)),
            ("styles", .array(f.styles.map(text))), ("synopsis", text(f.synopsis)),
            ("links", .array(f.links.map { l in
                var lm: [(String, JSONNode)] = [("kind", .string(l.kind.rawValue)), ("url", .string(l.url))]
                optional(&lm, "label", l.label)
                return .object(lm)
            })),
        ]
        optional(&m, "note", f.note)
        m.append(("sources", ids(f.sources)))
        return .object(m)
    }

    static func quote(_ q: Quote) -> JSONNode {
        var m: [(String, JSONNode)] = [("id", .string(q.id)), ("speaker", .string(q.speaker)), ("text", text(q.text))]
        optional(&m, "textNote", q.textNote)
        m += [
            ("context", .object([("kind", .string(q.context.kind.rawValue)), ("where", text(q.context.place)), ("date", date(q.context.date))])),
            ("topics", ids(q.topics)), ("film", string(q.film)), ("sources", ids(q.sources)),
        ]
        return .object(m)
    }

    static func source(_ s: Source) -> JSONNode {
        var m: [(String, JSONNode)] = [("id", .string(s.id)), ("title", .string(s.title)), ("author", string(s.author))]
        if let p = s.person { m.append(("person", .string(p))) }
        m += [("publisher", string(s.publisher)), ("url", string(s.url)), ("date", date(s.date)), ("language", .string(s.language))]
        optional(&m, "note", s.note)
        return .object(m)
    }
}

extension CatalogEncoder {
    /// Writes exactly the bytes of `json(catalog)` in chunks of about `chunkSize` bytes,
    /// without building the whole tree or the whole text: only one person, film or source
    /// is held as a `JSONNode` at a time, and quotes are written directly. Large catalogs
    /// go out this way (`festival generate`).
    public static func write(_ c: Catalog, chunkSize: Int = 1 << 20,
                             to sink: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        var w = JSONByteWriter(capacity: chunkSize + 64 * 1024)
        func flush(force: Bool = false) throws {
            if w.out.isEmpty || (!force && w.out.count < chunkSize) { return }
            try w.out.withUnsafeBufferPointer { try sink($0) }
            w.out.removeAll(keepingCapacity: true)
        }
        // The members of `node(c)`, written as `JSONWriter` writes that object.
        func list<T>(_ key: String, _ items: [T], last: Bool = false, _ encode: (T) -> JSONNode) throws {
            w.key(key, indent: 2)
            w.beginItems(count: items.count)
            for (i, item) in items.enumerated() {
                w.item(encode(item), index: i, count: items.count, indent: 2)
                try flush()
            }
            w.raw(last ? "\n" : ",\n")
        }
        w.raw("{\n")
        w.key("schemaVersion", indent: 2)
        w.write(.int(Catalog.schemaVersion), indent: 2)
        w.raw(",\n")
        w.key("id", indent: 2)
        w.write(.string(c.id), indent: 2)
        w.raw(",\n")
        w.key("festival", indent: 2)
        w.write(festival(c.festival), indent: 2)
        w.raw(",\n")
        try list("topics", c.topics) { .object([("id", .string($0.id)), ("name", text($0.name))]) }
        try list("people", c.people, person)
        try list("films", c.films, film)
        // As `schedule(c)` gives them, each record encoded as it is written (a feed's
        // 200,000 screenings are never one tree).
        if !c.venues.isEmpty { try list("venues", c.venues, venue) }
        if !c.screenings.isEmpty { try list("screenings", c.screenings, screening) }
        if !c.travel.isEmpty { try list("travel", c.travel, travel) }
        // Quotes are most of a large catalog: written directly, without a tree.
        w.key("quotes", indent: 2)
        w.beginItems(count: c.quotes.count)
        for (i, q) in c.quotes.enumerated() {
            w.spaces(4)
            writeQuote(q, &w, indent: 4)
            w.raw(i == c.quotes.count - 1 ? "\n  ]" : ",\n")
            try flush()
        }
        w.raw(",\n")
        try list("sources", c.sources, last: true, source)
        w.raw("}\n")
        try flush(force: true)
    }

    /// Writes `quote(q)` as `JSONWriter` would, at `indent`, without building the node.
    /// The tests check that both give the same bytes.
    static func writeQuote(_ q: Quote, _ w: inout JSONByteWriter, indent: Int) {
        let m = indent + 2
        w.raw("{\n")
        w.spaces(m); w.raw("\"id\": "); w.writeString(q.id); w.raw(",\n")
        w.spaces(m); w.raw("\"speaker\": "); w.writeString(q.speaker); w.raw(",\n")
        w.spaces(m); w.raw("\"text\": "); writeText(q.text, &w, indent: m); w.raw(",\n")
        if let note = q.textNote {
            w.spaces(m); w.raw("\"textNote\": "); writeText(note, &w, indent: m); w.raw(",\n")
        }
        w.spaces(m); w.raw("\"context\": {\n")
        w.spaces(m + 2); w.raw("\"kind\": "); w.writeString(q.context.kind.rawValue); w.raw(",\n")
        w.spaces(m + 2); w.raw("\"where\": "); writeText(q.context.place, &w, indent: m + 2); w.raw(",\n")
        w.spaces(m + 2); w.raw("\"date\": ")
        if let d = q.context.date { w.writeString(d.description) } else { w.raw("null") }
        w.raw("\n")
        w.spaces(m); w.raw("},\n")
        w.spaces(m); w.raw("\"topics\": "); writeIDs(q.topics, &w); w.raw(",\n")
        w.spaces(m); w.raw("\"film\": ")
        if let f = q.film { w.writeString(f) } else { w.raw("null") }
        w.raw(",\n")
        w.spaces(m); w.raw("\"sources\": "); writeIDs(q.sources, &w); w.raw("\n")
        w.spaces(indent); w.raw("}")
    }

    /// `text(t)` as `JSONWriter` writes it at `indent`.
    static func writeText(_ t: LocalizedText, _ w: inout JSONByteWriter, indent: Int) {
        if t.zhHant == nil && t.en == nil { w.raw("{}"); return }
        w.raw("{\n")
        if let z = t.zhHant {
            w.spaces(indent + 2); w.raw("\"zh-Hant\": "); w.writeString(z)
            w.raw(t.en == nil ? "\n" : ",\n")
        }
        if let e = t.en {
            w.spaces(indent + 2); w.raw("\"en\": "); w.writeString(e); w.raw("\n")
        }
        w.spaces(indent); w.raw("}")
    }

    /// `ids(list)` as `JSONWriter` writes it: an array of strings on one line.
    static func writeIDs(_ list: [String], _ w: inout JSONByteWriter) {
        w.raw("[")
        for (i, id) in list.enumerated() {
            if i > 0 { w.raw(", ") }
            w.writeString(id)
        }
        w.raw("]")
    }

    /// The catalog's JSON as UTF-8 bytes (the text of `json(_:)`).
    public static func bytes(_ catalog: Catalog) -> [UInt8] {
        var all: [UInt8] = []
        write(catalog) { all.append(contentsOf: $0) }
        return all
    }
}
