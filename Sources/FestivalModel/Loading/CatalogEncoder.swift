/// Writes a `Catalog` back in the documented JSON format; the loader reads it back equal.
public enum CatalogEncoder {
    public static func json(_ catalog: Catalog) -> String { JSONWriter.string(node(catalog)) }

    public static func node(_ c: Catalog) -> JSONNode {
        .object([
            ("schemaVersion", .int(Catalog.schemaVersion)),
            ("id", .string(c.id)),
            ("festival", festival(c.festival)),
            ("topics", .array(c.topics.map { .object([("id", .string($0.id)), ("name", text($0.name))]) })),
            ("people", .array(c.people.map(person))),
            ("films", .array(c.films.map(film))),
            ("quotes", .array(c.quotes.map(quote))),
            ("sources", .array(c.sources.map(source))),
        ])
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
            ("award", f.award.map { .object([("tier", .string($0.tier)), ("place", $0.place.map(JSONNode.int) ?? .null)]) } ?? .null),
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
